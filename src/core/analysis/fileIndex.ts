/**
 * One syntactic pass over each file, right after it is parsed, that records what the cheap gates in front of
 * symbol resolution need: the names under which the file declares or imports something callable (CallGate),
 * the names of the members it declares or stores into (MemberGate), and the functions whose summaries its
 * analysis computes. The same pass measures how deeply the file nests: a file deeper than the TypeScript
 * binder and the analysis can take (generated or minified code) has no index and is set aside. An index
 * depends only on the file's text, so the language server keeps it per parsed file between runs.
 */
import ts = require('typescript');
import { MAX_SYNTAX_DEPTH } from './depth';
import { FactsCollector, NOTED_KINDS, type FunctionFacts } from './functionFacts';
import { functionOfDeclaration, isFunctionWithBody, nameText, type FunctionLike } from './nodes';

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { SyntaxKind, forEachChild, getModifiers, isArrowFunction, isAwaitExpression, isCallExpression, isElementAccessExpression, isFunctionExpression, isIdentifier, isNamedImports, isNamespaceImport, isNewExpression, isParenthesizedExpression, isPropertyAccessExpression, isStringLiteralLike, isVariableDeclaration } = ts;

export interface FileIndex {
  /** Names under which the file declares, imports or requires something callable. */
  readonly callNames: readonly string[];
  /** Names of members the file declares (properties, accessors, methods, parameter properties) or assigns to (`x.name = …`). */
  readonly memberNames: readonly string[];
  /** Names of the getters the file declares. */
  readonly getterNames: readonly string[];
  /** Functions with bodies, in source order, except closures passed directly as arguments (analysed in place). */
  readonly functions: readonly FunctionLike[];
  /** What each function's own code does (same order as `functions`). */
  readonly facts: readonly FunctionFacts[];
  /** Names of members the file reads. */
  readonly readMembers: ReadonlySet<string>;
}

/** Kinds the index does something with (most nodes — names, literals, types, blocks — it only passes through). */
const INDEXED_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  SyntaxKind.FunctionDeclaration, SyntaxKind.FunctionExpression, SyntaxKind.ArrowFunction, SyntaxKind.ClassDeclaration,
  SyntaxKind.ClassExpression, SyntaxKind.MethodSignature, SyntaxKind.MethodDeclaration, SyntaxKind.GetAccessor, SyntaxKind.SetAccessor,
  SyntaxKind.Constructor, SyntaxKind.PropertyDeclaration, SyntaxKind.PropertySignature, SyntaxKind.Parameter, SyntaxKind.VariableDeclaration,
  SyntaxKind.PropertyAssignment, SyntaxKind.ImportDeclaration, SyntaxKind.BindingElement, SyntaxKind.BinaryExpression,
  ...NOTED_KINDS,
]);
/** The same as a table by kind (read once per node). */
const INDEXED = new Uint8Array(Math.max(...INDEXED_KINDS) + 1);
for (const k of INDEXED_KINDS) INDEXED[k] = 1;

/** Records the names a declaration or assignment contributes to the file's index. */
class NameCollector {
  readonly calls = new Set<string>();
  readonly members = new Set<string>();
  readonly getters = new Set<string>();

  constructor(private readonly sf: ts.SourceFile) {}

  add(node: ts.Node): void {
    const sf = this.sf;
    switch (node.kind) {
      case SyntaxKind.FunctionDeclaration: case SyntaxKind.FunctionExpression: case SyntaxKind.ArrowFunction:
      case SyntaxKind.ClassDeclaration: case SyntaxKind.ClassExpression: case SyntaxKind.MethodSignature:
        addName(this.calls, nameText(node, sf) ?? (node.parent ? nameText(node.parent, sf) : undefined));
        break;
      case SyntaxKind.MethodDeclaration: case SyntaxKind.GetAccessor: case SyntaxKind.SetAccessor:
        addName(this.calls, nameText(node, sf));
        addName(this.members, nameText(node, sf));
        if (node.kind === SyntaxKind.GetAccessor) addName(this.getters, nameText(node, sf));
        break;
      case SyntaxKind.PropertyDeclaration: case SyntaxKind.PropertySignature:
        addName(this.members, nameText(node, sf));
        if (functionOfDeclaration(node)) addName(this.calls, nameText(node, sf));
        break;
      case SyntaxKind.Parameter:
        if (getModifiers(node as ts.ParameterDeclaration)?.length) addName(this.members, nameText(node, sf));
        break;
      case SyntaxKind.VariableDeclaration: case SyntaxKind.PropertyAssignment:
        if (functionOfDeclaration(node) || (isVariableDeclaration(node) && node.initializer && isRequire(node.initializer))) addName(this.calls, nameText(node, sf));
        break;
      case SyntaxKind.ImportDeclaration: {
        const clause = (node as ts.ImportDeclaration).importClause;
        if (clause) importNames(clause).forEach((n) => this.calls.add(n));
        break;
      }
      case SyntaxKind.BindingElement: {
        const name = (node as ts.BindingElement).name;
        if (isIdentifier(name)) this.calls.add(name.text);
        break;
      }
      case SyntaxKind.BinaryExpression: {
        const left = (node as ts.BinaryExpression).left;
        if (isPropertyAccessExpression(left)) {
          this.calls.add(left.name.text);
          this.members.add(left.name.text);
        } else if (isElementAccessExpression(left) && isStringLiteralLike(left.argumentExpression)) this.members.add(left.argumentExpression.text);
        break;
      }
    }
  }
}

