/**
 * Puts the infrastructure join together for one check (engine.ts): the files the config's `iac` names
 * (read.ts), the CDK stacks (cdk.ts) and the Pulumi programs (pulumi.ts) of the program make one model,
 * indexed by join.ts and handed to destination inference through the hook (hook.ts). Its key — the IaC
 * files' texts and a digest of what the programs declare — is part of the flow analysis's context key, so
 * an edit to an IaC file or a stack makes the next run a full one: incremental runs equal fresh ones.
 */
import type ts from 'typescript';
import type { EnvValues } from '../analysis/constants';
import type { RegionCatalog } from '../vocabulary/regionTypes';
import { readCdk } from './cdk';
import { readPulumi } from './pulumi';
import { IacDestinations } from './hook';
import { IacIndex } from './join';
import { mergeFacts, type IacFacts } from './model';
import type { IacFiles } from './read';

export interface IacJoin {
  readonly hook: IacDestinations;
  readonly key: string;
}

export function buildIacJoin(files: IacFiles, program: ts.Program, workspace: readonly ts.SourceFile[], env: EnvValues, regions: RegionCatalog, rel: (file: string) => string): IacJoin {
  const checker = program.getTypeChecker();
  const programs = mergeFacts([readCdk(checker, workspace, env, rel), readPulumi(checker, workspace, env, rel, files.pulumiStacks)]);
  const facts = mergeFacts([files.facts, programs]);
  return { hook: new IacDestinations(new IacIndex(facts, env, regions), checker, env), key: `${files.key}\u0003${digest(programs)}` };
}

/** What the stacks declare, as text: resources with their names and places, bindings with their values and positions. */
function digest(facts: IacFacts): string {
  const resources = facts.resources.map((r) => `${r.key}|${r.names.join(',')}|${r.at.note}|${r.regions().map((f) => ('value' in f ? `${f.role}:${f.value.provider}:${f.value.code}` : `${f.role}!${f.missing}`) + f.steps.map((s) => s.note).join(';')).join(',')}`);
  const bindings = facts.bindings.map((b) => `${b.name}|${b.at.note}|${b.value.kind === 'text' ? b.value.text : b.value.kind === 'resource' ? b.value.resource.key : b.value.why}`);
  return [...resources, ...bindings].join('\n');
}
