/**
 * Reads `residency.config.json` (SPEC §4): parses it as JSON with comments, validates it against the
 * shipped JSON Schema and against the vocabulary (countries, bases, regions), and builds a ResidencyConfig
 * from every part that is valid. Each error is a Problem at its exact position in the config file, its
 * message in the requested language (the problem message catalogue).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import { validate as compiledValidator } from './configValidator.generated';
import { DEFAULT_INTELLIGENCE_COOPERATION } from '../data/countrySystems';
import { problemMessage, type ConfigOwner, type Lang, type ProblemMessageArgs, type ProblemMessageId } from '../messages/problemMessages';
import { jsonKind, type ValueNoun } from '../messages/phrases';
import { PROBLEM_CODES } from '../model';
import type { Loc, Problem, ProblemCode, SeveritySetting } from '../model';
import { LineMap } from '../text/positions';
import { suggest } from '../text/suggest';
import { SELF_PARTY } from '../vocabulary/jpPack';
import type { RegionCatalog } from '../vocabulary/regionTypes';
import type { Basis, BasisType, PackageBinding, Party, ResidencyConfig } from './types';

const CONFIG_NAME = 'residency.config.json';
const COUNTRY_SHAPE = /^[A-Z]{2}$/;
const ENUM_NOUNS: Readonly<Record<string, ValueNoun>> = {
  access: 'access class',
  type: 'basis type',
  pack: 'policy pack',
};

export interface ConfigLoadResult {
  readonly config: ResidencyConfig;
  readonly problems: Problem[];
}

/** Loads one config text; `text` undefined means there is no config file (defaults apply). Messages in `lang` (default English). */
export type ConfigLoader = (text: string | undefined, file: string | undefined, lang?: Lang) => ConfigLoadResult;

/**
 * Paths (JSON pointers) that failed the schema: `exact` drops just that part, `subtree` also its ancestors'
 * unit; `holders` are the ancestors of `subtree` entries (kept as they are added, so a lookup is one walk up
 * its own pointer, whatever the number of errors).
 */
interface Invalidity {
  readonly exact: Set<string>;
  readonly subtree: Set<string>;
  readonly holders: Set<string>;
}

/** Everything one load works with. `problems` holds schema and reference problems. */
interface Context {
  readonly file: string;
  readonly lines: LineMap;
  readonly root: Node;
  readonly regions: RegionCatalog;
  readonly invalid: Invalidity;
  readonly problems: Problem[];
  readonly lang: Lang;
  /** Each object node's properties by key (the last of duplicates), made when first looked up. */
  readonly keys: WeakMap<Node, ReadonlyMap<string, Node>>;
}

interface Entry {
  readonly key: string;
  readonly keyNode: Node;
  readonly valueNode: Node;
  readonly segments: readonly string[];
  readonly pointer: string;
}

/** An entry whose value has been read as JSON. */
type ValuedEntry = Entry & { readonly value: unknown };

type Json = Record<string, unknown>;

/**
 * The schema's validator, compiled by Ajv when the project is built (scripts/config-validator.mjs), not at
 * start-up. It keeps its errors on itself, so each load reads them right after validating.
 */
const validate = compiledValidator as unknown as ValidateFunction;

/** A loader for repeated loads (the editor reloads on every edit). */
export function createConfigLoader(regions: RegionCatalog): ConfigLoader {
  return (text, file, lang = 'en') => load({ text, file, lang }, regions, validate);
}

export function loadConfig(text: string | undefined, file: string | undefined, regions: RegionCatalog, lang: Lang = 'en'): ConfigLoadResult {
  return createConfigLoader(regions)(text, file, lang);
}

/** The configuration when there is no config file (or it is unusable): the `jp` pack, party `self` only. */
export function defaultConfig(file: string | undefined): ResidencyConfig {
  return {
    file,
    pack: 'jp',
    parties: new Map([[SELF_PARTY.id, selfParty(SELF_PARTY.name, undefined, undefined)]]),
    bases: new Map(),
    assessments: {},
    disclosureCountries: undefined,
    regions: {},
    rules: {},
    include: undefined,
    exclude: undefined,
    intelligenceCooperation: [...DEFAULT_INTELLIGENCE_COOPERATION],
    packages: [],
    env: {},
    envFiles: [],
    iac: undefined,
  };
}

