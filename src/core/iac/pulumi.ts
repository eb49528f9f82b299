/**
 * Pulumi programs written in TypeScript, read from the program itself, never run: `new aws.s3.Bucket(name,
 * args, { provider })` and the other storage resources of the data file are resources; their region is the
 * resource's own location argument, else the `region` of the `new aws.Provider(…)` passed as `provider`,
 * else the stack's default (`aws:region` in each `Pulumi.<stack>.yaml` the config's `iac` names: one
 * environment per stack). `environment: { variables: { NAME: bucket.bucket } }` on a function resource is a
 * binding; a reference to a resource's output (`bucket.id`, `bucket.bucket`) binds that resource.
 */
import ts = require('typescript');
import { constString, objectProperty, type EnvValues } from '../analysis/constants';
import { importOrigin } from '../analysis/imports';
import { skipOuterExpressions } from '../analysis/nodes';
import { IAC_CATALOG, type IacCatalog, type PulumiResourceType } from './catalog';
import type { EnvBinding, IacFacts, RegionFact, StorageResource } from './model';
import type { PulumiStackConfig } from './pulumiConfig';
import { bindingValue, constructOf, literalArg, oneLine, tsStep } from './tsFacts';

const { forEachChild, isArrayLiteralExpression, isIdentifier, isNewExpression, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment } = ts;

interface Ctx {
  readonly checker: ts.TypeChecker;
  readonly catalog: IacCatalog;
  readonly env: EnvValues;
  readonly rel: (file: string) => string;
  readonly stacks: readonly PulumiStackConfig[];
  readonly resources: Map<ts.NewExpression, StorageResource>;
}

/** A Pulumi class a `new` names: its package and `module.Class` (`aws.s3.Bucket` → `@pulumi/aws`, `s3.Bucket`). */
interface PulumiClass {
  readonly pkg: string;
  readonly path: string;
}

export function mentionsPulumi(sf: ts.SourceFile): boolean {
  return sf.text.includes('@pulumi/');
}

export function readPulumi(checker: ts.TypeChecker, files: readonly ts.SourceFile[], env: EnvValues, rel: (file: string) => string, stacks: readonly PulumiStackConfig[], catalog: IacCatalog = IAC_CATALOG): IacFacts {
  const ctx: Ctx = { checker, catalog, env, rel, stacks, resources: new Map() };
  const news: Array<{ n: ts.NewExpression; cls: PulumiClass }> = [];
  const visit = (node: ts.Node): void => {
    if (isNewExpression(node)) {
      const cls = pulumiClass(ctx, node.expression);
      if (cls) news.push({ n: node, cls });
    }
    forEachChild(node, visit);
  };
  for (const sf of files.filter(mentionsPulumi)) visit(sf);
  for (const { n, cls } of news) {
    const type = catalog.pulumi.resources[cls.path];
    if (type) ctx.resources.set(n, resourceOf(ctx, n, cls, type));
  }
  const bindings = news.flatMap(({ n, cls }) => {
    const path = catalog.pulumi.functions[cls.path];
    return path ? functionEnv(ctx, n, path) : [];
  });
  return { resources: [...ctx.resources.values()], bindings, problems: [] };
}

function pulumiClass(ctx: Ctx, ctor: ts.Expression): PulumiClass | undefined {
  const names: string[] = [];
  let e = skipOuterExpressions(ctor);
  while (isPropertyAccessExpression(e)) {
    names.unshift(e.name.text);
    e = skipOuterExpressions(e.expression);
  }
  const origin = isIdentifier(e) ? importOrigin(ctx.checker, e) : undefined;
  if (!origin || !ctx.catalog.pulumi.packages[origin.module]) return undefined;
  const head = origin.name === '*' || origin.name === 'default' ? [] : [origin.name];
  return { pkg: origin.module, path: [...head, ...names].join('.') };
}

function resourceOf(ctx: Ctx, n: ts.NewExpression, cls: PulumiClass, type: PulumiResourceType): StorageResource {
  const args = n.arguments?.[1];
  const name = constString(ctx.checker, objectProperty(args, type.name, ctx.checker), ctx.env);
  const names = name?.complete ? [name.text] : [];
  const label = `${n.expression.getText()} '${literalArg(n, 0)}'`;
  const at = tsStep(ctx.rel, n, `new ${label}${names.length ? ` (${type.name} ${names[0]})` : ''}`);
  let memo: readonly RegionFact[] | undefined;
  const regions = (): readonly RegionFact[] => (memo ??= [...primaryRegions(ctx, n, cls, type), ...replicaRegions(ctx, cls, args, type)]);
  const sf = n.getSourceFile();
  return { key: `pulumi:${sf.fileName}:${n.getStart(sf)}`, label, kind: type.kind, names, at, regions };
}

