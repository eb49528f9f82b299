/** Which edits stay inside one function body or in comments (incremental runs reach fewer importers for them). */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import ts = require('typescript');
import { comparableReturnType, isBodyOnlyEdit } from '../../src/core/analysis/editScope';

const parse = (text: string): ts.SourceFile => ts.createSourceFile('/w/a.ts', text, ts.ScriptTarget.ES2022, true);
const BASE = "import { x } from './x';\nexport const s = 'a b';\nexport function f(v: string): string {\n  return v;\n}\n";
const narrow = (after: string, sameReturn = true): boolean => isBodyOnlyEdit(parse(BASE), parse(after), () => sameReturn);

test('comment lines and statements inside a body are narrow edits', () => {
  assert.equal(narrow(`// a note\n${BASE}`), true);
  // A suppression directive applies to each run's findings as they are reported.
  assert.equal(narrow(`// residency-guard-disable-next-line JPR001 -- reason\n${BASE}`), true);
  assert.equal(narrow(BASE.replace('return v;', "return 'x';")), true);
  assert.equal(narrow(BASE.replace('  return v;', '\n  return v;')), true);
});

test('declarations, literals, tags and changed return types are not', () => {
  assert.equal(narrow(BASE.replace("'a b'", "'a  b'")), false);
  assert.equal(narrow(`/** @residency jp-only */\n${BASE}`), false);
  assert.equal(narrow(BASE.replace('v: string)', 'v: number)')), false);
  assert.equal(narrow(BASE.replace('export const s', 'export let s')), false);
  // A function without a written return type: callers see its inferred type, compared by the caller.
  const untyped = BASE.replace('(v: string): string {', '(v: string) {');
  assert.equal(isBodyOnlyEdit(parse(untyped), parse(untyped.replace('return v;', 'return 1;')), () => false), false);
  assert.equal(isBodyOnlyEdit(parse(untyped), parse(untyped.replace('return v;', 'return v.trim();')), () => true), true);
  // Annotated declarations after the edit do not matter: sources are named by their place in the tree.
  const tagged = `${BASE}/** @residency jp-only */\nexport interface U { a: string }\n`;
  assert.equal(isBodyOnlyEdit(parse(tagged), parse(tagged.replace('return v;', "return 'x';")), () => true), true);
  assert.equal(isBodyOnlyEdit(parse(tagged), parse(`// a note\n${tagged}`), () => true), true);
});

test('bodies that may declare members are not narrow: JavaScript, constructors of untyped properties', () => {
  const js = 'class A {\n  m(v) {\n    this.a = v;\n  }\n}\n';
  const parseJs = (text: string) => ts.createSourceFile('/w/a.js', text, ts.ScriptTarget.ES2022, true);
  assert.equal(isBodyOnlyEdit(parseJs(js), parseJs(js.replace('this.a = v;', 'this.b = v;')), () => true), false);
  assert.equal(isBodyOnlyEdit(parseJs(js), parseJs(`// note\n${js}`), () => true), true);
  const ctor = (prop: string) => `class A {\n  ${prop}\n  constructor(v: string) {\n    this.a = v;\n  }\n}\n`;
  for (const [prop, expected] of [['a;', false], ['a: string;', true], ["a = '';", true]] as const) {
    const before = ctor(prop);
    assert.equal(isBodyOnlyEdit(parse(before), parse(before.replace('this.a = v;', 'this.a = v.trim();')), () => true), expected, prop);
  }
});

test('an inferred return type naming a type declared in the function is never comparable', () => {
  const checkerOf = (text: string) => {
    const host = ts.createCompilerHost({});
    const get = host.getSourceFile;
    host.getSourceFile = (f, v) => (f === '/w/a.ts' ? ts.createSourceFile(f, text, v, true) : get.call(host, f, v));
    const program = ts.createProgram(['/w/a.ts'], { lib: ['lib.es5.d.ts'], types: [] }, host);
    const sf = program.getSourceFile('/w/a.ts')!;
    const fns = sf.statements.filter(ts.isFunctionDeclaration);
    return { checker: program.getTypeChecker(), fns };
  };
  const { checker, fns } = checkerOf([
    'function local() { class X { a = 1; } return new X(); }',
    'function literal() { return { a: 1, f: () => 2 }; }',
    'function nested() { interface Y { b: number } const y: Y = { b: 1 }; return { y }; }',
    'function plain(v: number) { return [v]; }',
  ].join('\n'));
  const texts = fns.map((fn) => comparableReturnType(checker, fn));
  assert.equal(texts[0], undefined);
  assert.equal(texts[1], '{ a: number; f: () => number; }');
  assert.equal(texts[2], undefined);
  assert.equal(texts[3], 'number[]');
});
