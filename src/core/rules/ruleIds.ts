/**
 * The ids of the `jp` pack's rules (SPEC §5.4), in order. Each has its own file `JPRnnn.ts`.
 */
export const RULE_IDS = [
  'JPR001', 'JPR002', 'JPR003', 'JPR004', 'JPR005', 'JPR006',
  'JPR007', 'JPR008', 'JPR009', 'JPR010', 'JPR011', 'JPR012',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}
