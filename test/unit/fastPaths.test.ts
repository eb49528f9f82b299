// Differential tests of the analysis's fast paths against what they stand in for, over every fixture
// workspace: the index walk sets the parent pointers the parser's own pass would set, and SymbolLookup
// answers what the TypeChecker answers for every identifier read as a value.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import ts = require('typescript');
import { createNodeHost, toPosix } from '../../src/cli/nodeHost';
import { indexFile } from '../../src/core/analysis/fileIndex';
import { createAnalysisProgram } from '../../src/core/analysis/program';
import { SymbolLookup } from '../../src/core/analysis/symbolLookup';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');
const workspaces = fs.readdirSync(FIXTURES).sort().map((name) => toPosix(path.join(FIXTURES, name)));

interface FixtureFile {
  readonly sf: ts.SourceFile;
  readonly checker: ts.TypeChecker;
  /** The checker as the analysis sees it (SymbolLookup's wrapper). */
  readonly fast: ts.TypeChecker;
}

/** Every workspace source file of every fixture, with its program's checker (each program built once). */
const fixtureFiles: FixtureFile[] = workspaces.flatMap((root) => {
  const program = createAnalysisProgram(createNodeHost(), { root }).program;
  const checker = program.getTypeChecker();
  const fast = new SymbolLookup(checker).wrap();
  return program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && sf.fileName.startsWith(root)).map((sf) => ({ sf, checker, fast }));
});

function where(sf: ts.SourceFile, n: ts.Node, what: string): string {
  return `${sf.fileName}:${sf.getLineAndCharacterOfPosition(n.pos).line + 1} ${what}`;
}

function eachNode(sf: ts.SourceFile, visit: (node: ts.Node) => void): void {
  const walk = (node: ts.Node): void => {
    visit(node);
    ts.forEachChild(node, walk);
  };
  walk(sf);
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
});

test('a file nested deeper than the limit has no index', () => {
  const deep = `const x = ${'['.repeat(60)}${']'.repeat(60)};`;
  const sf = ts.createSourceFile('/deep.ts', deep, ts.ScriptTarget.ES2022, false);
  assert.equal(indexFile(sf, 50), undefined);
  assert.ok(indexFile(ts.createSourceFile('/deep.ts', deep, ts.ScriptTarget.ES2022, false), 200));
});

test('SymbolLookup resolves every identifier read as a value as the TypeChecker does', () => {
  let compared = 0;
  for (const { sf, checker, fast } of fixtureFiles) {
    eachNode(sf, (n) => {
      if (!ts.isIdentifier(n) || !n.parent) return;
      // Members are looked up in written-down types (not the narrowed type): compared separately below.
      if (ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) return;
      assert.equal(fast.getSymbolAtLocation(n), checker.getSymbolAtLocation(n), where(sf, n, n.text));
      compared++;
    });
  }
  assert.ok(compared > 1000, `compared ${compared} identifiers`);
});

test('SymbolLookup finds members in written-down types with the same declarations as the TypeChecker', () => {
  let compared = 0;
  for (const { sf, checker, fast } of fixtureFiles) {
    eachNode(sf, (n) => {
      if (!ts.isPropertyAccessExpression(n)) return;
      const expected = checker.getSymbolAtLocation(n.name);
      const actual = fast.getSymbolAtLocation(n.name);
      assert.deepEqual(actual?.declarations ?? [], expected?.declarations ?? [], where(sf, n, n.getText()));
      compared++;
    });
  }
  assert.ok(compared > 300, `compared ${compared} member accesses`);
});

test('SymbolLookup resolves every import binding to what the TypeChecker resolves it to', () => {
  let compared = 0;
  for (const { sf, checker, fast } of fixtureFiles) {
    eachNode(sf, (n) => {
      if (!ts.isIdentifier(n) || !n.parent) return;
      const sym = checker.getSymbolAtLocation(n);
      if (!sym || !(sym.flags & ts.SymbolFlags.Alias)) return;
      assert.equal(fast.getAliasedSymbol(sym), checker.getAliasedSymbol(sym), where(sf, n, n.text));
      compared++;
    });
  }
  assert.ok(compared > 100, `compared ${compared} import bindings`);
});
