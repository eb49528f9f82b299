/**
 * Pulumi stack settings (`Pulumi.<stack>.yaml`, matched by the config's `iac`): the `config` values that give
 * a provider's default region (`aws:region`, `gcp:region`, `azure-native:location`). Each stack file is one
 * environment; pulumi.ts uses them for resources created without an explicit provider.
 */
import type { Step } from './model';
import { entries, get, parseYaml, scalarText, yamlStep } from './yamlDoc';
import type { IacProblem } from './model';

export interface PulumiStackConfig {
  /** The stack's name (`prod` of `Pulumi.prod.yaml`). */
  readonly stack: string;
  /** Config key → its value and where it is set. */
  readonly values: ReadonlyMap<string, { readonly value: string; readonly at: Step }>;
}

export function readPulumiStack(file: string, rel: string, text: string): { config: PulumiStackConfig; problems: readonly IacProblem[] } {
  const y = parseYaml(file, rel, text);
  const stack = /Pulumi\.([^/]+)\.ya?ml$/.exec(rel)?.[1] ?? rel;
  const values = new Map<string, { value: string; at: Step }>();
  for (const { key, keyNode, value } of entries(get(y.root, 'config'))) {
    const v = scalarText(value);
    if (v !== undefined) values.set(key, { value: v, at: yamlStep(y, keyNode, `${key}: ${v} in stack ${stack}`) });
  }
  return { config: { stack, values }, problems: y.problems };
}