interface LoadRequest {
  readonly text: string | undefined;
  readonly file: string | undefined;
  readonly lang: Lang;
}

function load({ text, file, lang }: LoadRequest, regions: RegionCatalog, validate: ValidateFunction): ConfigLoadResult {
  if (text === undefined) return { config: defaultConfig(undefined), problems: [] };
  const path = file ?? CONFIG_NAME;
  const lines = new LineMap(text);
  const tooDeep = nestingBeyond(text, MAX_CONFIG_DEPTH);
  if (tooDeep !== undefined) {
    const message = problemMessage(lang, 'configTooDeep', { file: CONFIG_NAME, limit: MAX_CONFIG_DEPTH });
    return { config: defaultConfig(file), problems: [makeProblem(PROBLEM_CODES.configSyntax, message, lines.loc(path, tooDeep, tooDeep + 1))] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const syntax = errors.map((e) => makeProblem(PROBLEM_CODES.configSyntax, syntaxMessage(e, lang), lines.loc(path, e.offset, e.offset + e.length)));
  if (root === undefined || root.type !== 'object') {
    const problems = syntax.length > 0 || root === undefined ? syntax : [notAnObject(root, lines, path, lang)];
    return { config: defaultConfig(file), problems };
  }
  const invalid = { exact: new Set<string>(), subtree: new Set<string>(), holders: new Set<string>() };
  const ctx: Context = { file: path, lines, root, regions, invalid, problems: [], lang, keys: new WeakMap() };
  checkDuplicateKeys(ctx, root);
  checkSchema(ctx, validate);
  const config = buildConfig(ctx, file);
  // After a syntax error the tree is a recovery: report the syntax first, schema errors once it parses.
  return { config, problems: capped(sortProblems(syntax.length > 0 ? syntax : ctx.problems), lang) };
}

/** At most this many problems are reported about the config file; one more problem says how many were left out. */
export const MAX_CONFIG_PROBLEMS = 100;

function capped(problems: Problem[], lang: Lang): Problem[] {
  if (problems.length <= MAX_CONFIG_PROBLEMS) return problems;
  const more = problems.length - MAX_CONFIG_PROBLEMS;
  const first = problems[MAX_CONFIG_PROBLEMS];
  const message = problemMessage(lang, 'configMoreProblems', { file: CONFIG_NAME, more });
  return [...problems.slice(0, MAX_CONFIG_PROBLEMS), makeProblem(first.code, message, first.location)];
}

/** Deeper JSON is refused before parsing: the parser recurses once per level. */
const MAX_CONFIG_DEPTH = 64;

/** The offset where `{`/`[` nesting first exceeds `limit` (strings and comments skipped), if it does. */
function nestingBeyond(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') i = skipString(text, i);
    else if (ch === '/' && text[i + 1] === '/') i = text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i);
    else if (ch === '/' && text[i + 1] === '*') i = text.indexOf('*/', i + 2) < 0 ? text.length : text.indexOf('*/', i + 2) + 1;
    else if (ch === '{' || ch === '[') {
      if (++depth > limit) return i;
    } else if (ch === '}' || ch === ']') depth--;
  }
  return undefined;
}

function skipString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"' || text[i] === '\n') return i;
  }
  return text.length;
}

// ---------------------------------------------------------------- problems and positions

function makeProblem(code: ProblemCode, message: string, location: Loc, suggestion?: string): Problem {
  const base = { kind: 'config' as const, code, severity: 'error' as const, message, location };
  return suggestion === undefined ? base : { ...base, suggestion };
}

function report(ctx: Context, code: ProblemCode, message: string, location: Loc, suggestion?: string): void {
  ctx.problems.push(makeProblem(code, message, location, suggestion));
}

/** The text of a catalogue message in the language of this load. */
function msg<K extends ProblemMessageId>(ctx: Context, id: K, args: ProblemMessageArgs[K]): string {
  return problemMessage(ctx.lang, id, args);
}

/** "CommaExpected" → "residency.config.json: Expected comma". */
function syntaxMessage(error: ParseError, lang: Lang): string {
  return problemMessage(lang, 'configSyntax', { file: CONFIG_NAME, error: printParseErrorCode(error.error) });
}