/** The file's index; undefined when it nests deeper than `maxDepth` syntax levels. */
export function indexFile(sf: ts.SourceFile, maxDepth = MAX_SYNTAX_DEPTH): FileIndex | undefined {
  const names = new NameCollector(sf);
  const functions: FunctionLike[] = [];
  const facts = new FactsCollector();
  let depth = 1;
  let tooDeep = false;
  let parent: ts.Node = sf;
  // Returns true (stopping forEachChild) once the file is known to be too deep. Sets each node's parent on
  // the way (files are parsed without parent pointers: this walk is cheaper than the parser's own pass).
  const visit = (node: ts.Node): boolean => {
    if (depth > maxDepth) return (tooDeep = true);
    (node as { parent: ts.Node }).parent = parent;
    let own = false;
    if (INDEXED[node.kind] === 1) {
      names.add(node);
      facts.note(node);
      if (isFunctionWithBody(node) && !isInlineCallback(node)) {
        own = true;
        functions.push(node);
        facts.enter();
      }
    }
    const outer = parent;
    parent = node;
    depth++;
    forEachChild(node, visit);
    depth--;
    parent = outer;
    if (own) facts.exit();
    return tooDeep;
  };
  forEachChild(sf, visit);
  if (tooDeep) return undefined;
  return {
    callNames: [...names.calls], memberNames: [...names.members], getterNames: [...names.getters], functions,
    facts: facts.facts, readMembers: facts.readMembers,
  };
}

function addName(set: Set<string>, name: string | undefined): void {
  if (name) set.add(name);
}

/** A closure passed directly as an argument: it is analysed in place, in its caller's context. */
export function isInlineCallback(node: ts.Node): boolean {
  return (isArrowFunction(node) || isFunctionExpression(node)) && !!node.parent &&
    (isCallExpression(node.parent) || isNewExpression(node.parent)) && node.parent.expression !== node;
}

function importNames(c: ts.ImportClause): string[] {
  const out: string[] = [];
  if (c.name) out.push(c.name.text);
  const b = c.namedBindings;
  if (b && isNamedImports(b)) out.push(...b.elements.map((el) => el.name.text));
  if (b && isNamespaceImport(b)) out.push(b.name.text);
  return out;
}

/** `require('x')`, `require('x').y`, `await import('x')`. */
function isRequire(e: ts.Expression): boolean {
  let cur = e;
  while (isPropertyAccessExpression(cur) || isAwaitExpression(cur) || isParenthesizedExpression(cur)) cur = cur.expression;
  return isCallExpression(cur) && ((isIdentifier(cur.expression) && cur.expression.text === 'require') || cur.expression.kind === SyntaxKind.ImportKeyword);
}

const NO_INDEX: FileIndex = { callNames: [], memberNames: [], getterNames: [], functions: [], facts: [], readMembers: new Set() };

/** The indexes of files, computed once per parsed file (`cache`: filled when the program parses them). */
export function indexesOf(files: readonly ts.SourceFile[], cache?: WeakMap<ts.SourceFile, FileIndex>): Map<ts.SourceFile, FileIndex> {
  const out = new Map<ts.SourceFile, FileIndex>();
  for (const sf of files) {
    let index = cache?.get(sf);
    if (!index) {
      index = indexFile(sf) ?? NO_INDEX;
      cache?.set(sf, index);
    }
    out.set(sf, index);
  }
  return out;
}

/**
 * The names of many files' indexes, gathered once per index: the language server adds only the indexes of
 * files that changed. A name stays after its file stops using it; the gates it feeds only filter, so an extra
 * name costs a symbol lookup, never a missed flow.
 */
export class IndexNames {
  readonly calls = new Set<string>();
  readonly members = new Set<string>();
  readonly getters = new Set<string>();
  private readonly seen = new WeakSet<FileIndex>();

  add(indexes: Iterable<FileIndex>): this {
    for (const index of indexes) {
      if (this.seen.has(index)) continue;
      this.seen.add(index);
      for (const n of index.callNames) this.calls.add(n);
      for (const n of index.memberNames) this.members.add(n);
      for (const n of index.getterNames) this.getters.add(n);
    }
    return this;
  }
}
