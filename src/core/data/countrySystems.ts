/**
 * The project's country data (`countries.json`, schema `schemas/countries.schema.json`, SPEC §7.2 v2): for
 * each jurisdiction of the PPC's survey of foreign protection systems and each country the PPC designated as
 * equivalent, its names, the PPC page, designation, APEC CBPR participation, OECD-principle coverage,
 * localisation and government-access facts (each with sources and a verified/unverified status), and a
 * short summary written by the project. The disclosure draft reads it; so do the equivalent-country set and
 * the default of the config's `intelligenceCooperation` (countries whose `intelligenceCooperation` is true).
 */
import data from './countries.json';

export type CountryLang = 'en' | 'ja';
export type FactStatus = 'verified' | 'unverified';

export interface CountryFact<T> {
  /** null: not recorded by the project (see the PPC report). */
  readonly value: T | null;
  readonly sources: readonly string[];
  readonly status: FactStatus;
}

export interface PpcReport {
  readonly url: string;
  /** country: the country's own report; index: the list of reports; designation: the designation page. */
  readonly page: 'country' | 'index' | 'designation';
  readonly date: string | null;
  readonly status: FactStatus;
  readonly sources: readonly string[];
  readonly note?: string;
}

export interface CountrySystem {
  readonly code: string;
  readonly name: Readonly<Record<CountryLang, string>>;
  readonly ppcReport: PpcReport;
  readonly designated: CountryFact<boolean>;
  readonly apecCbpr: CountryFact<boolean>;
  readonly oecdPrinciples: CountryFact<'all' | 'partial' | 'none'>;
  readonly localisation: CountryFact<boolean>;
  readonly governmentAccess: CountryFact<boolean>;
  readonly intelligenceCooperation: CountryFact<boolean>;
  readonly summary: Readonly<Record<CountryLang, string>>;
  readonly lastChecked: string;
  readonly note?: string;
}

export interface CountrySource {
  readonly url: string | null;
  readonly title: string;
  readonly kind: 'ppc' | 'law-text' | 'secondary' | 'none';
}

type CountryEntry = Omit<CountrySystem, 'code'>;

const ENTRIES = data.countries as unknown as Readonly<Record<string, CountryEntry>>;
const SOURCES = data.sources as unknown as Readonly<Record<string, CountrySource>>;

/** Every country of the data file, by ISO 3166-1 alpha-2 code. */
export const COUNTRY_SYSTEMS: ReadonlyMap<string, CountrySystem> = new Map(
  Object.entries(ENTRIES).map(([code, e]) => [code, { code, ...e }]),
);

/** When the data file as a whole was last checked. */
export const COUNTRY_DATA_CHECKED: string = data.lastChecked;

export function countrySystem(code: string): CountrySystem | undefined {
  return COUNTRY_SYSTEMS.get(code);
}

export function countrySource(id: string): CountrySource | undefined {
  return SOURCES[id];
}

/** The codes whose fact `key` is true, sorted. */
export function countriesWhere(key: 'designated' | 'apecCbpr' | 'localisation' | 'governmentAccess' | 'intelligenceCooperation'): string[] {
  return [...COUNTRY_SYSTEMS.values()].filter((c) => c[key].value === true).map((c) => c.code).sort();
}

/** The default of the config's `intelligenceCooperation` (JPR008): the countries whose law obliges organisations in general to cooperate with state intelligence. */
export const DEFAULT_INTELLIGENCE_COOPERATION: readonly string[] = countriesWhere('intelligenceCooperation');
