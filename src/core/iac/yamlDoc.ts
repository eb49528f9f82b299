/**
 * YAML files of the infrastructure (serverless.yml, compose files) parsed with the `yaml` package, which
 * keeps every node's source range: helpers to walk maps by key and to locate nodes. CloudFormation's
 * short-form intrinsic tags (`!Ref`, `!GetAtt`, `!Sub` …) are accepted as tags, never evaluated. Syntax
 * errors and warnings are located problems.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type ParsedNode } from 'yaml';
import type { Loc } from '../model';
import { LineMap } from '../text/positions';
import type { IacProblem, Step } from './model';

export interface YamlFile {
  readonly file: string;
  readonly rel: string;
  readonly root: unknown;
  readonly lines: LineMap;
  readonly problems: readonly IacProblem[];
}

const CFN_TAGS = ['!Ref', '!GetAtt', '!Sub', '!Join', '!Select', '!Split', '!FindInMap', '!ImportValue', '!If', '!Equals', '!Not', '!And', '!Or', '!Base64', '!Cidr', '!GetAZs', '!Condition'];
const CUSTOM_TAGS = CFN_TAGS.flatMap((tag) => [
  { tag, resolve: (s: string) => s },
  { tag, collection: 'seq' as const, resolve: (s: unknown) => s },
  { tag, collection: 'map' as const, resolve: (s: unknown) => s },
]);

export function parseYaml(file: string, rel: string, text: string): YamlFile {
  const lines = new LineMap(text);
  const doc = parseDocument(text, { customTags: CUSTOM_TAGS, uniqueKeys: false, prettyErrors: false });
  const problems = [...doc.errors, ...doc.warnings].map((e) => ({
    loc: lines.loc(file, e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)),
    message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
  }));
  return { file, rel, root: doc.contents, lines, problems };
}

/** The value of `key` in a map node (undefined when the node is no map or has no such key). */
export function get(node: unknown, key: string): unknown {
  return pairOf(node, key)?.value ?? undefined;
}

export function pairOf(node: unknown, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
}

/** A path of keys. */
export function getPath(node: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((n, k) => get(n, k), node);
}

/** Every key and value of a map node. */
export function entries(node: unknown): Array<{ key: string; keyNode: Node; value: unknown }> {
  if (!isMap(node)) return [];
  return node.items.flatMap((p) => (isScalar(p.key) ? [{ key: String(p.key.value), keyNode: p.key as Node, value: p.value }] : []));
}

export function items(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

/** A scalar's text (numbers and booleans as written), or undefined. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
  return String(node.value);
}

export function tagOf(node: unknown): string | undefined {
  return isScalar(node) || isMap(node) || isSeq(node) ? node.tag ?? undefined : undefined;
}

export function nodeLoc(f: YamlFile, node: unknown): Loc {
  const range = (node as ParsedNode | undefined)?.range;
  return range ? f.lines.loc(f.file, range[0], range[1]) : f.lines.loc(f.file, 0, 0);
}

/** A step at a node, with the file and line in its note. */
export function yamlStep(f: YamlFile, node: unknown, note: string): Step {
  const loc = nodeLoc(f, node);
  return { loc, note: `${note} (${f.rel}:${loc.line})` };
}