function notAnObject(root: Node, lines: LineMap, file: string, lang: Lang): Problem {
  const loc = lines.loc(file, root.offset, root.offset + root.length);
  const message = problemMessage(lang, 'configNotObject', { file: CONFIG_NAME, found: jsonKind(getNodeValue(root)) });
  return makeProblem(PROBLEM_CODES.configSchema, message, loc);
}

/** Problems in file order, each reported once (the parser may report one error several times). */
function sortProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.location.line}:${p.location.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
}

function nodeLoc(ctx: Context, node: Node): Loc {
  return ctx.lines.loc(ctx.file, node.offset, node.offset + node.length);
}

function pointerOf(segments: readonly string[]): string {
  return segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The property node of `key` in an object node (the last one, as JSON parsers keep the last duplicate). */
function propertyOf(ctx: Context, node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  let keys = ctx.keys.get(node);
  if (!keys) {
    const made = new Map<string, Node>();
    for (const property of node.children ?? []) {
      const name: unknown = property.children?.[0]?.value;
      if (typeof name === 'string') made.set(name, property);
    }
    ctx.keys.set(node, made);
    keys = made;
  }
  return keys.get(key);
}

function childOf(ctx: Context, node: Node | undefined, segment: string): Node | undefined {
  if (node?.type === 'array') return /^\d+$/.test(segment) ? node.children?.[Number(segment)] : undefined;
  return propertyOf(ctx, node, segment)?.children?.[1];
}

function nodeAt(ctx: Context, segments: readonly string[]): Node | undefined {
  let node: Node | undefined = ctx.root;
  for (const segment of segments) node = childOf(ctx, node, segment);
  return node;
}

/** The deepest existing node along a path (errors always have one; this guards against odd trees). */
function nearestNode(ctx: Context, segments: readonly string[]): Node {
  let node = ctx.root;
  for (const segment of segments) {
    const child = childOf(ctx, node, segment);
    if (child === undefined) break;
    node = child;
  }
  return node;
}

/** Where a key is written: the key of `key` in the object at `segments`, else that object. */
function keyLoc(ctx: Context, segments: readonly string[], key: string): Loc {
  const keyNode = propertyOf(ctx, nodeAt(ctx, segments), key)?.children?.[0];
  return nodeLoc(ctx, keyNode ?? nearestNode(ctx, segments));
}

/** Where an object is named: its key in the parent, or its opening brace for the root. */
function objectLoc(ctx: Context, segments: readonly string[]): Loc {
  if (segments.length === 0) return ctx.lines.loc(ctx.file, ctx.root.offset, ctx.root.offset + 1);
  return keyLoc(ctx, segments.slice(0, -1), segments[segments.length - 1]);
}

/** `parties.a.country`, `disclosure.countries[1]`. */
function displayPath(ctx: Context, segments: readonly string[]): string {
  let text = '';
  let node: Node | undefined = ctx.root;
  for (const segment of segments) {
    text += node?.type === 'array' ? `[${segment}]` : `${text === '' ? '' : '.'}${segment}`;
    node = childOf(ctx, node, segment);
  }
  return text;
}

/** What an object is called in messages: the file, `party "a"`, `basis "b"` or `"disclosure"`. */
function where(ctx: Context, segments: readonly string[]): ConfigOwner {
  if (segments.length === 0) return { kind: 'file', file: CONFIG_NAME };
  if (segments.length === 2 && segments[0] === 'parties') return { kind: 'party', id: segments[1] };
  if (segments.length === 2 && segments[0] === 'bases') return { kind: 'basis', id: segments[1] };
  return { kind: 'path', path: displayPath(ctx, segments) };
}

function countryGuess(value: unknown, ctx: Context): string | undefined {
  if (typeof value !== 'string') return undefined;
  const upper = value.trim().toUpperCase();
  return upper !== value && ctx.regions.isCountry(upper) ? upper : undefined;
}

function schemaText(error: ErrorObject, key: string): string | undefined {
  const value: unknown = error.parentSchema?.[key];
  return typeof value === 'string' ? value.replace(/\.$/, '') : undefined;
}

// ---------------------------------------------------------------- syntax-level and schema checks

function checkDuplicateKeys(ctx: Context, node: Node): void {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const keyNode = property.children?.[0];
      if (keyNode === undefined || typeof keyNode.value !== 'string') continue;
      if (seen.has(keyNode.value)) {
        report(ctx, PROBLEM_CODES.configSchema, msg(ctx, 'configDuplicateKey', { key: keyNode.value }), nodeLoc(ctx, keyNode));
      }
      seen.add(keyNode.value);
    }
  }
  for (const child of node.children ?? []) checkDuplicateKeys(ctx, child);
}

