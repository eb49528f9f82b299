/**
 * A cheap syntactic filter in front of callee resolution. Resolving the symbol of `values.map` means typing
 * `values`, which is most of the cost of analysing ordinary code; yet only a callee named like a function
 * declared in the workspace (or imported under another name) can have a body, a summary, a transform
 * tag or a declared return type worth reading. Other calls are library calls, modelled by name.
 */
import ts = require('typescript');
import { functionOfDeclaration, nameText } from './nodes';

export class CallGate {
  private readonly names = new Set<string>();

  /** `cache` keeps each file's names between runs (a file's names change only when its text does). */
  constructor(files: readonly ts.SourceFile[], cache?: WeakMap<ts.SourceFile, readonly string[]>) {
    for (const sf of files) {
      let names = cache?.get(sf);
      if (!names) {
        names = namesOf(sf);
        cache?.set(sf, names);
      }
      for (const n of names) this.names.add(n);
    }
  }

  /** Whether a callee (`f`, `a.b.f`) may resolve to something declared in the workspace. */
  mayBeWorkspaceFunction(callee: ts.Expression): boolean {
    if (ts.isIdentifier(callee)) return this.names.has(callee.text);
    if (ts.isPropertyAccessExpression(callee)) return this.names.has(callee.name.text);
    return true;
  }
}

/** The names under which a file declares, imports or requires something callable. */
function namesOf(sf: ts.SourceFile): string[] {
  const names = new Set<string>();
  const add = (n: string | undefined): void => {
    if (n) names.add(n);
  };
  const visit = (node: ts.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.FunctionDeclaration: case ts.SyntaxKind.MethodDeclaration: case ts.SyntaxKind.MethodSignature:
      case ts.SyntaxKind.ClassDeclaration: case ts.SyntaxKind.ClassExpression: case ts.SyntaxKind.GetAccessor: case ts.SyntaxKind.SetAccessor:
      case ts.SyntaxKind.FunctionExpression: case ts.SyntaxKind.ArrowFunction:
        add(nameText(node) ?? (node.parent ? nameText(node.parent) : undefined));
        break;
      case ts.SyntaxKind.VariableDeclaration: case ts.SyntaxKind.PropertyDeclaration: case ts.SyntaxKind.PropertyAssignment:
        if (functionOfDeclaration(node) || (ts.isVariableDeclaration(node) && node.initializer && isRequire(node.initializer))) add(nameText(node));
        break;
      case ts.SyntaxKind.ImportDeclaration:
        if ((node as ts.ImportDeclaration).importClause) importNames((node as ts.ImportDeclaration).importClause!).forEach(add);
        return;
      case ts.SyntaxKind.BindingElement:
        if (ts.isIdentifier((node as ts.BindingElement).name)) add(((node as ts.BindingElement).name as ts.Identifier).text);
        break;
      case ts.SyntaxKind.BinaryExpression:
        if (ts.isPropertyAccessExpression((node as ts.BinaryExpression).left)) add(((node as ts.BinaryExpression).left as ts.PropertyAccessExpression).name.text);
        break;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return [...names];
}

function importNames(c: ts.ImportClause): string[] {
  const out: string[] = [];
  if (c.name) out.push(c.name.text);
  const b = c.namedBindings;
  if (b && ts.isNamedImports(b)) out.push(...b.elements.map((el) => el.name.text));
  if (b && ts.isNamespaceImport(b)) out.push(b.name.text);
  return out;
}

/** `require('x')`, `require('x').y`, `await import('x')`. */
function isRequire(e: ts.Expression): boolean {
  let cur = e;
  while (ts.isPropertyAccessExpression(cur) || ts.isAwaitExpression(cur) || ts.isParenthesizedExpression(cur)) cur = cur.expression;
  return ts.isCallExpression(cur) && ((ts.isIdentifier(cur.expression) && cur.expression.text === 'require') || cur.expression.kind === ts.SyntaxKind.ImportKeyword);
}
