/**
 * What the infrastructure code declares, read without running anything (SPEC §6.3 v2 "Infrastructure"):
 * storage resources with their names and regions, and the environment bindings that hand a resource's
 * name to the code. Terraform, serverless.yml, compose files, env files and CDK stacks are each read into
 * these shapes (terraform.ts, serverless.ts, compose.ts, cdk.ts); join.ts follows a sink through them.
 * Every fact keeps where it is written (a `Step`), so a finding's path can walk into the IaC files.
 */
import type { Loc } from '../model';

/** A located step of a finding's path in an IaC file (or a stack in the program). */
export interface Step {
  readonly loc: Loc;
  readonly note: string;
}

/** A value as far as it is known: its text, or why it is not known; with the steps that gave it. */
export type Known<T> =
  | { readonly value: T; readonly steps: readonly Step[] }
  | { readonly missing: string; readonly steps: readonly Step[] };

/** A place a resource's data is kept: a provider's region (or location) code, or why it is not known. */
export type RegionFact = Known<{ readonly provider: string; readonly code: string }> & {
  /** `replica` for a copy (replication, global-table replica), `primary` otherwise. */
  readonly role: 'primary' | 'replica';
};

export interface StorageResource {
  /** A key unique in the model (`tf:aws_s3_bucket.media`, `sls:MediaBucket`, `cdk:<file>:<offset>`). */
  readonly key: string;
  /** How it is named in messages (`aws_s3_bucket.media`, `s3.Bucket MediaBucket`). */
  readonly label: string;
  /** What kind of store (`bucket`, `table`, `queue` …), from the resource data file. */
  readonly kind: string;
  /** Its physical names where they are known (one per environment). */
  readonly names: readonly string[];
  readonly at: Step;
  /** Resolved lazily: a region may name a replica resource that is read later. */
  readonly regions: () => readonly RegionFact[];
}

/** What an environment variable is set to in one place (an environment, a function, a service). */
export type BindingValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'resource'; readonly resource: StorageResource }
  | { readonly kind: 'unknown'; readonly why: string };

export interface EnvBinding {
  readonly name: string;
  readonly value: BindingValue;
  readonly at: Step;
}

/** A problem in an IaC file (offsets made into a location by the reader). */
export interface IacProblem {
  readonly loc: Loc;
  readonly message: string;
}

/** One reader's share of the model. */
export interface IacFacts {
  readonly resources: readonly StorageResource[];
  readonly bindings: readonly EnvBinding[];
  readonly problems: readonly IacProblem[];
}

export const NO_FACTS: IacFacts = { resources: [], bindings: [], problems: [] };

export function mergeFacts(all: readonly IacFacts[]): IacFacts {
  return {
    resources: all.flatMap((f) => f.resources),
    bindings: all.flatMap((f) => f.bindings),
    problems: all.flatMap((f) => f.problems),
  };
}
