/**
 * Terraform files (`*.tf`, `*.tfvars`) read into the IaC model: storage resources (types from the data
 * file) with their names and places — the resource's own `location`, else its provider's `region` (the
 * alias named by `provider = aws.seoul`, else the provider's default block) — replicas (replica blocks,
 * S3 replication configurations), and the environment variables that Lambda functions, ECS task
 * definitions and container services set. All files given are one module: variables, locals, providers
 * and resources are shared; each `*.tfvars` file is one environment.
 */
import { IAC_CATALOG, tfProviderOf, type IacCatalog, type TfEnvSource, type TfResourceType } from './catalog';
import { evaluate, spanText, stepAt, texts, tfFile, type TfFile, type TfScope, type TfValue } from './hclEval';
import { attribute, blocks, parseHcl, type Attribute, type Block, type Body, type Expr } from './hclParser';
import { mergeFacts, type BindingValue, type EnvBinding, type IacFacts, type IacProblem, type Known, type RegionFact, type Step, type StorageResource } from './model';

export interface TextInput {
  readonly file: string;
  readonly rel: string;
  readonly text: string;
}

interface Module {
  readonly files: readonly TfFile[];
  readonly scope: TfScope;
  readonly resources: ReadonlyMap<string, { readonly file: TfFile; readonly block: Block }>;
  readonly providers: ReadonlyMap<string, { readonly file: TfFile; readonly block: Block }>;
}

/**
 * Reads `.tf` and `.tfvars` inputs: the `.tf` files of one directory are one module; a `.tfvars` file
 * belongs to the module of its directory or the nearest one above it (`infra/env/prod.tfvars` to `infra`).
 */
export function readTerraform(inputs: readonly TextInput[], catalog: IacCatalog = IAC_CATALOG): IacFacts {
  const dirs = [...new Set(inputs.filter((i) => !isTfvars(i)).map((i) => dirOf(i.rel)))];
  const facts = dirs.map((dir) => readModule(inputs.filter((i) => (isTfvars(i) ? moduleOfVars(dirs, i.rel) : dirOf(i.rel)) === dir), catalog));
  const stray = inputs.filter((i) => isTfvars(i) && moduleOfVars(dirs, i.rel) === undefined);
  return mergeFacts([...facts, readModule(stray, catalog)]);
}

function isTfvars(i: TextInput): boolean {
  return i.rel.endsWith('.tfvars');
}

function dirOf(rel: string): string {
  const k = rel.lastIndexOf('/');
  return k < 0 ? '' : rel.slice(0, k);
}

function moduleOfVars(dirs: readonly string[], rel: string): string | undefined {
  let best: string | undefined;
  for (const d of dirs) if ((d === '' || rel.startsWith(`${d}/`)) && (best === undefined || d.length > best.length)) best = d;
  return best;
}

function readModule(inputs: readonly TextInput[], catalog: IacCatalog): IacFacts {
  const problems: IacProblem[] = [];
  const parsed = inputs.map((i) => {
    const hcl = parseHcl(i.text);
    const f = tfFile(i.file, i.rel, i.text, hcl.body);
    for (const p of hcl.problems) problems.push({ loc: f.lines.loc(f.file, p.start, p.end), message: p.message });
    return f;
  });
  const mod = moduleOf(parsed.filter((f) => !f.rel.endsWith('.tfvars')), parsed.filter((f) => f.rel.endsWith('.tfvars')));
  const resources = new Map<string, StorageResource>();
  for (const [key, r] of mod.resources) {
    const type = catalog.terraform.resources[r.block.labels[0]];
    if (type) resources.set(key, storageResource(mod, catalog, key, r.file, r.block, type, resources));
  }
  const bindings = [...mod.resources.values()].flatMap((r) => envBindings(mod, catalog, r.file, r.block, resources));
  return { resources: [...resources.values()], bindings, problems };
}

function moduleOf(tf: readonly TfFile[], vars: readonly TfFile[]): Module {
  const variables = new Map<string, { file: TfFile; block: Block }>();
  const locals = new Map<string, { file: TfFile; expr: Expr; span: Attribute }>();
  const resources = new Map<string, { file: TfFile; block: Block }>();
  const providers = new Map<string, { file: TfFile; block: Block }>();
  for (const file of tf) {
    for (const b of blocks(file.body, 'variable')) if (b.labels[0]) variables.set(b.labels[0], { file, block: b });
    for (const b of blocks(file.body, 'locals')) for (const a of b.body) if (a.type === 'attribute') locals.set(a.name, { file, expr: a.value, span: a });
    for (const b of blocks(file.body, 'resource')) if (b.labels.length === 2) resources.set(`${b.labels[0]}.${b.labels[1]}`, { file, block: b });
    for (const b of blocks(file.body, 'provider')) providers.set(providerKey(b), { file, block: b });
  }
  const tfvars = new Map<string, Array<{ file: TfFile; expr: Expr; span: Attribute }>>();
  for (const file of vars) for (const a of file.body) if (a.type === 'attribute') tfvars.set(a.name, [...(tfvars.get(a.name) ?? []), { file, expr: a.value, span: a }]);
  const scope: TfScope = { variables, locals, tfvars, environments: vars.length, isResource: (type, name) => resources.has(`${type}.${name}`) };
  return { files: tf, scope, resources, providers };
}

