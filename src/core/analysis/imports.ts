/**
 * Where an identifier comes from, by import specifier: `import { S3Client } from '@aws-sdk/client-s3'`,
 * `import axios from 'axios'`, `import * as https from 'node:https'`, `const { got } = require('got')`.
 * Works when the package is not installed: only the importing file is read.
 */
import ts = require('typescript');
import { skipOuterExpressions } from './nodes';

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { isAwaitExpression, isBindingElement, isCallExpression, isExternalModuleReference, isIdentifier, isImportClause, isImportEqualsDeclaration, isImportSpecifier, isNamespaceImport, isObjectBindingPattern, isPropertyAccessExpression, isStringLiteral, isStringLiteralLike, isVariableDeclaration } = ts;

export interface ImportOrigin {
  /** The module specifier, e.g. `@aws-sdk/client-s3`. */
  readonly module: string;
  /** The imported name; `default` for a default import, `*` for a namespace or whole-module require. */
  readonly name: string;
}

function requireSpecifier(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  const c = skipOuterExpressions(e);
  if (isCallExpression(c) && isIdentifier(c.expression) && c.expression.text === 'require' && c.arguments.length === 1) {
    const a = c.arguments[0];
    return isStringLiteralLike(a) ? a.text : undefined;
  }
  if (isAwaitExpression(c)) return requireSpecifier(c.expression);
  return undefined;
}

function originOfDeclaration(d: ts.Declaration): ImportOrigin | undefined {
  if (isImportSpecifier(d)) {
    const decl = d.parent.parent.parent;
    const spec = decl.moduleSpecifier;
    return isStringLiteral(spec) ? { module: spec.text, name: (d.propertyName ?? d.name).text } : undefined;
  }
  if (isImportClause(d)) {
    const spec = d.parent.moduleSpecifier;
    return isStringLiteral(spec) ? { module: spec.text, name: 'default' } : undefined;
  }
  if (isNamespaceImport(d)) {
    const spec = d.parent.parent.moduleSpecifier;
    return isStringLiteral(spec) ? { module: spec.text, name: '*' } : undefined;
  }
  if (isImportEqualsDeclaration(d) && isExternalModuleReference(d.moduleReference)) {
    const e = d.moduleReference.expression;
    return isStringLiteral(e) ? { module: e.text, name: '*' } : undefined;
  }
  if (isVariableDeclaration(d)) {
    const init = d.initializer && skipOuterExpressions(d.initializer);
    const direct = requireSpecifier(init);
    if (direct) return { module: direct, name: '*' };
    if (init && isPropertyAccessExpression(init)) {
      const m = requireSpecifier(init.expression);
      if (m) return { module: m, name: init.name.text };
    }
  }
  if (isBindingElement(d) && isObjectBindingPattern(d.parent) && isVariableDeclaration(d.parent.parent)) {
    const m = requireSpecifier(d.parent.parent.initializer);
    const prop = d.propertyName ?? d.name;
    if (m && isIdentifier(prop)) return { module: m, name: prop.text };
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
