/**
 * AWS CDK stacks written in TypeScript, read from the program itself (SPEC §4 v2: "CDK stacks written in
 * TS are read from the program"), never synthesised: `new s3.Bucket(scope, id, props)` and the other
 * storage constructs of the data file are resources; their region is the `env.region` of the stack they
 * are created in — `this` inside a class extending `Stack` (each `new ThatStack(app, id, { env })` is an
 * environment of its own), or a `const stack = new Stack(app, id, { env })` passed as the scope. A stack
 * without `env` is environment-agnostic (the CDK's `unknown-region`): unresolved, saying so. `environment:
 * { NAME: bucket.bucketName }` on a function construct, and `fn.addEnvironment(NAME, value)`, are bindings.
 */
import ts = require('typescript');
import { constString, objectProperty, type EnvValues } from '../analysis/constants';
import { importOrigin } from '../analysis/imports';
import { referencedSymbol, skipOuterExpressions } from '../analysis/nodes';
import { IAC_CATALOG, isCdkModule, type IacCatalog } from './catalog';
import type { EnvBinding, IacFacts, RegionFact, Step, StorageResource } from './model';
import { bindingValue, literalArg, oneLine, tsStep } from './tsFacts';

const { forEachChild, isCallExpression, isClassLike, isIdentifier, isNewExpression, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isVariableDeclaration, isArrayLiteralExpression } = ts;

/** Whether a file may hold CDK code (a cheap test before walking it). */
export function mentionsCdk(sf: ts.SourceFile): boolean {
  return /aws-cdk-lib|@aws-cdk\//.test(sf.text);
}

interface Ctx {
  readonly checker: ts.TypeChecker;
  readonly catalog: IacCatalog;
  readonly env: EnvValues;
  readonly rel: (file: string) => string;
  readonly files: readonly ts.SourceFile[];
  readonly resources: Map<ts.NewExpression, StorageResource>;
}

export function readCdk(checker: ts.TypeChecker, files: readonly ts.SourceFile[], env: EnvValues, rel: (file: string) => string, catalog: IacCatalog = IAC_CATALOG): IacFacts {
  const cdkFiles = files.filter(mentionsCdk);
  const ctx: Ctx = { checker, catalog, env, rel, files: cdkFiles, resources: new Map() };
  const news: ts.NewExpression[] = [];
  const calls: ts.CallExpression[] = [];
  for (const sf of cdkFiles) collect(sf, news, calls);
  for (const n of news) {
    const cls = cdkClass(ctx, n.expression);
    const type = cls ? catalog.cdk.resources[cls] : undefined;
    if (type) ctx.resources.set(n, resourceOf(ctx, n, type));
  }
  const bindings = [
    ...news.filter((n) => catalog.cdk.functions.includes(cdkClass(ctx, n.expression) ?? '')).flatMap((n) => functionEnv(ctx, n)),
    ...calls.flatMap((c) => addEnvironment(ctx, c)),
  ];
  return { resources: [...ctx.resources.values()], bindings, problems: [] };
}

function collect(node: ts.Node, news: ts.NewExpression[], calls: ts.CallExpression[]): void {
  if (isNewExpression(node)) news.push(node);
  else if (isCallExpression(node) && isPropertyAccessExpression(node.expression) && node.expression.name.text === 'addEnvironment') calls.push(node);
  forEachChild(node, (c) => collect(c, news, calls));
}

/** The CDK class a constructor expression names (`s3.Bucket` → `Bucket`), when it is imported from the CDK. */
function cdkClass(ctx: Ctx, ctor: ts.Expression): string | undefined {
  let e = skipOuterExpressions(ctor);
  const name = isPropertyAccessExpression(e) ? e.name.text : isIdentifier(e) ? e.text : undefined;
  while (isPropertyAccessExpression(e)) e = skipOuterExpressions(e.expression);
  const origin = isIdentifier(e) ? importOrigin(ctx.checker, e) : undefined;
  if (!origin || !isCdkModule(ctx.catalog, origin.module)) return undefined;
  return isIdentifier(skipOuterExpressions(ctor)) && origin.name !== '*' && origin.name !== 'default' ? origin.name : name;
}

function resourceOf(ctx: Ctx, n: ts.NewExpression, type: { kind: string; name: string; replicas?: string }): StorageResource {
  const props = n.arguments?.[2];
  const name = constString(ctx.checker, objectProperty(props, type.name, ctx.checker), ctx.env);
  const names = name?.complete ? [name.text] : [];
  const label = `${n.expression.getText()} '${literalArg(n, 1)}'`;
  const at = tsStep(ctx.rel, n, `new ${n.expression.getText()}(…, '${literalArg(n, 1)}')${names.length ? ` (${type.name} ${names[0]})` : ''}`);
  let memo: readonly RegionFact[] | undefined;
  const regions = (): readonly RegionFact[] => (memo ??= [...stackRegions(ctx, n.arguments?.[0]), ...replicaRegions(ctx, props, type.replicas)]);
  const sf = n.getSourceFile();
  return { key: `cdk:${sf.fileName}:${n.getStart(sf)}`, label, kind: type.kind, names, at, regions };
}

/** The regions of the stack a construct's scope argument is. */
function stackRegions(ctx: Ctx, scope: ts.Expression | undefined): RegionFact[] {
  const e = scope && skipOuterExpressions(scope);
  if (e && e.kind === ts.SyntaxKind.ThisKeyword) {
    let cls: ts.Node | undefined = e.parent;
    while (cls && !isClassLike(cls)) cls = cls.parent;
    return cls && isClassLike(cls) ? classStackRegions(ctx, cls) : [missing('the construct\'s scope is not a stack', [])];
  }
  const made = e && stackNewOf(ctx, e);
  if (made) return [envRegion(ctx, made, `stack ${literalArg(made, 1)}`)];
  return [missing(`the scope ${e ? `"${e.getText()}"` : ''} is not a stack found in the program`, [])];
}