function providerKey(b: Block): string {
  const alias = attribute(b.body, 'alias');
  const name = alias?.value.type === 'literal' ? String(alias.value.value) : undefined;
  return name ? `${b.labels[0]}.${name}` : b.labels[0] ?? '';
}

function storageResource(mod: Module, catalog: IacCatalog, key: string, file: TfFile, block: Block, type: TfResourceType, all: ReadonlyMap<string, StorageResource>): StorageResource {
  const nameAttr = attribute(block.body, type.name);
  const names = nameAttr ? texts(evaluate(mod.scope, file, nameAttr.value)) : [];
  const at = stepAt(file, block, `resource ${key}${names.length > 0 ? ` (${type.name} = ${names.map((n) => `"${n}"`).join(', ')})` : ''}`);
  let memo: readonly RegionFact[] | undefined;
  const regions = (): readonly RegionFact[] => {
    memo ??= [...primaryRegions(mod, catalog, file, block, type), ...replicaRegions(mod, catalog, file, block, type), ...replicationRegions(mod, catalog, key, all)];
    return memo;
  };
  return { key: `tf:${key}`, label: key, kind: type.kind, names, at, regions };
}

/** The resource's own location attribute, else its provider's region. */
function primaryRegions(mod: Module, catalog: IacCatalog, file: TfFile, block: Block, type: TfResourceType): RegionFact[] {
  const tfProvider = tfProviderOf(block.labels[0]);
  const provider = catalog.terraform.providers[tfProvider]?.as ?? tfProvider;
  if (type.location) {
    const loc = attribute(block.body, type.location);
    if (!loc) return [{ role: 'primary', missing: `${block.labels.join('.')} sets no ${type.location}`, steps: [] }];
    return regionFacts(mod, file, loc, provider, `${type.location} = ${spanText(file, loc.value)}`, 'primary');
  }
  return providerRegions(mod, catalog, file, block, tfProvider, provider);
}

function providerRegions(mod: Module, catalog: IacCatalog, file: TfFile, block: Block, tfProvider: string, provider: string): RegionFact[] {
  const meta = attribute(block.body, 'provider');
  const alias = meta?.value.type === 'traversal' && typeof meta.value.steps[0] === 'string' ? `${meta.value.root}.${meta.value.steps[0]}` : tfProvider;
  const via: Step[] = meta ? [stepAt(file, meta, `provider = ${spanText(file, meta.value)}`)] : [];
  const p = mod.providers.get(alias);
  if (!p) return [{ role: 'primary', missing: `no provider "${alias}" block is declared in the files read`, steps: via }];
  const regionName = catalog.terraform.providers[tfProvider]?.region ?? 'region';
  const region = attribute(p.block.body, regionName);
  if (!region) return [{ role: 'primary', missing: `provider "${alias}" sets no ${regionName}`, steps: [...via, stepAt(p.file, p.block, `provider "${alias}"`)] }];
  return regionFacts(mod, p.file, region, provider, `provider "${alias}" ${regionName} = ${spanText(p.file, region.value)}`, 'primary').map((r) => ({ ...r, steps: [...via, ...r.steps] }));
}

function regionFacts(mod: Module, file: TfFile, a: Attribute, provider: string, note: string, role: RegionFact['role']): RegionFact[] {
  const here = stepAt(file, a, note);
  return evaluate(mod.scope, file, a.value).map((v): RegionFact => {
    const steps = [here, ...v.steps];
    if ('missing' in v) return { role, missing: regionMissing(a, v.missing), steps };
    if (!('text' in v.value)) return { role, missing: `${a.name} names a resource, not a region`, steps };
    return { role, value: { provider, code: v.value.text.toLowerCase() }, steps };
  });
}

/** "provider region is a variable with no default" reads better than the variable's own wording. */
function regionMissing(a: Attribute, why: string): string {
  const m = /^variable (\S+) has no default/.exec(why);
  return m ? `${a.name} is variable ${m[1]}, which has no default and no *.tfvars value` : `${a.name}: ${why}`;
}

function replicaRegions(mod: Module, catalog: IacCatalog, file: TfFile, block: Block, type: TfResourceType): RegionFact[] {
  if (!type.replicas) return [];
  const provider = catalog.terraform.providers[tfProviderOf(block.labels[0])]?.as ?? tfProviderOf(block.labels[0]);
  return blocks(block.body, type.replicas.block).flatMap((b) => {
    const a = attribute(b.body, type.replicas!.region);
    return a ? regionFacts(mod, file, a, provider, `${type.replicas!.block} ${a.name} = ${spanText(file, a.value)}`, 'replica') : [];
  });
}

