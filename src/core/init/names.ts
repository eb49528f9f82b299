/**
 * The vocabulary `init` proposes personal data from (SPEC §7.4): field names in English and romanised
 * Japanese, and validation decorators, each with a jp-pack category. The data is the project's data file
 * `src/core/data/personal-data-names.json` (schema `schemas/personal-data-names.schema.json`); this module
 * only indexes it and matches names against it.
 */
import data from '../data/personal-data-names.json';

/** Why a name was matched: the name itself (English or romanised Japanese), and how strongly. */
export interface NameMatch {
  readonly category: string;
  /** The vocabulary word that matched (`email`, `jusho`). */
  readonly word: string;
  readonly romanised: boolean;
  /** An ambiguous name (`name`, `address`): proposed only beside a strong candidate. */
  readonly weak: boolean;
}

interface Entry {
  readonly category: string;
  readonly romanised: boolean;
  readonly weak: boolean;
}

function index(): ReadonlyMap<string, Entry> {
  const out = new Map<string, Entry>();
  for (const c of data.categories) {
    for (const w of c.names) out.set(w, { category: c.category, romanised: false, weak: false });
    for (const w of c.romanised) out.set(w, { category: c.category, romanised: true, weak: false });
    for (const w of c.weak) if (!out.has(w)) out.set(w, { category: c.category, romanised: false, weak: true });
  }
  return out;
}

const WORDS = index();
const VALIDATORS: Readonly<Record<string, string>> = data.validators;
const SKIP_TYPES: ReadonlySet<string> = new Set(data.skipTypes);

/** The residency class proposed with every candidate. */
export const PROPOSED_RESIDENCY: string = data.residency;

/** `billingEmail` → `['billing', 'email']`, `first_name` → `['first', 'name']`, `URLPath` → `['url', 'path']`. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/**
 * The category a field name suggests: the whole name, else its longest run of last words, is a vocabulary
 * word (`billingEmail` → email, `contactPhoneNumber` → phonenumber). A strong match beats a weak one.
 */
export function matchName(name: string): NameMatch | undefined {
  const parts = words(name);
  let weak: NameMatch | undefined;
  for (let i = 0; i < parts.length; i++) {
    const word = parts.slice(i).join('');
    const e = WORDS.get(word);
    if (!e) continue;
    const m = { category: e.category, word, romanised: e.romanised, weak: e.weak };
    if (!e.weak) return m;
    weak ??= m;
  }
  return weak;
}

/** The category a validation decorator (`IsEmail`) implies, if any. */
export function validatorCategory(decorator: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(VALIDATORS, decorator) ? VALIDATORS[decorator] : undefined;
}

const SKIP_CONTAINERS = new RegExp(data.skipContainers);

/** Whether a type holds application settings rather than data about people (`MailConfig`, `EnvironmentVariablesValidator`). */
export function skippedContainer(name: string): boolean {
  return SKIP_CONTAINERS.test(name);
}

/** Whether a field name is constant-style (`DATABASE_PASSWORD`: an environment variable, not a person's data). */
export function constantStyle(name: string): boolean {
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(name);
}

/** Whether a declared type (as written) is never personal data by itself (`boolean`). */
export function skippedType(typeText: string | undefined): boolean {
  return typeText !== undefined && SKIP_TYPES.has(typeText.trim());
}