function primaryRegions(ctx: Ctx, n: ts.NewExpression, cls: PulumiClass, type: PulumiResourceType): RegionFact[] {
  const pkg = ctx.catalog.pulumi.packages[cls.pkg];
  if (type.location) {
    const loc = objectProperty(n.arguments?.[1], type.location, ctx.checker);
    if (loc) return [known(ctx, loc, pkg.as, `${type.location}: ${oneLine(loc.getText())}`, 'primary')];
  }
  const providerExpr = objectProperty(n.arguments?.[2], 'provider', ctx.checker);
  if (providerExpr) return [providerRegion(ctx, providerExpr, pkg)];
  return stackRegions(ctx, pkg);
}

function providerRegion(ctx: Ctx, e: ts.Expression, pkg: { as: string; providerRegion: string }): RegionFact {
  const via = tsStep(ctx.rel, e, `provider: ${oneLine(e.getText())}`);
  const made = constructOf(ctx.checker, e);
  if (!made) return { role: 'primary', missing: `the provider ${oneLine(e.getText())} is not a Provider created in the program`, steps: [via] };
  const region = objectProperty(made.arguments?.[1], pkg.providerRegion, ctx.checker);
  if (!region) return { role: 'primary', missing: `provider '${literalArg(made, 0)}' sets no ${pkg.providerRegion}`, steps: [via, tsStep(ctx.rel, made, `new ${oneLine(made.expression.getText())}('${literalArg(made, 0)}')`)] };
  const fact = known(ctx, region, pkg.as, `provider '${literalArg(made, 0)}' ${pkg.providerRegion}: ${oneLine(region.getText())}`, 'primary');
  return { ...fact, steps: [via, ...fact.steps] };
}

/** The default region of each stack file that sets the package's config key. */
function stackRegions(ctx: Ctx, pkg: { as: string; config: string }): RegionFact[] {
  const set = ctx.stacks.flatMap((s) => {
    const v = s.values.get(pkg.config);
    return v ? [{ role: 'primary' as const, value: { provider: pkg.as, code: v.value.toLowerCase() }, steps: [v.at] }] : [];
  });
  if (set.length > 0) return set;
  return [{ role: 'primary', missing: `no provider is passed and no Pulumi.<stack>.yaml named by "iac" sets ${pkg.config}`, steps: [] }];
}

function replicaRegions(ctx: Ctx, cls: PulumiClass, args: ts.Expression | undefined, type: PulumiResourceType): RegionFact[] {
  const list = type.replicas ? objectProperty(args, type.replicas.prop, ctx.checker) : undefined;
  const arr = list && skipOuterExpressions(list);
  if (!arr || !isArrayLiteralExpression(arr)) return [];
  const provider = ctx.catalog.pulumi.packages[cls.pkg].as;
  return arr.elements.flatMap((el) => {
    const r = objectProperty(el, type.replicas!.region, ctx.checker);
    return r ? [known(ctx, r, provider, `replica ${oneLine(el.getText())}`, 'replica')] : [];
  });
}

function known(ctx: Ctx, e: ts.Expression, provider: string, note: string, role: RegionFact['role']): RegionFact {
  const at = tsStep(ctx.rel, e, note);
  const v = constString(ctx.checker, e, ctx.env);
  return v?.complete ? { role, value: { provider, code: v.text.toLowerCase() }, steps: [at] } : { role, missing: `${oneLine(e.getText())} is not known at analysis time`, steps: [at] };
}

function functionEnv(ctx: Ctx, n: ts.NewExpression, path: readonly string[]): EnvBinding[] {
  let obj: ts.Expression | undefined = n.arguments?.[1];
  for (const key of path) obj = objectProperty(obj, key, ctx.checker);
  const vars = obj && skipOuterExpressions(obj);
  if (!vars || !isObjectLiteralExpression(vars)) return [];
  return vars.properties.flatMap((p) => {
    if (!isPropertyAssignment(p)) return [];
    const name = isIdentifier(p.name) || ts.isStringLiteralLike(p.name) ? p.name.text : undefined;
    const note = `${name}: ${oneLine(p.initializer.getText())} in ${oneLine(n.expression.getText())} '${literalArg(n, 0)}'`;
    return name ? [{ name, value: bindingValue(ctx.checker, ctx.env, ctx.resources, p.initializer), at: tsStep(ctx.rel, p, note) }] : [];
  });
}
