/**
 * Helpers shared by the readers of infrastructure programs written in TypeScript (cdk.ts, pulumi.ts):
 * located steps at syntax nodes, code quoted on one line, the `new` a variable or field holds, and what an
 * environment value set in the program binds.
 */
import ts = require('typescript');
import { constString, constructorAssignment, type EnvValues } from '../analysis/constants';
import { referencedSymbol, skipOuterExpressions } from '../analysis/nodes';
import { sourceLoc } from '../text/positions';
import type { BindingValue, Step, StorageResource } from './model';

const { isNewExpression, isPropertyAccessExpression, isPropertyDeclaration, isVariableDeclaration } = ts;

/** A step at a node, its note ending with the root-relative file and line. */
export function tsStep(rel: (file: string) => string, node: ts.Node, note: string): Step {
  const sf = node.getSourceFile();
  const loc = sourceLoc(sf, node.getStart(sf), node.getEnd());
  return { loc, note: `${note} (${rel(sf.fileName)}:${loc.line})` };
}

/** Code on one line, shortened. */
export function oneLine(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}

/** The `new` an expression holds: itself, a `const`/`let` initialiser, a field's initialiser or constructor assignment. */
export function constructOf(checker: ts.TypeChecker, e: ts.Expression): ts.NewExpression | undefined {
  const x = skipOuterExpressions(e);
  if (isNewExpression(x)) return x;
  for (const d of referencedSymbol(checker, x)?.declarations ?? []) {
    const init = isVariableDeclaration(d) ? d.initializer : isPropertyDeclaration(d) ? d.initializer ?? constructorAssignment(d) : undefined;
    const found = init && skipOuterExpressions(init);
    if (found && isNewExpression(found)) return found;
  }
  return undefined;
}

/** The string-literal id argument of a construct or resource (`new s3.Bucket(this, 'Media')` → `Media`). */
export function literalArg(n: ts.NewExpression, index: number): string {
  const a = n.arguments?.[index];
  return a && ts.isStringLiteralLike(a) ? a.text : '?';
}

/** What an env value binds: `bucket.bucketName` / `bucket.id` (an attribute of a storage resource made by a `new`), else a value known at analysis time. */
export function bindingValue(checker: ts.TypeChecker, env: EnvValues, resources: ReadonlyMap<ts.NewExpression, StorageResource>, value: ts.Expression): BindingValue {
  const e = skipOuterExpressions(value);
  if (isPropertyAccessExpression(e)) {
    const made = constructOf(checker, e.expression);
    const r = made && resources.get(made);
    if (r) return { kind: 'resource', resource: r };
  }
  const text = constString(checker, e, env);
  return text?.complete ? { kind: 'text', text: text.text } : { kind: 'unknown', why: `${oneLine(e.getText())} is not a storage resource or a value known at analysis time` };
}
