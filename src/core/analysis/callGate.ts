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

  constructor(files: readonly ts.SourceFile[]) {
    for (const sf of files) this.scan(sf);
  }

  private scan(sf: ts.SourceFile): void {
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) || ts.isClassLike(node) || functionOfDeclaration(node)) this.add(node);
      if (ts.isImportDeclaration(node) && node.importClause) this.addImport(node.importClause);
      if (ts.isBindingElement(node) || ts.isVariableDeclaration(node)) this.addBinding(node);
      if (ts.isBinaryExpression(node) && ts.isPropertyAccessExpression(node.left)) this.names.add(node.left.name.text);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  private add(node: ts.Node): void {
    const name = nameText(node) ?? (node.parent ? nameText(node.parent) : undefined);
    if (name) this.names.add(name);
  }

  private addImport(c: ts.ImportClause): void {
    if (c.name) this.names.add(c.name.text);
    if (c.namedBindings && ts.isNamedImports(c.namedBindings)) for (const el of c.namedBindings.elements) this.names.add(el.name.text);
    if (c.namedBindings && ts.isNamespaceImport(c.namedBindings)) this.names.add(c.namedBindings.name.text);
  }

  /** Names bound from `require(…)` (whole module or destructured): they may hold workspace functions. */
  private addBinding(node: ts.BindingElement | ts.VariableDeclaration): void {
    const init = ts.isVariableDeclaration(node) ? node.initializer : undefined;
    const fromRequire = init && /\brequire\s*\(/.test(init.getText());
    if ((fromRequire || ts.isBindingElement(node)) && ts.isIdentifier(node.name)) this.names.add(node.name.text);
  }

  /** Whether a callee (`f`, `a.b.f`) may resolve to something declared in the workspace. */
  mayBeWorkspaceFunction(callee: ts.Expression): boolean {
    if (ts.isIdentifier(callee)) return this.names.has(callee.text);
    if (ts.isPropertyAccessExpression(callee)) return this.names.has(callee.name.text);
    return true;
  }
}
