/**
 * The rule registry of the `jp` pack, in id order.
 */
import { JPR001 } from './JPR001';
import { JPR002 } from './JPR002';
import { JPR003 } from './JPR003';
import { JPR004 } from './JPR004';
import { JPR005 } from './JPR005';
import { JPR006 } from './JPR006';
import { JPR007 } from './JPR007';
import { JPR008 } from './JPR008';
import { JPR009 } from './JPR009';
import { JPR010 } from './JPR010';
import { JPR011 } from './JPR011';
import { JPR012 } from './JPR012';
import type { RuleId } from './ruleIds';
import type { RuleDefinition } from './types';

export const RULES: readonly RuleDefinition[] = [
  JPR001, JPR002, JPR003, JPR004, JPR005, JPR006, JPR007, JPR008, JPR009, JPR010, JPR011, JPR012,
];

export const RULES_BY_ID: ReadonlyMap<RuleId, RuleDefinition> = new Map(RULES.map((r) => [r.id, r]));
