// Differential tests of the analysis's fast paths against what they stand in for, over every fixture
// workspace, a workspace of name-resolution corner cases and this project's own sources: the index walk sets
// the parent pointers the parser's own pass would set, and SymbolLookup (names, members, import bindings,
// type references, shorthand values) and the module resolution cache answer what the TypeChecker answers.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import ts = require('typescript');
import { createNodeHost, toPosix } from '../../src/cli/nodeHost';
import { indexFile } from '../../src/core/analysis/fileIndex';
import { createAnalysisProgram } from '../../src/core/analysis/program';
import { SymbolLookup } from '../../src/core/analysis/symbolLookup';
import { memoryHost } from '../support/memoryHost';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const workspaces = fs.readdirSync(FIXTURES).sort().map((name) => toPosix(path.join(FIXTURES, name)));

interface FixtureFile {
  readonly sf: ts.SourceFile;
  readonly checker: ts.TypeChecker;
  readonly lookup: SymbolLookup;
  /** The checker as the analysis sees it (SymbolLookup's wrapper). */
  readonly fast: ts.TypeChecker;
  readonly importedFile: (sf: ts.SourceFile, specifier: ts.StringLiteralLike) => string | undefined;
}

/**
 * Name-resolution corner cases the fixtures have few of: shadowing by every kind of scope, shorthand
 * properties, type names declared, imported (type-only too), exported, generic or shadowed, `as const`,
 * namespaces, enums, class members (own, inherited, static), re-exports and default imports.
 */
const SCOPES_ROOT = '/virtual/scopes';
const SCOPES: Record<string, string> = {
  'tsconfig.json': '{ "compilerOptions": { "strict": true, "target": "ES2022", "module": "ES2022" }, "include": ["src"] }',
  'src/model.ts': [
    'export interface User { name: string; phone: string }',
    'export type Id = string;',
    'export interface Box<T> { value: T }',
    'export class Account { constructor(public owner: User) {} balance = 0; static count = 0; label(): string { return this.owner.name; } }',
    'export enum Kind { A, B }',
    'export default class Fallback { x = 1 }',
    'export const phone = "p";',
  ].join('\n'),
  'src/again.ts': "export { User as Person, Account } from './model';\nexport * from './model';",
  'src/use.ts': [
    "import type { User, Id } from './model';",
    "import { Account, Kind, phone, type Box } from './model';",
    "import Fallback from './model';",
    "import { Person } from './again';",
    'interface Local { user: User; id: Id }',
    'type Alias = Local;',
    'export interface Exported { p: Person }',
    'const name = "module";',
    "const modes = ['a', 'b'] as const;",
    'const pair = [1, 2] as const;',
    'class Plain { x = 1 }',
    'class Overloaded { constructor(a: string); constructor(a: number); constructor(a: unknown) { void a; } }',
    'abstract class Shape { constructor(public n: number) {} }',
    'class Square extends Shape { }',
    'const made = [new Plain(), new Overloaded(1), new Square(2), new Account({ name: "n", phone: "p" })];',
    'class Savings extends Account { rate = 1; show(): string { return this.label() + this.rate + this.owner.phone + this.balance; } }',
    'export function f(user: User, box: Box<User>, l: Alias, e: Exported, k: Kind): unknown {',
    '  const out = { name, phone, user };',
    '  { const name = 1; const phone = 2; const inner = { name, phone, k }; void inner; }',
    '  for (const phone of [user.phone]) { const o = { phone }; void o; }',
    '  try { throw user; } catch (name) { const c = { name }; void c; }',
    '  const g = function name() { return { name }; };',
    '  const C = class phone { m() { return { phone }; } };',
    '  function inner<User>(u: User): User { type Id = number; const x: Id = 1; void x; return u; }',
    '  namespace N { export const name = 2; }',
    '  const a = new Savings(user); const fb = new Fallback();',
    '  return [made, modes, pair, out, g, C, inner(user), box.value.name, l.user.phone, e.p.name, a.rate, Account.count, fb.x, { arguments: 1 }];',
    '}',
  ].join('\n'),
};

/** Real code besides the fixtures: this project's own sources (about 25,000 identifiers). */
const OWN_SOURCES = toPosix(path.resolve(__dirname, '../../../src'));

