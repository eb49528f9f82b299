/**
 * The transfer map (command Show Transfer Map): a webview panel that draws, for the workspace, Japan → each
 * country its data reaches → the parties and storage places there, with the data categories and findings
 * on each edge (from the server's TRANSFER_MAP_REQUEST). It follows the theme (VS Code's CSS variables),
 * shows the display language, opens the code of a finding or sink on click, and is redrawn after each
 * analysis while open. The page reports what it rendered (counted from the page), so that tests can check it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TRANSFER_MAP_REQUEST, type DataMapLocation, type TransferMap } from '../shared/protocol';
import { displayLanguage } from './settings';

export const TRANSFER_MAP_VIEW = 'residencyGuard.transferMap';
/** How long a render may take before Show Transfer Map gives up waiting for it. */
const RENDER_TIMEOUT_MS = 30_000;

/** What the page shows, counted from the page itself. */
export interface TransferMapSummary {
  readonly countries: readonly { readonly country: string; readonly findings: number }[];
  readonly findings: number;
  readonly edges: number;
}

type FromPage =
  | { readonly type: 'ready' }
  | { readonly type: 'rendered'; readonly summary: TransferMapSummary }
  | { readonly type: 'open'; readonly location: DataMapLocation };

function labels(): Record<string, string> {
  return {
    title: vscode.l10n.t('Transfer map: where personal data of users in Japan goes'),
    summary: vscode.l10n.t('{0} countries · {1} findings'),
    japan: vscode.l10n.t('Japan (users)'),
    party: vscode.l10n.t('recipient'),
    storage: vscode.l10n.t('storage or processing'),
    unknownCountry: vscode.l10n.t('unknown country'),
    empty: vscode.l10n.t('No personal data reaches a destination in this workspace.'),
  };
}

export class TransferMapPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private map: TransferMap | undefined;
  private readonly rendered = new vscode.EventEmitter<TransferMapSummary>();
  /** Fires each time the page has drawn a map. */
  readonly onDidRender = this.rendered.event;

  constructor(private readonly client: LanguageClient, private readonly extensionUri: vscode.Uri) {}

  /** Opens (or reveals) the map with fresh data; resolves with what the page rendered. */
  async show(): Promise<TransferMapSummary> {
    const next = this.nextRender();
    if (!this.panel) this.panel = this.createPanel();
    else this.panel.reveal();
    await this.refresh();
    return next;
  }

  /** Fetches the map again and redraws it, when the panel is open (after each analysis). */
  async refresh(): Promise<void> {
    if (!this.panel) return;
    this.map = await this.client.sendRequest<TransferMap>(TRANSFER_MAP_REQUEST, {});
    this.post();
  }

  private nextRender(): Promise<TransferMapSummary> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(vscode.l10n.t('the transfer map did not render')));
      }, RENDER_TIMEOUT_MS);
      const subscription = this.onDidRender((summary) => {
        clearTimeout(timer);
        subscription.dispose();
        resolve(summary);
      });
    });
  }

  private post(): void {
    if (this.panel && this.ready && this.map) void this.panel.webview.postMessage({ type: 'map', map: this.map, labels: labels(), lang: displayLanguage() });
  }

  private createPanel(): vscode.WebviewPanel {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(TRANSFER_MAP_VIEW, vscode.l10n.t('Transfer Map'), vscode.ViewColumn.Active,
      { enableScripts: true, localResourceRoots: [media], retainContextWhenHidden: true });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    panel.webview.html = pageHtml(panel.webview, media);
    panel.webview.onDidReceiveMessage((m: FromPage) => this.receive(m));
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
    });
    return panel;
  }

  private receive(m: FromPage): void {
    if (m.type === 'ready') {
      this.ready = true;
      this.post();
    } else if (m.type === 'rendered') this.rendered.fire(m.summary);
    else if (m.type === 'open') void openLocation(m.location);
  }

  dispose(): void {
    this.panel?.dispose();
    this.rendered.dispose();
  }
}

async function openLocation(location: DataMapLocation): Promise<void> {
  const position = new vscode.Position(location.line, location.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.Beside });
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: 32 }, () => chars[Math.floor(Math.random() * chars.length)]).join('');
}

function pageHtml(webview: vscode.Webview, media: vscode.Uri): string {
  const n = nonce();
  const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'transferMap.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'transferMap.js'));
  return `<!DOCTYPE html>
<html lang="${displayLanguage()}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css.toString()}"></head>
<body><main id="root"></main><script nonce="${n}" src="${js.toString()}"></script></body></html>`;
}