function checkSchema(ctx: Context, validate: ValidateFunction): void {
  if (validate(getNodeValue(ctx.root))) return;
  for (const error of validate.errors ?? []) {
    // Ajv reports a bad property name twice: the inner error (with `propertyName`) is the useful one.
    if (error.keyword === 'propertyNames') continue;
    schemaError(ctx, error, parsePointer(error.instancePath));
  }
}

function schemaError(ctx: Context, error: ErrorObject, segments: string[]): void {
  if (error.propertyName !== undefined) return badKey(ctx, error, segments, error.propertyName);
  if (error.keyword === 'additionalProperties') return unknownKey(ctx, error, segments);
  markSubtree(ctx.invalid, pointerOf(segments));
  switch (error.keyword) {
    case 'required':
      return missingKey(ctx, error, segments);
    case 'type':
      return wrongType(ctx, error, segments);
    case 'enum':
      return badEnum(ctx, error, segments);
    case 'pattern':
      return badPattern(ctx, error, segments);
    default:
      return schemaProblem(ctx, msg(ctx, 'configInvalid', { path: displayPath(ctx, segments), detail: error.message }), segments);
  }
}

function schemaProblem(ctx: Context, message: string, segments: readonly string[], suggestion?: string): void {
  report(ctx, PROBLEM_CODES.configSchema, message, nodeLoc(ctx, nearestNode(ctx, segments)), suggestion);
}

function unknownKey(ctx: Context, error: ErrorObject, segments: string[]): void {
  // An unknown key makes only itself invalid, not the object holding it.
  const key = String(error.params.additionalProperty);
  ctx.invalid.exact.add(pointerOf([...segments, key]));
  const properties: unknown = error.parentSchema?.properties;
  const allowed = typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
  const guess = suggest(key, allowed);
  const message = msg(ctx, 'configUnknownKey', { key, owner: where(ctx, segments), suggestion: guess, allowed });
  report(ctx, PROBLEM_CODES.configSchema, message, keyLoc(ctx, segments, key), guess);
}

function badKey(ctx: Context, error: ErrorObject, segments: string[], key: string): void {
  ctx.invalid.exact.add(pointerOf([...segments, key]));
  const reason = schemaText(error, 'patternErrorMessage') ?? error.message;
  const guess = segments.length === 1 && segments[0] === 'assessments' ? countryGuess(key, ctx) : undefined;
  const message = msg(ctx, 'configInvalidKey', { key, owner: where(ctx, segments), reason, suggestion: guess });
  report(ctx, PROBLEM_CODES.configSchema, message, keyLoc(ctx, segments, key), guess);
}

function missingKey(ctx: Context, error: ErrorObject, segments: string[]): void {
  const message = msg(ctx, 'configMissingKey', { owner: where(ctx, segments), key: String(error.params.missingProperty) });
  report(ctx, PROBLEM_CODES.configSchema, message, objectLoc(ctx, segments));
}

function wrongType(ctx: Context, error: ErrorObject, segments: string[]): void {
  const args = { path: displayPath(ctx, segments), expected: String(error.params.type), found: jsonKind(error.data) };
  const message = msg(ctx, 'configWrongType', args);
  schemaProblem(ctx, message, segments);
}

function badEnum(ctx: Context, error: ErrorObject, segments: string[]): void {
  const allowed = (error.params.allowedValues as unknown[]).map(String);
  const guess = typeof error.data === 'string' ? suggest(error.data, allowed) : undefined;
  const last = segments[segments.length - 1];
  const noun = segments[0] === 'rules' ? 'severity' : (ENUM_NOUNS[last] ?? 'value');
  const args = { noun, value: String(JSON.stringify(error.data)), path: displayPath(ctx, segments), suggestion: guess, allowed };
  schemaProblem(ctx, msg(ctx, 'configUnknownEnum', args), segments, guess);
}

