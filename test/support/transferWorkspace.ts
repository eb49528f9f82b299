/**
 * A small workspace for the CI-output tests (SARIF, the transfer register, baselines, the problem
 * matcher): parties in China (contractor), Korea (group company with a consent basis), Japan (domestic
 * contractor) and the US (no-access cloud in a US region); a flow through a helper in another file
 * (hops), a suppressed finding, an `unrestricted` field, and a bad annotation (an input problem).
 */
export const TRANSFER_CONFIG = `{
  "parties": {
    "cn-ops": { "name": "Shenzhen moderation contractor", "access": "contractor-overseas", "country": "CN" },
    "kr-group": { "name": "Seoul group company", "access": "group-company-overseas", "country": "KR", "basis": "consent-kr" },
    "osaka-cs": { "name": "Osaka support desk", "access": "contractor-domestic", "country": "JP" },
    "us-cloud": { "name": "US cloud (no access)", "access": "cloud-no-access", "country": "US" }
  },
  "bases": {
    "consent-kr": { "type": "consent", "countries": ["KR"], "ref": "Policy §9", "systemInfo": "PPC survey: Korea", "recipientMeasures": "DPA-3" }
  },
  "disclosure": { "countries": ["JP", "KR"] }
}
`;

export const TRANSFER_MODEL = `/** @residency jp-with-basis */
export interface Member {
  /** @category identifier */ memberId: string;
  /** @category contact */ email: string;
  /** @category payment */ cardLast4: string;
  /** @residency unrestricted */ theme: string;
}
/** @recipient cn-ops */
export declare function moderate(payload: unknown): void;
/** @recipient kr-group */
export declare function shareWithGroup(payload: unknown): void;
/** @recipient osaka-cs */
export declare function openTicket(payload: unknown): void;
/** @readable-by us-cloud @region aws:us-east-1 */
export declare function archive(payload: unknown): void;
`;

export const TRANSFER_RELAY = `import { moderate } from './model';

export function relay(text: string): void {
  const wrapped = { body: text };
  moderate(wrapped);
}
`;

export const TRANSFER_MAIN = `import { relay } from './lib/relay';
import { archive, openTicket, shareWithGroup, type Member } from './lib/model';

export function onReport(m: Member): void {
  const contact = m.email;
  relay(contact);
}

export function sync(m: Member): void {
  shareWithGroup({ id: m.memberId, card: m.cardLast4 });
  openTicket(m.email);
  archive(m.theme);
  // residency-guard-disable-next-line JPR005 -- assessment EA-9 covers us-east-1
  archive(m.cardLast4);
}
`;

/** Appended to src/main.ts for an input problem: an unknown party in a tag. */
export const TRANSFER_TYPO = `
/** @recipient cn-opps */
export declare function typo(v: unknown): void;
`;

/** The workspace's files (relative path → text), with the bad annotation unless `withProblem` is false. */
export function transferWorkspace(withProblem = true): Record<string, string> {
  return {
    'residency.config.json': TRANSFER_CONFIG,
    'src/lib/model.ts': TRANSFER_MODEL,
    'src/lib/relay.ts': TRANSFER_RELAY,
    'src/main.ts': withProblem ? TRANSFER_MAIN + TRANSFER_TYPO : TRANSFER_MAIN,
  };
}
