/**
 * `serverless.yml` read into the IaC model: `provider.region` (the Serverless Framework's default
 * `us-east-1` when absent), `provider.environment` and `functions.*.environment` as env bindings, and the
 * CloudFormation storage resources under `resources.Resources` (types from the data file), named by a
 * literal or a variable. Variables `${self:…}` are read from the file; `${opt:…}`, `${env:…}`, `${sls:…}`,
 * `${ssm:…}` are known only at deploy time, so their fallback (`${opt:region, 'ap-northeast-1'}`) is used
 * and the note says it can be overridden; a `!Ref`/`{ Ref }` to a resource binds that resource.
 */
import { isMap } from 'yaml';
import { IAC_CATALOG, type IacCatalog } from './catalog';
import type { BindingValue, EnvBinding, IacFacts, Known, RegionFact, Step, StorageResource } from './model';
import { entries, get, getPath, parseYaml, scalarText, tagOf, yamlStep, type YamlFile } from './yamlDoc';

/** The Serverless Framework's region when `provider.region` is not set (its documented default). */
const SERVERLESS_DEFAULT_REGION = 'us-east-1';
const DEPLOY_TIME = /^(opt|env|sls|ssm|cf|s3|file|aws|param):?/;
const MAX_DEPTH = 6;

export function readServerless(file: string, rel: string, text: string, catalog: IacCatalog = IAC_CATALOG): IacFacts {
  const y = parseYaml(file, rel, text);
  if (!isMap(y.root)) return { resources: [], bindings: [], problems: y.problems };
  const region = providerRegion(y);
  const resources = new Map<string, StorageResource>();
  for (const { key, keyNode, value } of entries(getPath(y.root, ['resources', 'Resources']))) {
    const type = catalog.cloudformation[scalarText(get(value, 'Type')) ?? ''];
    if (!type) continue;
    const nameNode = getPath(value, ['Properties', type.name]);
    const name = nameNode === undefined ? undefined : resolveText(y, nameNode, 0);
    const names = name && 'value' in name ? [name.value] : [];
    const at = yamlStep(y, keyNode, `resource ${key} (${scalarText(get(value, 'Type'))}${names.length ? `, ${type.name} ${names[0]}` : ''})`);
    resources.set(key, { key: `sls:${rel}:${key}`, label: `${key} (${rel})`, kind: type.kind, names, at, regions: () => [region] });
  }
  const bindings = [
    ...envOf(y, get(get(y.root, 'provider'), 'environment'), 'provider.environment', resources),
    ...entries(get(y.root, 'functions')).flatMap((fn) => envOf(y, get(fn.value, 'environment'), `functions.${fn.key}.environment`, resources)),
  ];
  return { resources: [...resources.values()], bindings, problems: y.problems };
}

function providerRegion(y: YamlFile): RegionFact {
  const provider = get(y.root, 'provider');
  const node = get(provider, 'region');
  if (node === undefined) {
    return { role: 'primary', value: { provider: 'aws', code: SERVERLESS_DEFAULT_REGION }, steps: [yamlStep(y, provider ?? y.root, `provider sets no region: the Serverless Framework deploys to ${SERVERLESS_DEFAULT_REGION}`)] };
  }
  const r = resolveText(y, node, 0);
  const here = yamlStep(y, node, `provider.region: ${scalarText(node) ?? '…'}${'note' in r && r.note ? ` (${r.note})` : ''}`);
  return 'value' in r ? { role: 'primary', value: { provider: 'aws', code: r.value.toLowerCase() }, steps: [here] } : { role: 'primary', missing: `provider.region: ${r.missing}`, steps: [here] };
}

type Resolved = Known<string> & { readonly note?: string };

/** The text of a scalar with its `${…}` variables replaced, or why it cannot be known. */
function resolveText(y: YamlFile, node: unknown, depth: number): Resolved {
  const raw = scalarText(node);
  if (raw === undefined || tagOf(node)) return { missing: 'it is not a plain value', steps: [] };
  let note: string | undefined;
  let missing: string | undefined;
  const value = raw.replace(/\$\{([^{}]*)\}/g, (_, inner: string) => {
    const r = resolveVariable(y, inner, depth);
    if ('missing' in r) missing ??= r.missing;
    else if (r.note) note ??= r.note;
    return 'value' in r ? r.value : '';
  });
  if (missing) return { missing, steps: [] };
  return { value, steps: [], ...(note ? { note } : {}) };
}

/** `${opt:region, 'ap-northeast-1'}`: the first source known at analysis time. */
function resolveVariable(y: YamlFile, inner: string, depth: number): Resolved {
  const sources = inner.split(',').map((s) => s.trim());
  const deployTime: string[] = [];
  for (const s of sources) {
    const quoted = /^(['"])(.*)\1$/.exec(s);
    if (quoted) return { value: quoted[2], steps: [], ...(deployTime.length ? { note: `overridable at deploy by ${deployTime.join(', ')}` } : {}) };
    if (/^-?\d+(\.\d+)?$/.test(s)) return { value: s, steps: [] };
    if (s === 'sls:stage' && depth < MAX_DEPTH) return stage(y, depth);
    if (s.startsWith('self:') && depth < MAX_DEPTH) {
      const target = getPath(y.root, s.slice(5).split('.'));
      if (target !== undefined) return resolveText(y, target, depth + 1);
    }
    if (DEPLOY_TIME.test(s)) deployTime.push(s);
  }
  return { missing: `\${${inner}} has no value known before deploy`, steps: [] };
}

/** `${sls:stage}`: `provider.stage`, else the framework's default `dev`; `--stage` can override either at deploy. */
function stage(y: YamlFile, depth: number): Resolved {
  const node = get(get(y.root, 'provider'), 'stage');
  const r = node === undefined ? { value: 'dev', steps: [] } : resolveText(y, node, depth + 1);
  return 'value' in r ? { ...r, note: 'the stage is overridable at deploy by --stage' } : r;
}

function envOf(y: YamlFile, env: unknown, where: string, resources: ReadonlyMap<string, StorageResource>): EnvBinding[] {
  return entries(env).map(({ key, keyNode, value }) => {
    const ref = refTarget(value);
    const at: Step = yamlStep(y, keyNode, `${key}: ${ref !== undefined ? `Ref ${ref}` : scalarText(value) ?? '…'} in ${where}`);
    return { name: key, value: bindingValue(y, value, resources), at };
  });
}

function bindingValue(y: YamlFile, value: unknown, resources: ReadonlyMap<string, StorageResource>): BindingValue {
  const ref = refTarget(value);
  if (ref !== undefined) {
    const r = resources.get(ref);
    return r ? { kind: 'resource', resource: r } : { kind: 'unknown', why: `the resource ${ref} is not a storage resource declared in ${y.rel}` };
  }
  const text = resolveText(y, value, 0);
  return 'value' in text ? { kind: 'text', text: text.value } : { kind: 'unknown', why: text.missing };
}

/** `!Ref X`, `{ Ref: X }`, `!GetAtt X.Arn`, `{ 'Fn::GetAtt': [X, Arn] }`: the logical id. */
function refTarget(value: unknown): string | undefined {
  const tag = tagOf(value);
  if (tag === '!Ref') return scalarText(value);
  if (tag === '!GetAtt') return scalarText(value)?.split('.')[0];
  const ref = scalarText(get(value, 'Ref'));
  if (ref !== undefined) return ref;
  const att = get(value, 'Fn::GetAtt');
  return att === undefined ? undefined : scalarText((att as { items?: unknown[] }).items?.[0]);
}
