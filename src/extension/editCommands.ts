/**
 * The client commands the server's quick fixes run: insert a snippet with its first placeholder selected
 * (INSERT_SNIPPET_COMMAND: a suppression's reason, a region), and open the config file with the value at a
 * JSON path selected (REVEAL_CONFIG_COMMAND: after a config fix, or to open a party).
 */
import { findNodeAtLocation, parseTree, type JSONPath } from 'jsonc-parser';
import * as vscode from 'vscode';

interface PositionLike {
  readonly line: number;
  readonly character: number;
}

/** Resolves to whether the snippet was inserted. */
export async function insertSnippet(uri: unknown, at: unknown, snippet: unknown): Promise<boolean> {
  if (typeof uri !== 'string' || typeof snippet !== 'string' || !isPosition(at)) return false;
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: false });
  return editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Position(at.line, at.character));
}

/** Opens the config file and selects the node at `path` (the whole entry for an object); resolves to the selected range. */
export async function revealInConfig(uri: unknown, path: unknown): Promise<vscode.Range | undefined> {
  if (typeof uri !== 'string' || !Array.isArray(path)) return undefined;
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: false });
  const document = editor.document;
  const node = findNodeAtLocation(parseTree(document.getText()) ?? { type: 'null', offset: 0, length: 0 }, path as JSONPath);
  if (!node) return undefined;
  // A string's selection leaves its quotes out, so that typing replaces only the value.
  const inner = node.type === 'string' ? 1 : 0;
  const range = new vscode.Range(document.positionAt(node.offset + inner), document.positionAt(node.offset + node.length - inner));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return range;
}

function isPosition(value: unknown): value is PositionLike {
  const p = value as PositionLike | null;
  return typeof p === 'object' && p !== null && Number.isInteger(p.line) && Number.isInteger(p.character);
}
