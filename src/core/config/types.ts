/**
 * The checked-and-resolved form of `residency.config.json` (SPEC §4) that the rest of the engine uses.
 */
import type { Loc, SeveritySetting } from '../model';
import type { ResolvedRegion } from '../vocabulary/regionTypes';

export interface Party {
  readonly id: string;
  readonly name: string;
  readonly access: string;
  readonly country: string;
  readonly basis?: string;
  /** The recipient's protective measures (free text or a reference) for the disclosure draft (SPEC §4 v2). */
  readonly measures?: string;
  readonly location?: Loc;
}

export type BasisType = 'consent' | 'equivalent-country' | 'conforming-system' | 'law';

export interface Basis {
  readonly id: string;
  readonly type: BasisType;
  readonly countries?: readonly string[];
  readonly ref?: string;
  readonly systemInfo?: string;
  readonly recipientMeasures?: string;
  /** Where the basis is declared in the config file (JPR012 findings point here). */
  readonly location?: Loc;
}

/** `packages.<pattern>`: an imported package bound as a destination (SPEC §3.2, §4 v2). */
export interface PackageBinding {
  /** An npm name (`stripe`, `@acme/mail`) or a scope prefix (`@acme/*`). */
  readonly pattern: string;
  /** A party id of `parties`. */
  readonly party?: string;
  /** The region as written, and resolved. */
  readonly region?: { readonly written: string; readonly resolved: ResolvedRegion };
  readonly location?: Loc;
}

export interface ResidencyConfig {
  /** Absolute path of the config file, or undefined when defaults apply. */
  readonly file: string | undefined;
  readonly pack: 'jp';
  /** Always contains `self`. */
  readonly parties: ReadonlyMap<string, Party>;
  readonly bases: ReadonlyMap<string, Basis>;
  /** Country → reference of the external-environment assessment. */
  readonly assessments: Readonly<Record<string, string>>;
  /** Countries the privacy policy names, or undefined when not configured (JPR009 off). */
  readonly disclosureCountries: readonly string[] | undefined;
  /** Named regions usable in `@region`: name → region value. */
  readonly regions: Readonly<Record<string, string>>;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly include: readonly string[] | undefined;
  readonly exclude: readonly string[] | undefined;
  /** Countries whose law obliges cooperation with state intelligence (default: the country data's, `["CN"]`). */
  readonly intelligenceCooperation: readonly string[];
  /** Packages bound as destinations, in config order. */
  readonly packages: readonly PackageBinding[];
  /** Environment values for region and host inference: `envFiles` (read by the engine through the FileHost) under `env`. */
  readonly env: Readonly<Record<string, string>>;
  /** Dotenv files relative to the root (read by the engine, never executed), with where the config names them. */
  readonly envFiles: ReadonlyArray<{ readonly path: string; readonly location?: Loc }>;
  /** Opt-in infrastructure files (globs relative to the root, with where the config names them); undefined when not configured. */
  readonly iac: ReadonlyArray<{ readonly pattern: string; readonly location?: Loc }> | undefined;
}