function badPattern(ctx: Context, error: ErrorObject, segments: string[]): void {
  const reason = schemaText(error, 'patternErrorMessage');
  const guess = countryGuess(error.data, ctx);
  const value = String(JSON.stringify(error.data));
  const args = { value, path: displayPath(ctx, segments), reason, pattern: String(error.params.pattern), suggestion: guess };
  const message = msg(ctx, 'configBadPattern', args);
  schemaProblem(ctx, message, segments, guess);
}

// ---------------------------------------------------------------- building the config from the valid parts

/** `pointer` and everything below it are invalid, and so is every object holding it. */
function markSubtree(invalid: Invalidity, pointer: string): void {
  invalid.subtree.add(pointer);
  for (let p = pointer; p !== ''; ) {
    p = p.slice(0, p.lastIndexOf('/'));
    if (invalid.holders.has(p)) break;
    invalid.holders.add(p);
  }
}

/** Whether nothing invalid is at `pointer`, below it, or at one of its ancestors (a walk up the pointer). */
function isValid(ctx: Context, pointer: string): boolean {
  const { exact, subtree, holders } = ctx.invalid;
  if (exact.has(pointer) || holders.has(pointer)) return false;
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    if (subtree.has(p)) return false;
    if (p === '') return true;
  }
}

/** The properties of the object at `segments` (none when it is missing or not an object). */
function entries(ctx: Context, segments: readonly string[]): Entry[] {
  const node = nodeAt(ctx, segments);
  const out: Entry[] = [];
  for (const property of node?.type === 'object' ? (node.children ?? []) : []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode === undefined || valueNode === undefined || typeof keyNode.value !== 'string') continue;
    const entrySegments = [...segments, keyNode.value];
    out.push({ key: keyNode.value, keyNode, valueNode, segments: entrySegments, pointer: pointerOf(entrySegments) });
  }
  return out;
}

/** The valid entries of an object; each valid entry's value read as JSON. */
function validEntries(ctx: Context, segments: readonly string[]): ValuedEntry[] {
  return entries(ctx, segments)
    .filter((e) => isValid(ctx, e.pointer))
    .map((e) => ({ ...e, value: getNodeValue(e.valueNode) as unknown }));
}

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Drops keys whose value is undefined, so optional fields are absent rather than `undefined`. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function buildConfig(ctx: Context, file: string | undefined): ResidencyConfig {
  const bases = buildBases(ctx);
  const disclosure = countryList(ctx, ['disclosure', 'countries']);
  const parties = buildParties(ctx, bases);
  const regions = buildRegions(ctx);
  return {
    file,
    pack: 'jp',
    parties,
    bases,
    assessments: buildAssessments(ctx),
    disclosureCountries: disclosure,
    regions,
    rules: buildRules(ctx),
    include: stringList(ctx, ['include']),
    exclude: stringList(ctx, ['exclude']),
    intelligenceCooperation: countryList(ctx, ['intelligenceCooperation']) ?? [...DEFAULT_INTELLIGENCE_COOPERATION],
    packages: buildPackages(ctx, parties, regions),
    env: buildEnv(ctx),
    envFiles: (arrayItems(ctx, ['envFiles']) ?? []).map((item) => ({ path: item.value, location: nodeLoc(ctx, item.node) })),
    iac: arrayItems(ctx, ['iac'])?.map((item) => ({ pattern: item.value, location: nodeLoc(ctx, item.node) })),
  };
}

/** Reports a well-formed but unassigned country code (e.g. "XX"); the schema already reports malformed ones. */
function checkCountry(ctx: Context, value: unknown, node: Node, segments: readonly string[]): boolean {
  if (typeof value !== 'string' || !COUNTRY_SHAPE.test(value)) return false;
  if (ctx.regions.isCountry(value)) return true;
  const message = msg(ctx, 'configUnknownCountry', { value, path: displayPath(ctx, segments) });
  report(ctx, PROBLEM_CODES.configReference, message, nodeLoc(ctx, node));
  return false;
}

/** The valid strings of the array at `segments`, or undefined when there is no such array. */
function arrayItems(ctx: Context, segments: readonly string[]): Array<{ value: string; node: Node; segments: string[] }> | undefined {
  const node = nodeAt(ctx, segments);
  if (node?.type !== 'array') return undefined;
  return (node.children ?? [])
    .map((child, i) => ({ value: getNodeValue(child) as unknown, node: child, segments: [...segments, String(i)] }))
    .filter((item): item is { value: string; node: Node; segments: string[] } =>
      typeof item.value === 'string' && isValid(ctx, pointerOf(item.segments)));
}