/** Every workspace source file of every fixture, of SCOPES and of OWN_SOURCES, with its program's checker (each program built once). */
const programs = [
  ...workspaces.map((root) => ({ root, host: createNodeHost() })),
  { root: SCOPES_ROOT, host: memoryHost(SCOPES_ROOT, SCOPES) },
  { root: OWN_SOURCES, host: createNodeHost() },
];
const fixtureFiles: FixtureFile[] = programs.flatMap(({ root, host }) => {
  const { program, importedFile } = createAnalysisProgram(host, { root });
  const checker = program.getTypeChecker();
  const lookup = new SymbolLookup(checker);
  const fast = lookup.wrap();
  return program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && sf.fileName.startsWith(root)).map((sf) => ({ sf, checker, lookup, fast, importedFile }));
});

function where(sf: ts.SourceFile, n: ts.Node, what: string): string {
  return `${sf.fileName}:${sf.getLineAndCharacterOfPosition(n.pos).line + 1} ${what}`;
}

/** A compact name of what a comparison found (node graphs are too large for assert's diff). */
function describe(x: unknown): string {
  if (x === undefined) return 'nothing';
  const decls = (x as ts.Symbol).declarations ?? ((x as ts.Node).kind !== undefined ? [x as ts.Node] : []);
  const at = decls.map((d) => `${d.getSourceFile().fileName}:${d.getStart()}`).join(', ');
  return `${(x as ts.Symbol).name ?? ts.SyntaxKind[(x as ts.Node).kind] ?? 'a type'} (${at || 'no declaration'})`;
}

/** Identity, reported compactly. */
function same(actual: unknown, expected: unknown, what: string): void {
  if (actual !== expected) assert.fail(`${what}: the fast path found ${describe(actual)}, the checker ${describe(expected)}`);
}

function eachNode(sf: ts.SourceFile, visit: (node: ts.Node) => void): void {
  const walk = (node: ts.Node): void => {
    visit(node);
    ts.forEachChild(node, walk);
  };
  walk(sf);
}

/** Runs `compare` on every node of every checked file; returns how many nodes it compared (it returns true for those). */
function compareEach(compare: (file: FixtureFile, node: ts.Node) => boolean): number {
  let compared = 0;
  for (const file of fixtureFiles) eachNode(file.sf, (n) => { if (compare(file, n)) compared++; });
  return compared;
}

test('the index walk sets the same parent pointers as the parser', () => {
  for (const { sf } of fixtureFiles) {
    const withParents = ts.createSourceFile(sf.fileName, sf.text, ts.ScriptTarget.ES2022, true);
    const without = ts.createSourceFile(sf.fileName, sf.text, ts.ScriptTarget.ES2022, false);
    assert.ok(indexFile(without), `${sf.fileName} is indexed`);
    const expected: Array<number | undefined> = [];
    eachNode(withParents, (n) => expected.push(n.parent?.pos));
    const actual: Array<number | undefined> = [];
    eachNode(without, (n) => actual.push(n.parent?.pos));
    assert.deepEqual(actual, expected, sf.fileName);
  }
  assert.ok(fixtureFiles.length > 30, `checked ${fixtureFiles.length} files`);
  assert.equal(fixtureFiles.filter((f) => f.sf.fileName.startsWith(SCOPES_ROOT)).length, 3, 'the name-resolution corner cases are checked');
  assert.ok(fixtureFiles.filter((f) => f.sf.fileName.startsWith(`${OWN_SOURCES}/`)).length > 50, "the project's own sources are checked");
});

test('a file nested deeper than the limit has no index', () => {
  const deep = `const x = ${'['.repeat(60)}${']'.repeat(60)};`;
  const sf = ts.createSourceFile('/deep.ts', deep, ts.ScriptTarget.ES2022, false);
  assert.equal(indexFile(sf, 50), undefined);
  assert.ok(indexFile(ts.createSourceFile('/deep.ts', deep, ts.ScriptTarget.ES2022, false), 200));
});

test('SymbolLookup resolves every identifier read as a value as the TypeChecker does', () => {
  const compared = compareEach(({ sf, checker, fast }, n) => {
    if (!ts.isIdentifier(n) || !n.parent) return false;
    // Members are looked up in written-down types (not the narrowed type): compared separately below.
    if (ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) return false;
    same(fast.getSymbolAtLocation(n), checker.getSymbolAtLocation(n), where(sf, n, n.text));
    return true;
  });
  assert.ok(compared > 1000, `compared ${compared} identifiers`);
});

