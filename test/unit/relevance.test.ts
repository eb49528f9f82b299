// Which functions the analysis summarises up front (relevance.ts): every construct that lets a function act
// on its own makes it summarised; pure computation is summarised only when a call to it is analysed. The
// findings are the same either way (fixtures and the incremental test check that); this checks the decision.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalysisSession, checkWorkspaceSession } from '../../src/core/engine';
import { nameText } from '../../src/core/analysis/nodes';
import { memoryHost } from '../support/memoryHost';

const ROOT = '/virtual/relevance';

const FILES: Record<string, string> = {
  'src/dest.ts': `/** @recipient self */
export declare function send(v: unknown): void;
export interface User {
  /** @residency jp-only */
  phone: string;
}
`,
  'src/code.ts': `import { send } from './dest';
let last = '';
const log: string[] = [];
export function sum(values: number[]): number {
  let total = 0;
  for (const v of values) total += v * 2;
  return values.map((x) => x + 1).filter((x) => x > 2).length + total;
}
export function localPush(v: string): number {
  const out: string[] = [];
  out.push(v);
  return out.length;
}
export function callsSink(v: string): void { send(v); }
export function callsWorkspace(v: string): number { return sum([v.length]); }
export function storesModule(v: string): void { last = v; }
export function pushesModule(v: string): void { log.push(v); }
export function storesMember(o: { a: string }, v: string): void { o.a = v; }
/** @exposes-to self */
export function exposed(v: string): string { return v; }
export function callsUnknown(fns: Array<() => void>): void { fns[0](); }
export function never(): string { return last + log.join(); }
`,
  // Getters are looked for per file: a file that reads a getter's name has all its functions summarised.
  'src/box.ts': `export function readsGetter(b: Box): string { return b.value2; }
export class Box {
  constructor(private readonly secret: string) {}
  get value2(): string { return this.secret; }
}
`,
};

function summarised(files = FILES): Set<string> {
  const session = new AnalysisSession();
  checkWorkspaceSession(memoryHost(ROOT, files), { root: ROOT, session });
  return new Set([...session.flow.summaries.keys()].map((fn) => nameText(fn) ?? (fn.parent ? nameText(fn.parent) : undefined) ?? '?'));
}

test('functions that can act on their own are summarised up front, pure computation is not', () => {
  const names = summarised();
  for (const acts of ['callsSink', 'storesModule', 'pushesModule', 'storesMember', 'readsGetter', 'exposed', 'callsUnknown', 'value2', 'constructor']) {
    assert.ok(names.has(acts) || (acts === 'constructor' && [...names].some((n) => n === '?' || n === 'Box')), `${acts} is summarised (got ${[...names].join(', ')})`);
  }
  for (const pure of ['localPush', 'never']) assert.ok(!names.has(pure), `${pure} is not summarised up front`);
});

test('a pure function is summarised when a call to it is analysed', () => {
  const names = summarised();
  // callsWorkspace calls it (so sum's summary exists), although sum itself cannot act.
  assert.ok(names.has('callsWorkspace'));
  assert.ok(names.has('sum'));
});

test('a workspace where nothing is personal data is not analysed at all; the first source makes the next run analyse everything', () => {
  const noSource = { ...FILES, 'src/dest.ts': FILES['src/dest.ts'].replace('@residency jp-only', '@category contact') };
  assert.equal(summarised(noSource).size, 0);
  const unrestricted = { ...FILES, 'src/dest.ts': FILES['src/dest.ts'].replace('jp-only', 'unrestricted') };
  assert.equal(summarised(unrestricted).size, 0);

  // The same session before and after a source appears (as in the editor, the file set unchanged). The
  // source is a global type (a script file): the file that uses it does not import it, so only a full run
  // finds the flow.
  const use = `/** @region aws:us-east-1 */
declare function storeInVirginia(v: unknown): void;
export function leak(u: GlobalUser): void { storeInVirginia(u.phone); }
`;
  const globalType = (tag: string) => `interface GlobalUser {\n  /** ${tag} */\n  phone: string;\n}\n`;
  const session = new AnalysisSession();
  const first = checkWorkspaceSession(memoryHost(ROOT, { ...noSource, 'src/use.ts': use, 'src/global.ts': globalType('@category contact') }), { root: ROOT, session });
  assert.deepEqual(first.result.findings, []);
  assert.equal(session.flow.summaries.size, 0);
  const withSource = { ...noSource, 'src/use.ts': use, 'src/global.ts': globalType('@residency jp-only') };
  const again = checkWorkspaceSession(memoryHost(ROOT, withSource), { root: ROOT, session });
  const fresh = checkWorkspaceSession(memoryHost(ROOT, withSource), { root: ROOT });
  assert.ok(fresh.result.findings.length > 0);
  assert.deepEqual(again.result.findings, fresh.result.findings);
  assert.ok(session.flow.summaries.size > 0);
});
