/**
 * The infrastructure resource data (`src/core/data/iac-resources.json`, schema
 * `schemas/iac-resources.schema.json`): which Terraform, CloudFormation, CDK and Pulumi resource types are storage
 * and where their names and places are written, which resources set the code's environment, and which
 * AWS SDK options name the resource a call writes to. Data, not code: a new resource type is a line there.
 */
import data from '../data/iac-resources.json';
import type { Provider } from '../vocabulary/regionTypes';

export interface TfResourceType {
  readonly kind: string;
  readonly name: string;
  readonly location?: string;
  readonly replicas?: { readonly block: string; readonly region: string };
}

export interface TfEnvSource {
  readonly resource: string;
  readonly path?: readonly string[];
  readonly containerEnv?: boolean;
  readonly containerDefinitions?: string;
}

export interface TfReplication {
  readonly resource: string;
  readonly source: readonly string[];
  readonly destination: readonly string[];
}

export interface IacCatalog {
  readonly sinkKeys: ReadonlyArray<{ readonly option: string; readonly kind: string }>;
  readonly terraform: {
    readonly providers: Readonly<Record<string, { readonly as: Provider; readonly region?: string }>>;
    readonly resources: Readonly<Record<string, TfResourceType>>;
    readonly envVariables: readonly TfEnvSource[];
    readonly replication: readonly TfReplication[];
  };
  readonly cloudformation: Readonly<Record<string, { readonly kind: string; readonly name: string }>>;
  readonly cdk: {
    readonly modules: readonly string[];
    readonly resources: Readonly<Record<string, { readonly kind: string; readonly name: string; readonly replicas?: string }>>;
    readonly functions: readonly string[];
  };
  readonly pulumi: {
    readonly packages: Readonly<Record<string, { readonly as: Provider; readonly config: string; readonly providerRegion: string }>>;
    readonly resources: Readonly<Record<string, PulumiResourceType>>;
    readonly functions: Readonly<Record<string, readonly string[]>>;
  };
}

export interface PulumiResourceType {
  readonly kind: string;
  readonly name: string;
  readonly location?: string;
  readonly replicas?: { readonly prop: string; readonly region: string };
}

export const IAC_CATALOG: IacCatalog = data as unknown as IacCatalog;

/** The Terraform provider a resource type belongs to (`aws_s3_bucket` → `aws`). */
export function tfProviderOf(resourceType: string): string {
  return resourceType.split('_')[0];
}

/** Whether a module specifier is the AWS CDK's. */
export function isCdkModule(catalog: IacCatalog, specifier: string): boolean {
  return catalog.cdk.modules.some((m) => (m.endsWith('/') ? specifier.startsWith(m) : specifier === m));
}