test('SymbolLookup finds members in written-down types with the same declarations as the TypeChecker', () => {
  let narrowed = 0;
  const compared = compareEach(({ sf, checker, lookup, fast }, n) => {
    if (!ts.isPropertyAccessExpression(n)) return false;
    const expected = checker.getSymbolAtLocation(n.name);
    const actual = fast.getSymbolAtLocation(n.name);
    const keys = (s: ts.Symbol | undefined): string => (s?.declarations ?? []).map((d) => `${d.getSourceFile().fileName}:${d.pos}`).join(',');
    if (keys(actual) === keys(expected)) return true;
    // The documented trade-off: a receiver narrowed to a subtype that redeclares the member (`decl.parent`
    // after `isParameter(decl)`) is looked up in its written-down type.
    const written = lookup.declaredTypeOf(n.expression);
    if (written && written !== checker.getTypeAtLocation(n.expression) && checker.getPropertyOfType(written, n.name.text) === actual) {
      narrowed++;
      return true;
    }
    same(actual, expected, where(sf, n, n.getText()));
    return true;
  });
  assert.ok(narrowed < compared / 50, `${narrowed} of ${compared} member reads differ only by narrowing`);
  assert.ok(compared > 300, `compared ${compared} member accesses`);
});

test('SymbolLookup resolves every import binding to what the TypeChecker resolves it to', () => {
  const compared = compareEach(({ sf, checker, fast }, n) => {
    if (!ts.isIdentifier(n) || !n.parent) return false;
    const sym = checker.getSymbolAtLocation(n);
    if (!sym || !(sym.flags & ts.SymbolFlags.Alias)) return false;
    same(fast.getAliasedSymbol(sym), checker.getAliasedSymbol(sym), where(sf, n, n.text));
    return true;
  });
  assert.ok(compared > 100, `compared ${compared} import bindings`);
});

test('SymbolLookup gives every type reference the type the TypeChecker gives it', () => {
  const compared = compareEach(({ sf, checker, lookup }, n) => {
    if (!ts.isTypeReferenceNode(n)) return false;
    same(lookup.typeOfTypeNode(n), checker.getTypeFromTypeNode(n), where(sf, n, n.getText()));
    return true;
  });
  assert.ok(compared > 100, `compared ${compared} type references`);
});

test('the module resolution cache names the file the TypeChecker resolves each import to', () => {
  const compared = compareEach(({ sf, checker, importedFile }, n) => {
    if (!(ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) || !n.moduleSpecifier || !ts.isStringLiteral(n.moduleSpecifier)) return false;
    const target = checker.getSymbolAtLocation(n.moduleSpecifier)?.declarations?.find(ts.isSourceFile)?.fileName;
    if (target === undefined) return false;
    assert.equal(importedFile(sf, n.moduleSpecifier), target, where(sf, n, n.moduleSpecifier.text));
    return true;
  });
  assert.ok(compared > 50, `compared ${compared} imports`);
});

test('SymbolLookup resolves every shorthand property value as the TypeChecker does', () => {
  const compared = compareEach(({ sf, checker, fast }, n) => {
    if (!ts.isShorthandPropertyAssignment(n)) return false;
    same(fast.getShorthandAssignmentValueSymbol(n), checker.getShorthandAssignmentValueSymbol(n), where(sf, n, n.getText()));
    return true;
  });
  assert.ok(compared > 15, `compared ${compared} shorthand properties`);
});

test('SymbolLookup finds the constructor a `new` expression runs where the checker resolves it', () => {
  let compared = 0;
  const known = compareEach(({ sf, checker, lookup }, n) => {
    if (!ts.isNewExpression(n)) return false;
    compared++;
    const found = lookup.classConstructor(n);
    if (!found) return false;
    const decl = checker.getResolvedSignature(n)?.declaration;
    const expected = decl && ts.isConstructorDeclaration(decl) && decl.body ? decl : undefined;
    same(found.declaration, expected, where(sf, n, n.getText()));
    return true;
  });
  assert.ok(known > 20 && known > compared / 2, `${known} of ${compared} new expressions resolved without the checker`);
});