function stringList(ctx: Context, segments: readonly string[]): string[] | undefined {
  return arrayItems(ctx, segments)?.map((item) => item.value);
}

function countryList(ctx: Context, segments: readonly string[]): string[] | undefined {
  return arrayItems(ctx, segments)
    ?.filter((item) => checkCountry(ctx, item.value, item.node, item.segments))
    .map((item) => item.value);
}

function buildBases(ctx: Context): Map<string, Basis> {
  const bases = new Map<string, Basis>();
  for (const entry of validEntries(ctx, ['bases'])) {
    const value = asObject(entry.value);
    const items = arrayItems(ctx, [...entry.segments, 'countries']);
    const countriesOk = (items ?? []).every((item) => checkCountry(ctx, item.value, item.node, item.segments));
    if (!countriesOk) continue;
    bases.set(entry.key, defined<Basis>({
      id: entry.key,
      type: value.type as BasisType,
      countries: items?.map((item) => item.value),
      ref: optionalString(value.ref),
      systemInfo: optionalString(value.systemInfo),
      recipientMeasures: optionalString(value.recipientMeasures),
      location: nodeLoc(ctx, entry.keyNode),
    }));
  }
  return bases;
}

function selfParty(name: string, basis: string | undefined, location: Loc | undefined): Party {
  return defined<Party>({ id: SELF_PARTY.id, name, access: SELF_PARTY.access, country: SELF_PARTY.country, basis, location });
}

function buildParties(ctx: Context, bases: ReadonlyMap<string, Basis>): Map<string, Party> {
  const parties = new Map<string, Party>([[SELF_PARTY.id, selfParty(SELF_PARTY.name, undefined, undefined)]]);
  for (const entry of validEntries(ctx, ['parties'])) {
    const party = entry.key === SELF_PARTY.id ? buildSelf(ctx, entry, bases) : buildParty(ctx, entry, bases);
    if (party !== undefined) parties.set(entry.key, party);
  }
  return parties;
}

function buildParty(ctx: Context, entry: ValuedEntry, bases: ReadonlyMap<string, Basis>): Party | undefined {
  const value = asObject(entry.value);
  const countryNode = childOf(ctx, entry.valueNode, 'country');
  if (countryNode === undefined || !checkCountry(ctx, value.country, countryNode, [...entry.segments, 'country'])) return undefined;
  return defined<Party>({
    id: entry.key,
    name: String(value.name),
    access: String(value.access),
    country: String(value.country),
    basis: partyBasis(ctx, entry, value.basis, bases),
    measures: optionalString(value.measures),
    location: nodeLoc(ctx, entry.keyNode),
  });
}

/** `self` may rename itself only: its access class and country are fixed. */
function buildSelf(ctx: Context, entry: ValuedEntry, bases: ReadonlyMap<string, Basis>): Party {
  const value = asObject(entry.value);
  const fixed: ReadonlyArray<readonly [string, string]> = [['access', SELF_PARTY.access], ['country', SELF_PARTY.country]];
  for (const [key, expected] of fixed) {
    const node = childOf(ctx, entry.valueNode, key);
    if (node === undefined || value[key] === expected) continue;
    const message = msg(ctx, 'configSelfFixed', { key, expected });
    report(ctx, PROBLEM_CODES.configReference, message, nodeLoc(ctx, node), expected);
  }
  const name = optionalString(value.name) ?? SELF_PARTY.name;
  return selfParty(name, partyBasis(ctx, entry, value.basis, bases), nodeLoc(ctx, entry.keyNode));
}

/** The party's basis if it names a valid basis; an undeclared basis is reported (a declared but invalid one already was). */
function partyBasis(ctx: Context, entry: Entry, basis: unknown, bases: ReadonlyMap<string, Basis>): string | undefined {
  if (typeof basis !== 'string') return undefined;
  if (bases.has(basis)) return basis;
  const declared = entries(ctx, ['bases']).map((e) => e.key);
  if (declared.includes(basis)) return undefined;
  const guess = suggest(basis, declared);
  const node = childOf(ctx, entry.valueNode, 'basis') ?? entry.keyNode;
  const message = msg(ctx, 'configUnknownBasis', { basis, party: entry.key, suggestion: guess });
  report(ctx, PROBLEM_CODES.configReference, message, nodeLoc(ctx, node), guess);
  return undefined;
}

