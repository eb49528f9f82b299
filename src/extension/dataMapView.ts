/**
 * The "Residency Data Map" tree view (`residencyGuard.dataMap`, Explorer): data category → country →
 * party → code locations, from the server's DATA_MAP_REQUEST. A location opens its file at the position.
 * Location rows carry no resource URI, so they do not take the file's problem colour and count; the row
 * says what reaches the sink, its description where, and its tooltip both in full.
 */
import * as vscode from 'vscode';
import type { DataMapCategory, DataMapCountry, DataMapLocation, DataMapParty } from '../shared/protocol';

export const DATA_MAP_VIEW = 'residencyGuard.dataMap';

type Node =
  | { readonly kind: 'category'; readonly data: DataMapCategory }
  | { readonly kind: 'country'; readonly data: DataMapCountry }
  | { readonly kind: 'party'; readonly data: DataMapParty }
  | { readonly kind: 'location'; readonly data: DataMapLocation };

export class DataMapProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private categories: readonly DataMapCategory[] = [];

  /** Replaces the whole map. */
  set(categories: readonly DataMapCategory[]): void {
    this.categories = categories;
    this.changed.fire(undefined);
  }

  get size(): number {
    return this.categories.length;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.categories.map((data) => ({ kind: 'category', data }));
    switch (node.kind) {
      case 'category': return node.data.countries.map((data) => ({ kind: 'country', data }));
      case 'country': return node.data.parties.map((data) => ({ kind: 'party', data }));
      case 'party': return node.data.locations.map((data) => ({ kind: 'location', data }));
      case 'location': return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'category': return categoryItem(node.data);
      case 'country': return countryItem(node.data);
      case 'party': return partyItem(node.data);
      case 'location': return locationItem(node.data);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const expanded = vscode.TreeItemCollapsibleState.Expanded;
const collapsed = vscode.TreeItemCollapsibleState.Collapsed;

function categoryItem(category: DataMapCategory): vscode.TreeItem {
  const item = new vscode.TreeItem(category.category, expanded);
  item.iconPath = new vscode.ThemeIcon('symbol-field');
  const countries = category.countries.length;
  item.description = countries === 1 ? vscode.l10n.t('{0} country', countries) : vscode.l10n.t('{0} countries', countries);
  item.contextValue = 'category';
  return item;
}

function countryItem(country: DataMapCountry): vscode.TreeItem {
  const item = new vscode.TreeItem(country.country === 'unknown' ? vscode.l10n.t('unknown country') : country.country, expanded);
  item.iconPath = new vscode.ThemeIcon(country.country === 'JP' ? 'home' : 'globe');
  const parties = country.parties.length;
  item.description = parties === 1 ? vscode.l10n.t('{0} party', parties) : vscode.l10n.t('{0} parties', parties);
  item.contextValue = 'country';
  return item;
}

function partyItem(party: DataMapParty): vscode.TreeItem {
  const item = new vscode.TreeItem(party.name || party.party, collapsed);
  item.iconPath = new vscode.ThemeIcon('organization');
  item.description = [party.party, party.access].filter((s) => s !== '').join(' · ');
  item.tooltip = `${party.name} (${[party.party, party.access].filter((s) => s !== '').join(', ')}) · ${locationCount(party.locations.length)}`;
  item.contextValue = 'party';
  return item;
}

function locationItem(location: DataMapLocation): vscode.TreeItem {
  const uri = vscode.Uri.parse(location.uri);
  const position = new vscode.Position(location.line, location.character);
  const where = location.where ?? `${vscode.workspace.asRelativePath(uri)}:${location.line + 1}`;
  const item = new vscode.TreeItem(location.label, vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon('location');
  item.description = where;
  item.tooltip = `${location.label}\n${where}:${location.character + 1}`;
  item.command = {
    command: 'vscode.open',
    title: vscode.l10n.t('Open Location'),
    arguments: [uri, { selection: new vscode.Range(position, position) } satisfies vscode.TextDocumentShowOptions],
  };
  item.contextValue = 'location';
  return item;
}

function locationCount(n: number): string {
  return n === 1 ? vscode.l10n.t('{0} location', n) : vscode.l10n.t('{0} locations', n);
}