/** Replication configurations whose source is this resource: the destinations' primary places. */
function replicationRegions(mod: Module, catalog: IacCatalog, key: string, all: ReadonlyMap<string, StorageResource>): RegionFact[] {
  const out: RegionFact[] = [];
  for (const rep of catalog.terraform.replication) {
    for (const [repKey, r] of mod.resources) {
      if (r.block.labels[0] !== rep.resource || refAt(mod, r.file, r.block.body, rep.source) !== key) continue;
      const destKey = refAt(mod, r.file, r.block.body, rep.destination);
      const dest = destKey ? all.get(destKey) : undefined;
      const via = stepAt(r.file, r.block, `replicated by ${repKey}`);
      if (!dest) {
        out.push({ role: 'replica', missing: `the destination of ${repKey} is not a storage resource of the files read`, steps: [via] });
        continue;
      }
      for (const f of dest.regions().filter((x) => x.role === 'primary')) out.push({ ...f, role: 'replica', steps: [via, dest.at, ...f.steps] });
    }
  }
  return out;
}

/** The resource (`type.name`) an attribute at a path of blocks and attributes refers to. */
function refAt(mod: Module, file: TfFile, body: Body, path: readonly string[]): string | undefined {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    const a = attribute(body, head);
    const v = a ? evaluate(mod.scope, file, a.value)[0] : undefined;
    return v && 'value' in v && 'ref' in v.value ? `${v.value.ref.type}.${v.value.ref.name}` : undefined;
  }
  for (const b of blocks(body, head)) {
    const found = refAt(mod, file, b.body, rest);
    if (found) return found;
  }
  return undefined;
}

// ---- environment bindings ----

function envBindings(mod: Module, catalog: IacCatalog, file: TfFile, block: Block, resources: ReadonlyMap<string, StorageResource>): EnvBinding[] {
  const type = block.labels[0];
  const owner = `${type}.${block.labels[1] ?? ''}`;
  const out: EnvBinding[] = [];
  for (const source of catalog.terraform.envVariables.filter((s) => s.resource === type)) {
    for (const item of envItems(block.body, source)) out.push(...bindingsOf(mod, file, owner, item, resources));
  }
  return out;
}

interface EnvItem {
  readonly name: string;
  readonly value: Expr;
  readonly span: { readonly start: number; readonly end: number };
}

function envItems(body: Body, source: TfEnvSource): EnvItem[] {
  if (source.path) return objectItemsAt(body, source.path);
  if (source.containerEnv) return containerEnvBlocks(body);
  const defs = source.containerDefinitions ? attribute(body, source.containerDefinitions) : undefined;
  return defs ? nameValuePairs(defs.value) : [];
}

/** Items of an object attribute reached through blocks (`environment { variables = { … } }`). */
function objectItemsAt(body: Body, path: readonly string[]): EnvItem[] {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    const a = attribute(body, head);
    return a?.value.type === 'object' ? a.value.items.map((i) => ({ name: i.key, value: i.value, span: i })) : [];
  }
  return blocks(body, head).flatMap((b) => objectItemsAt(b.body, rest));
}

/** `env { name = "X" value = … }` blocks at any depth (container specs). */
function containerEnvBlocks(body: Body): EnvItem[] {
  const out: EnvItem[] = [];
  for (const x of body) {
    if (x.type !== 'block') continue;
    const name = attribute(x.body, 'name');
    const value = attribute(x.body, 'value');
    if (x.kind === 'env' && name?.value.type === 'literal' && value) out.push({ name: String(name.value.value), value: value.value, span: x });
    else out.push(...containerEnvBlocks(x.body));
  }
  return out;
}

/** `{ name = "X", value = … }` objects anywhere in an expression (`jsonencode([{ environment = [ … ] }])`). */
function nameValuePairs(e: Expr): EnvItem[] {
  if (e.type === 'call' || e.type === 'tuple') return (e.type === 'call' ? e.args : e.items).flatMap(nameValuePairs);
  if (e.type !== 'object') return [];
  const name = e.items.find((i) => i.key === 'name');
  const value = e.items.find((i) => i.key === 'value');
  if (name?.value.type === 'literal' && value) return [{ name: String(name.value.value), value: value.value, span: e }];
  return e.items.flatMap((i) => nameValuePairs(i.value));
}

function bindingsOf(mod: Module, file: TfFile, owner: string, item: EnvItem, resources: ReadonlyMap<string, StorageResource>): EnvBinding[] {
  return evaluate(mod.scope, file, item.value).map((v) => {
    const at = stepAt(file, item.span, `${item.name} = ${spanText(file, item.value)} in ${owner}`);
    return { name: item.name, value: bindingValue(v, resources), at: v.steps.length > 0 ? { ...at, note: `${at.note}, ${v.steps.map((s) => s.note).join(', ')}` } : at };
  });
}

function bindingValue(v: Known<TfValue>, resources: ReadonlyMap<string, StorageResource>): BindingValue {
  if ('missing' in v) return { kind: 'unknown', why: v.missing };
  if ('text' in v.value) return { kind: 'text', text: v.value.text };
  const key = `${v.value.ref.type}.${v.value.ref.name}`;
  const r = resources.get(key);
  return r ? { kind: 'resource', resource: r } : { kind: 'unknown', why: `${key} is not a storage resource the data file knows` };
}
