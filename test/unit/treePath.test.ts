/** Sources are named by their place in the tree (nodes.ts `treePath`): unique in a file, and kept when comments move code. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import ts = require('typescript');
import { treePath } from '../../src/core/analysis/nodes';

const TEXT = '/**\n * @typedef {Object} A\n * @property {string} email\n */\n/**\n * @typedef {Object} B\n * @property {string} email\n */\nconst x = 1;\nclass C { a = 1; m(p) { return p; } }\n';

function paths(text: string): Map<string, string> {
  const sf = ts.createSourceFile('/w/a.js', text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const out = new Map<string, string>();
  const visit = (n: ts.Node): void => {
    out.set(treePath(n), `${ts.SyntaxKind[n.kind]}@${n.getStart(sf)}`);
    ts.forEachChild(n, visit);
    for (const d of (n as { jsDoc?: ts.Node[] }).jsDoc ?? []) visit(d);
  };
  visit(sf);
  return out;
}

test('every node of a file has its own tree path, JSDoc typedefs included', () => {
  const sf = ts.createSourceFile('/w/a.js', TEXT, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  let nodes = 0;
  const visit = (n: ts.Node): void => {
    nodes++;
    ts.forEachChild(n, visit);
    for (const d of (n as { jsDoc?: ts.Node[] }).jsDoc ?? []) visit(d);
  };
  visit(sf);
  assert.equal(paths(TEXT).size, nodes);
});

test('comment lines added above keep every node\'s tree path and kind', () => {
  const before = [...paths(TEXT)].map(([p, v]) => `${p} ${v.split('@')[0]}`);
  const after = [...paths(`// a note\n\n${TEXT.replace('const x', '/* inline */ const x')}`)].map(([p, v]) => `${p} ${v.split('@')[0]}`);
  assert.deepEqual(after, before);
});
