/**
 * The `register` section of the JSON report (SPEC §7.2, an addition to schemaVersion 1): what the transfer
 * register and the disclosure draft are made of besides the findings — every flow of personal data (also those
 * no rule flags), the parties with their `measures`, the bases, the assessments and `disclosure.countries`. With
 * it a JSON report is enough for `residency-guard merge` to rebuild the register and the draft of a company
 * from the reports of many repositories. `readRegister` is the way back (input already validated).
 */
import type { Basis, BasisType, Party, ResidencyConfig } from '../config/types';
import type { Loc } from '../model';
import type { FlowParty, FlowRecord } from './flows';

type Json = Record<string, unknown>;

function point(l: Loc) {
  return { file: l.file, line: l.line, column: l.column };
}

function jsonFlow(f: FlowRecord) {
  return {
    symbol: f.symbol, category: f.category, residency: f.residency, source: point(f.sourceLocation), sink: point(f.sinkLocation),
    country: f.country, region: f.region, unresolved: f.unresolved, parties: f.parties.map((p) => ({ ...p })), description: f.description,
    encrypted: f.encrypted, pseudonymized: f.pseudonymized, bases: [...f.bases],
    ...(f.vendor ? { vendor: { ...f.vendor } } : {}), ...(f.repository ? { repository: f.repository } : {}),
  };
}

function jsonParty(p: Party) {
  return { name: p.name, access: p.access, country: p.country, ...(p.basis ? { basis: p.basis } : {}), ...(p.measures ? { measures: p.measures } : {}) };
}

function jsonBasis(b: Basis) {
  const { id: _id, location: _location, ...rest } = b;
  return { ...rest, ...(b.countries ? { countries: [...b.countries] } : {}) };
}

/** The register section of a JSON report. */
export function jsonRegister(flows: readonly FlowRecord[], config: ResidencyConfig) {
  return {
    flows: flows.filter((f) => f.residency !== 'unrestricted').map(jsonFlow),
    parties: Object.fromEntries([...config.parties.values()].map((p) => [p.id, jsonParty(p)])),
    bases: Object.fromEntries([...config.bases.values()].map((b) => [b.id, jsonBasis(b)])),
    assessments: { ...config.assessments },
    disclosureCountries: config.disclosureCountries ? [...config.disclosureCountries] : null,
  };
}

/** A position of the report as a location (the report keeps only where things start). */
export function pointLoc(p: Json): Loc {
  const line = p.line as number;
  const column = p.column as number;
  return { file: p.file as string, line, column, endLine: line, endColumn: column };
}

function readFlow(f: Json): FlowRecord {
  return {
    symbol: f.symbol as string, category: f.category as string, residency: f.residency as string,
    sourceLocation: pointLoc(f.source as Json), sinkLocation: pointLoc(f.sink as Json),
    country: f.country as string | null, region: f.region as string | null, unresolved: f.unresolved as boolean,
    parties: (f.parties as FlowParty[]).map((p) => ({ id: p.id, name: p.name, access: p.access, country: p.country })),
    description: f.description as string, encrypted: f.encrypted as string | null, pseudonymized: f.pseudonymized as boolean,
    bases: [...(f.bases as string[])],
    ...(f.vendor ? { vendor: { ...(f.vendor as { id: string; package: string }) } } : {}),
    ...(typeof f.repository === 'string' ? { repository: f.repository } : {}),
  };
}

function readParty(id: string, p: Json): Party {
  return {
    id, name: p.name as string, access: p.access as string, country: p.country as string,
    ...(typeof p.basis === 'string' ? { basis: p.basis } : {}), ...(typeof p.measures === 'string' ? { measures: p.measures } : {}),
  };
}

function readBasis(id: string, b: Json): Basis {
  return { ...(b as object), id, type: b.type as BasisType, ...(Array.isArray(b.countries) ? { countries: [...(b.countries as string[])] } : {}) };
}

export interface ReadRegister {
  readonly flows: FlowRecord[];
  readonly parties: Map<string, Party>;
  readonly bases: Map<string, Basis>;
  readonly assessments: Record<string, string>;
  readonly disclosureCountries: string[] | undefined;
}

/** The register section of a validated JSON report. */
export function readRegister(register: Json): ReadRegister {
  const parties = Object.entries(register.parties as Record<string, Json>).map(([id, p]) => [id, readParty(id, p)] as const);
  const bases = Object.entries(register.bases as Record<string, Json>).map(([id, b]) => [id, readBasis(id, b)] as const);
  return {
    flows: (register.flows as Json[]).map(readFlow),
    parties: new Map(parties),
    bases: new Map(bases),
    assessments: { ...(register.assessments as Record<string, string>) },
    disclosureCountries: Array.isArray(register.disclosureCountries) ? [...(register.disclosureCountries as string[])] : undefined,
  };
}
