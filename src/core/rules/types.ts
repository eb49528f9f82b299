/**
 * The shape of a rule of the `jp` pack: its id, default severity, the law it cites, its message
 * catalogue (English and Japanese) and its check over the facts of one flow (one source reaching one
 * destination).
 */
import type { Basis, Party, ResidencyConfig } from '../config/types';
import type { Destination } from '../analysis/destinations';
import type { SourceInfo, TransformState } from '../analysis/labels';
import type { Severity } from '../model';
import type { RuleId } from './ruleIds';

export type Lang = 'en' | 'ja';

/** Everything a rule may look at for one source reaching one sink. */
export interface FlowFacts {
  readonly source: SourceInfo;
  readonly transform: TransformState;
  readonly destination: Destination;
  /** Countries where the data is stored or processed without a party that handles it (regions, hosts, no-access clouds). */
  readonly storageCountries: readonly string[];
  /** Parties that receive or can read the data (recipient, readers, exposure), `cloud-no-access` ones excluded. */
  readonly parties: readonly Party[];
  /** Every country the data reaches: storage countries and the parties' countries. */
  readonly countries: readonly string[];
  /** Bases recorded at the sink (tags on the destination and the enclosing functions). */
  readonly siteBases: readonly Basis[];
  /** Encrypted so that no party can read it (`e2e`, `client-side-jp-keys`). */
  readonly opaque: boolean;
  readonly config: ResidencyConfig;
}

/** Why a rule fired on a flow: the party or country concerned, and a severity when not the default. */
export interface Trigger {
  readonly party?: Party;
  readonly country?: string;
  readonly severity?: Severity;
}

/** Placeholders of a rule message. */
export interface MessageArgs {
  /** `LineUser.phoneNumber (contact)`, or with "and N more". */
  readonly data: string;
  /** The party or place reached, as a phrase. */
  readonly target: string;
  readonly country: string;
  /** How to pin the destination's region, when the SDK catalogue knows (JPR010). */
  readonly pin?: string;
}

export interface RuleDefinition {
  readonly id: RuleId;
  readonly defaultSeverity: Severity;
  /** The law cited, e.g. `APPI Art. 28(1)`. */
  readonly cites: string;
  readonly title: Readonly<Record<Lang, string>>;
  readonly message: Readonly<Record<Lang, (a: MessageArgs) => string>>;
  /** Checks one flow; undefined when the rule does not fire. Rules that look at the config only omit it. */
  readonly check?: (f: FlowFacts) => Trigger | undefined;
}
