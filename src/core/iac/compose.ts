/**
 * Compose files (`docker-compose.yml`, `compose.yaml`) read into the IaC model: each service's
 * `environment` (a map or a list of `NAME=value`) is a set of env bindings, one environment per service.
 * `${VAR:-default}` and `${VAR-default}` interpolations take their default; other `${VAR}` values are known
 * only where the stack runs, so the binding is unknown and says so.
 */
import type { BindingValue, EnvBinding, IacFacts } from './model';
import { entries, get, items, parseYaml, scalarText, yamlStep, type YamlFile } from './yamlDoc';

export function readCompose(file: string, rel: string, text: string): IacFacts {
  const y = parseYaml(file, rel, text);
  const bindings = entries(get(y.root, 'services')).flatMap((svc) => serviceEnv(y, svc.key, get(svc.value, 'environment')));
  return { resources: [], bindings, problems: y.problems };
}

function serviceEnv(y: YamlFile, service: string, env: unknown): EnvBinding[] {
  const where = `services.${service}.environment`;
  const fromMap = entries(env).map(({ key, keyNode, value }) => binding(y, key, scalarText(value), keyNode, where));
  const fromList = items(env).flatMap((item) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(scalarText(item) ?? '');
    return m ? [binding(y, m[1], m[2], item, where)] : [];
  });
  return [...fromMap, ...fromList];
}

function binding(y: YamlFile, name: string, raw: string | undefined, node: unknown, where: string): EnvBinding {
  return { name, value: interpolate(raw), at: yamlStep(y, node, `${name}=${raw ?? ''} in ${where}`) };
}

function interpolate(raw: string | undefined): BindingValue {
  if (raw === undefined) return { kind: 'unknown', why: 'it is set from the environment compose runs in' };
  let missing: string | undefined;
  const text = raw.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g, (_, name: string, def: string | undefined) => {
    if (def === undefined) missing ??= `\${${name}} is set where compose runs`;
    return def ?? '';
  });
  return missing ? { kind: 'unknown', why: missing } : { kind: 'text', text };
}