/** `const stack = new Stack(app, 'S', { env })`: the `new` a scope expression holds. */
function stackNewOf(ctx: Ctx, e: ts.Expression): ts.NewExpression | undefined {
  if (isNewExpression(e)) return e;
  const sym = referencedSymbol(ctx.checker, e);
  for (const d of sym?.declarations ?? []) {
    const init = (isVariableDeclaration(d) || isPropertyDeclaration(d)) && d.initializer ? skipOuterExpressions(d.initializer) : undefined;
    if (init && isNewExpression(init)) return init;
  }
  return undefined;
}

/** A stack class: the `env` its constructor passes to `super`, else each `new` of it in the program. */
function classStackRegions(ctx: Ctx, cls: ts.ClassLikeDeclaration): RegionFact[] {
  const name = cls.name?.text ?? 'stack';
  const ownEnv = superEnv(cls);
  if (ownEnv) return [envRegion(ctx, ownEnv, `${name}'s super()`, 2)];
  const sym = cls.name && ctx.checker.getSymbolAtLocation(cls.name);
  const news: ts.NewExpression[] = [];
  const visit = (n: ts.Node): void => {
    if (isNewExpression(n) && sym && referencedSymbol(ctx.checker, n.expression) === sym) news.push(n);
    forEachChild(n, visit);
  };
  for (const sf of ctx.files) visit(sf);
  if (news.length === 0) return [missing(`stack class ${name} is never instantiated in the program`, [tsStep(ctx.rel, cls.name ?? cls, `class ${name}`)])];
  return news.map((n) => envRegion(ctx, n, `new ${name}(…, '${literalArg(n, 1)}')`));
}

/** `super(scope, id, { env: { region } })` in a stack's constructor, when it writes the env itself. */
function superEnv(cls: ts.ClassLikeDeclaration): ts.CallExpression | undefined {
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  let found: ts.CallExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (isCallExpression(n) && n.expression.kind === ts.SyntaxKind.SuperKeyword && objectProperty(n.arguments[2], 'env')) found = n;
    else forEachChild(n, visit);
  };
  if (ctor?.body) visit(ctor.body);
  return found;
}

/** The region of a stack's props (`{ env: { account, region } }`, the third argument). */
function envRegion(ctx: Ctx, made: ts.NewExpression | ts.CallExpression, what: string, propsIndex = 2): RegionFact {
  const props = made.arguments?.[propsIndex];
  const envExpr = objectProperty(props, 'env', ctx.checker);
  const at = tsStep(ctx.rel, envExpr ?? made, envExpr ? `${what} env = ${oneLine(envExpr.getText())}` : what);
  if (!envExpr) return missing(`${what} has no env: the stack is environment-agnostic (unknown-region)`, [at]);
  const regionExpr = objectProperty(envExpr, 'region', ctx.checker);
  const code = regionExpr && constString(ctx.checker, regionExpr, ctx.env);
  if (!code?.complete) return missing(`${what}: env.region ${regionExpr ? `${regionExpr.getText()} is not known at analysis time` : 'is not set'}`, [at]);
  return { role: 'primary', value: { provider: 'aws', code: code.text.toLowerCase() }, steps: [at] };
}

function replicaRegions(ctx: Ctx, props: ts.Expression | undefined, prop: string | undefined): RegionFact[] {
  const list = prop ? objectProperty(props, prop, ctx.checker) : undefined;
  const arr = list && skipOuterExpressions(list);
  if (!arr || !isArrayLiteralExpression(arr)) return [];
  return arr.elements.map((el): RegionFact => {
    const r = constString(ctx.checker, objectProperty(el, 'region', ctx.checker), ctx.env);
    const at = tsStep(ctx.rel, el, `replica ${oneLine(el.getText())}`);
    return r?.complete ? { role: 'replica', value: { provider: 'aws', code: r.text.toLowerCase() }, steps: [at] } : { role: 'replica', missing: 'a replica\'s region is not known at analysis time', steps: [at] };
  });
}

function missing(why: string, steps: readonly Step[]): RegionFact {
  return { role: 'primary', missing: why, steps };
}

// ---- bindings ----

function functionEnv(ctx: Ctx, n: ts.NewExpression): EnvBinding[] {
  const env = objectProperty(n.arguments?.[2], 'environment', ctx.checker);
  const obj = env && skipOuterExpressions(env);
  if (!obj || !isObjectLiteralExpression(obj)) return [];
  return obj.properties.flatMap((p) => {
    if (!isPropertyAssignment(p)) return [];
    const name = isIdentifier(p.name) || ts.isStringLiteralLike(p.name) ? p.name.text : undefined;
    return name ? [binding(ctx, name, p.initializer, p, `${name}: ${oneLine(p.initializer.getText())} in ${n.expression.getText()} '${literalArg(n, 1)}'`)] : [];
  });
}

function addEnvironment(ctx: Ctx, c: ts.CallExpression): EnvBinding[] {
  const [nameArg, valueArg] = c.arguments;
  const name = constString(ctx.checker, nameArg, ctx.env);
  return name?.complete && valueArg ? [binding(ctx, name.text, valueArg, c, oneLine(c.getText()))] : [];
}

function binding(ctx: Ctx, name: string, value: ts.Expression, at: ts.Node, note: string): EnvBinding {
  return { name, value: bindingValue(ctx.checker, ctx.env, ctx.resources, value), at: tsStep(ctx.rel, at, note) };
}