function buildAssessments(ctx: Context): Record<string, string> {
  const assessments: Record<string, string> = {};
  for (const entry of validEntries(ctx, ['assessments'])) {
    if (typeof entry.value === 'string' && checkCountry(ctx, entry.key, entry.keyNode, ['assessments'])) {
      assessments[entry.key] = entry.value;
    }
  }
  return assessments;
}

function buildRegions(ctx: Context): Record<string, string> {
  const all = entries(ctx, ['regions']).map((e) => [e.key, getNodeValue(e.valueNode) as unknown] as const);
  const names = Object.fromEntries(all.filter((pair): pair is readonly [string, string] => typeof pair[1] === 'string'));
  const regions: Record<string, string> = {};
  for (const entry of validEntries(ctx, ['regions'])) {
    if (typeof entry.value !== 'string') continue;
    const lookup = ctx.regions.resolve(entry.value, names, ctx.lang);
    if (lookup.ok) {
      regions[entry.key] = entry.value;
      continue;
    }
    const args = { path: displayPath(ctx, entry.segments), detail: lookup.message, suggestion: lookup.suggestion };
    const message = msg(ctx, 'configInvalidRegion', args);
    report(ctx, PROBLEM_CODES.configReference, message, nodeLoc(ctx, entry.valueNode), lookup.suggestion);
  }
  return regions;
}

function buildRules(ctx: Context): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  for (const entry of validEntries(ctx, ['rules'])) rules[entry.key] = entry.value as SeveritySetting;
  return rules;
}

/** `packages`: each binding's party must be declared and its region must resolve; a bad part drops the binding. */
function buildPackages(ctx: Context, parties: ReadonlyMap<string, Party>, regions: Readonly<Record<string, string>>): PackageBinding[] {
  const out: PackageBinding[] = [];
  for (const entry of validEntries(ctx, ['packages'])) {
    const value = asObject(entry.value);
    const party = packageParty(ctx, entry, value.party, parties);
    const region = packageRegion(ctx, entry, value.region, regions);
    if (party === null || region === null) continue;
    out.push(defined<PackageBinding>({ pattern: entry.key, party, region, location: nodeLoc(ctx, entry.keyNode) }));
  }
  return out;
}

/** The binding's party id; undefined when absent, null when it names no declared party (reported). */
function packageParty(ctx: Context, entry: ValuedEntry, party: unknown, parties: ReadonlyMap<string, Party>): string | undefined | null {
  if (typeof party !== 'string') return undefined;
  if (parties.has(party)) return party;
  const declared = entries(ctx, ['parties']).map((e) => e.key);
  if (declared.includes(party)) return null;
  const guess = suggest(party, [...parties.keys()]);
  const node = childOf(ctx, entry.valueNode, 'party') ?? entry.keyNode;
  report(ctx, PROBLEM_CODES.configReference, msg(ctx, 'configUnknownPackageParty', { party, pkg: entry.key, suggestion: guess }), nodeLoc(ctx, node), guess);
  return null;
}

/** The binding's region, resolved; undefined when absent, null when it does not resolve (reported). */
function packageRegion(ctx: Context, entry: ValuedEntry, region: unknown, regions: Readonly<Record<string, string>>): PackageBinding['region'] | null {
  if (typeof region !== 'string') return undefined;
  const lookup = ctx.regions.resolve(region, regions, ctx.lang);
  if (lookup.ok) return { written: region, resolved: lookup.resolved };
  const segments = [...entry.segments, 'region'];
  const args = { path: displayPath(ctx, segments), detail: lookup.message, suggestion: lookup.suggestion };
  report(ctx, PROBLEM_CODES.configReference, msg(ctx, 'configInvalidRegion', args), nodeLoc(ctx, childOf(ctx, entry.valueNode, 'region') ?? entry.keyNode), lookup.suggestion);
  return null;
}

function buildEnv(ctx: Context): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of validEntries(ctx, ['env'])) if (typeof entry.value === 'string') env[entry.key] = entry.value;
  return env;
}
