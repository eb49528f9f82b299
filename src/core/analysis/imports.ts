/**
 * Where an identifier comes from, by import specifier: `import { S3Client } from '@aws-sdk/client-s3'`,
 * `import axios from 'axios'`, `import * as https from 'node:https'`, `const { got } = require('got')`.
 * Works when the package is not installed: only the importing file is read.
 */
import ts = require('typescript');
import { skipOuterExpressions } from './nodes';

export interface ImportOrigin {
  /** The module specifier, e.g. `@aws-sdk/client-s3`. */
  readonly module: string;
  /** The imported name; `default` for a default import, `*` for a namespace or whole-module require. */
  readonly name: string;
}

function requireSpecifier(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  const c = skipOuterExpressions(e);
  if (ts.isCallExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === 'require' && c.arguments.length === 1) {
    const a = c.arguments[0];
    return ts.isStringLiteralLike(a) ? a.text : undefined;
  }
  if (ts.isAwaitExpression(c)) return requireSpecifier(c.expression);
  return undefined;
}

function originOfDeclaration(d: ts.Declaration): ImportOrigin | undefined {
  if (ts.isImportSpecifier(d)) {
    const decl = d.parent.parent.parent;
    const spec = decl.moduleSpecifier;
    return ts.isStringLiteral(spec) ? { module: spec.text, name: (d.propertyName ?? d.name).text } : undefined;
  }
  if (ts.isImportClause(d)) {
    const spec = d.parent.moduleSpecifier;
    return ts.isStringLiteral(spec) ? { module: spec.text, name: 'default' } : undefined;
  }
  if (ts.isNamespaceImport(d)) {
    const spec = d.parent.parent.moduleSpecifier;
    return ts.isStringLiteral(spec) ? { module: spec.text, name: '*' } : undefined;
  }
  if (ts.isImportEqualsDeclaration(d) && ts.isExternalModuleReference(d.moduleReference)) {
    const e = d.moduleReference.expression;
    return ts.isStringLiteral(e) ? { module: e.text, name: '*' } : undefined;
  }
  if (ts.isVariableDeclaration(d)) {
    const init = d.initializer && skipOuterExpressions(d.initializer);
    const direct = requireSpecifier(init);
    if (direct) return { module: direct, name: '*' };
    if (init && ts.isPropertyAccessExpression(init)) {
      const m = requireSpecifier(init.expression);
      if (m) return { module: m, name: init.name.text };
    }
  }
  if (ts.isBindingElement(d) && ts.isObjectBindingPattern(d.parent) && ts.isVariableDeclaration(d.parent.parent)) {
    const m = requireSpecifier(d.parent.parent.initializer);
    const prop = d.propertyName ?? d.name;
    if (m && ts.isIdentifier(prop)) return { module: m, name: prop.text };
  }
  return undefined;
}

/** The import an identifier refers to, without resolving into the imported module. */
export function importOrigin(checker: ts.TypeChecker, id: ts.Node): ImportOrigin | undefined {
  const sym = checker.getSymbolAtLocation(id);
  for (const d of sym?.declarations ?? []) {
    const o = originOfDeclaration(d);
    if (o) return o;
  }
  return undefined;
}

export function stripNodePrefix(module: string): string {
  return module.startsWith('node:') ? module.slice(5) : module;
}
