/** Which edits stay inside one function body or in comments (incremental runs reach fewer importers for them). */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import ts = require('typescript');
import { isBodyOnlyEdit } from '../../src/core/analysis/editScope';

const parse = (text: string): ts.SourceFile => ts.createSourceFile('/w/a.ts', text, ts.ScriptTarget.ES2022, true);
const BASE = "import { x } from './x';\nexport const s = 'a b';\nexport function f(v: string): string {\n  return v;\n}\n";
const narrow = (after: string, sameReturn = true, annotated: number[] = []): boolean => isBodyOnlyEdit(parse(BASE), parse(after), annotated, () => sameReturn);

test('comment lines and statements inside a body are narrow edits', () => {
  assert.equal(narrow(`// a note\n${BASE}`), true);
  assert.equal(narrow(BASE.replace('return v;', "return 'x';")), true);
  assert.equal(narrow(BASE.replace('  return v;', '\n  return v;')), true);
});

test('declarations, literals, tags and changed return types are not', () => {
  assert.equal(narrow(BASE.replace("'a b'", "'a  b'")), false);
  assert.equal(narrow(`/** @residency jp-only */\n${BASE}`), false);
  assert.equal(narrow(`// residency-guard-ignore JPR001 -- reason\n${BASE}`), false);
  assert.equal(narrow(BASE.replace('v: string)', 'v: number)')), false);
  assert.equal(narrow(BASE.replace('export const s', 'export let s')), false);
  // A function without a written return type: callers see its inferred type, compared by the caller.
  const untyped = BASE.replace('(v: string): string {', '(v: string) {');
  assert.equal(isBodyOnlyEdit(parse(untyped), parse(untyped.replace('return v;', 'return 1;')), [], () => false), false);
  assert.equal(isBodyOnlyEdit(parse(untyped), parse(untyped.replace('return v;', 'return v.trim();')), [], () => true), true);
  // An annotated declaration at or after the edit: its identity is its position (one before it is kept).
  const edited = BASE.replace('return v;', "return 'x';");
  assert.equal(narrow(edited, true, [BASE.length - 1]), false);
  assert.equal(narrow(edited, true, [BASE.indexOf('export const')]), true);
});
