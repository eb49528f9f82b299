/**
 * Language server tests without VS Code: the real server process over stdio, driven by a minimal LSP
 * client; waits are event-driven (published diagnostics), never sleeps.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { fork, spawn } from 'node:child_process';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from './support/lspClient';

const REPO = path.resolve(__dirname, '../..');
const CONFIG = { parties: { 'cn-ops': { name: 'Chinese ops contractor', access: 'contractor-overseas', country: 'CN' } }, bases: { 'contract-cn': { type: 'conforming-system', countries: ['CN'], ref: 'Contract' } } };
const MODEL = `/** @residency jp-with-basis */
export interface User {
  /** @category contact */ phone: string;
  /** @residency unrestricted */ theme: string;
}
/** @recipient cn-ops */
export declare function toOps(v: unknown): void;
`;
const MAIN = `import { toOps, type User } from './model';

export function send(u: User): void {
  toOps(u.phone);
}
`;

/** A temporary workspace with the config, the model and the main file (more files may be added). */
function makeWorkspace(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rg-server-')));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'residency.config.json'), JSON.stringify(CONFIG));
  fs.writeFileSync(path.join(dir, 'src/model.ts'), MODEL);
  fs.writeFileSync(path.join(dir, 'src/main.ts'), MAIN);
  return dir;
}

describe('language server', () => {
  let dir: string;
  let client: TestLspClient;
  const uri = (f: string) => pathToFileURL(path.join(dir, f)).toString();
  const ours = (f: string) => (client.diagnostics.get(uri(f)) ?? []).filter((d) => d.source === 'residency-guard');

  before(async () => {
    dir = makeWorkspace();
    fs.writeFileSync(path.join(dir, 'src/other.ts'), `import { toOps, type User } from './model';\nexport function other(u: User): void {\n  toOps(u.theme);\n}\n`);
    client = new TestLspClient(REPO);
    await client.initialize(dir);
  });

  after(async () => {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes every file\'s findings after the first analysis, open or not; the rules of one sink read as one place', async () => {
    await client.until(() => ours('src/main.ts').length === 3, `diagnostics on the unopened main.ts: ${JSON.stringify([...client.diagnostics])} ${JSON.stringify(client.notifications)}`);
    const d = ours('src/main.ts');
    const byRule = new Map(d.map((x) => [x.code, x]));
    assert.match(byRule.get('JPR008')!.message, /^Readable in CN, whose law obliges intelligence cooperation .*: User\.phone \(contact\) → Chinese ops contractor \(contractor-overseas, CN\)$/);
    assert.match(byRule.get('JPR003')!.message, /^Contractor abroad not allowed by the data's @access/);
    assert.match(byRule.get('JPR001')!.message, /^No basis covers CN/);
    assert.match(String(byRule.get('JPR001')!.codeDescription?.href), /^command:residencyGuard\.openRuleDoc\?/);
    // The path once: on the first of the sink's diagnostics; the others point to it.
    const withPath = d.filter((x) => (x.relatedInformation ?? []).some((r) => /^declared User\.phone/.test(r.message)));
    assert.equal(withPath.length, 1, JSON.stringify(d.map((x) => x.relatedInformation)));
    const others = d.filter((x) => x !== withPath[0]);
    assert.ok(others.every((x) => (x.relatedInformation ?? []).some((r) => r.message === `path of User.phone: see ${withPath[0].code} on this line`)));
  });

  it('publishes findings with rule codes, doc links and related information for an open file', async () => {
    client.open(uri('src/main.ts'), MAIN);
    await client.until(() => ours('src/main.ts').length > 0, 'diagnostics on main.ts');
    const d = ours('src/main.ts');
    assert.deepEqual(d.map((x) => x.code).sort(), ['JPR001', 'JPR003', 'JPR008']);
    assert.deepEqual(d[0].range, { start: { line: 3, character: 8 }, end: { line: 3, character: 15 } }, 'the squiggle is on the argument that carries the data');
    const related = d[0].relatedInformation ?? [];
    assert.ok(related.length >= 2);
    assert.equal(related[0].location.uri, uri('src/model.ts'));
    assert.match(related[0].message, /declared User\.phone/);
    assert.equal(client.diagnostics.has(uri('src/other.ts')), false, 'closed files get no live diagnostics');
  });

  it('clears the diagnostics when the flow is edited away, and offers quick fixes', async () => {
    const [d] = ours('src/main.ts');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri('src/main.ts') }, range: d.range, context: { diagnostics: [d] },
    })) as { title: string; edit?: { changes: Record<string, { newText: string }[]> } }[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith(`Suppress ${d.code}`)), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('Attach basis "contract-cn"')), titles.join(' | '));
    assert.ok(titles.includes('Open party "cn-ops" in residency.config.json'), titles.join(' | '));
    const suppress = actions.find((a) => a.title.startsWith(`Suppress ${d.code}`))! as { command?: { command: string; arguments: unknown[] } };
    assert.equal(suppress.command?.command, 'residencyGuard.insertSnippet');
    assert.equal(suppress.command?.arguments[2], `  // residency-guard-disable-next-line ${d.code} -- \${1:why this transfer is acceptable}\n`);
    const all = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri('src/main.ts') }, range: d.range, context: { diagnostics: ours('src/main.ts') },
    })) as { title: string; command?: { arguments: unknown[] }; edit?: { changes: Record<string, { newText: string }[]> } }[];
    const suppressAll = all.find((a) => a.title === 'Suppress all 3 rules on this line (with a reason)');
    assert.match(String(suppressAll?.command?.arguments[2]), /disable-next-line JPR001 JPR003 JPR008 -- /);
    const basis = all.find((a) => a.title === 'Add a consent basis for CN to residency.config.json and attach it to party "cn-ops"');
    const config = JSON.parse(basis!.edit!.changes[uri('residency.config.json')][0].newText) as typeof CONFIG & { bases: Record<string, { countries: string[] }> };
    assert.deepEqual(config.bases['consent-cn'].countries, ['CN']);
    assert.equal((config.parties['cn-ops'] as { basis?: string }).basis, 'consent-cn');
    client.change(uri('src/main.ts'), MAIN.replace('u.phone', 'u.theme'), 2);
    await client.until(() => ours('src/main.ts').length === 0, 'diagnostics to clear');
  });

  it('completes tags, their values and rule ids, and explains them on hover', async () => {
    const text = [
      '/** @re', '/** @residency ', '/** @recipient ', '/** @access internal-jp, contractor-', '// residency-guard-disable-next-line JPR00',
      '/** @category contact */', 'const s = "@residency ";',
    ].join('\n');
    const file = uri('src/typing.ts');
    client.open(file, text);
    const complete = async (line: number): Promise<string[]> => {
      const character = text.split('\n')[line].length;
      const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: file }, position: { line, character } })) as { label: string }[];
      return items.map((i) => i.label);
    };
    assert.deepEqual((await complete(0)).sort(), ['readable-by', 'recipient', 'region', 'residency']);
    assert.deepEqual(await complete(1), ['jp-only', 'jp-or-equivalent', 'jp-with-basis', 'unrestricted']);
    assert.deepEqual((await complete(2)).sort(), ['cn-ops', 'self']);
    assert.deepEqual(await complete(3), ['contractor-domestic', 'contractor-overseas']);
    assert.deepEqual(await complete(4), ['JPR001', 'JPR002', 'JPR003', 'JPR004', 'JPR005', 'JPR006', 'JPR007', 'JPR008', 'JPR009']);
    assert.deepEqual(await complete(6), [], 'nothing is offered in strings');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: file }, position: { line: 5, character: 17 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /\*\*contact\*\* \(category\)/);
  });

  it('reports unopened files after checkWorkspace, and answers hovers', async () => {
    client.change(uri('src/main.ts'), MAIN, 3);
    fs.writeFileSync(path.join(dir, 'src/other.ts'), `import { toOps, type User } from './model';\nexport function other(u: User): void {\n  toOps(u.phone);\n}\n`);
    const result = (await client.connection.sendRequest('residencyGuard/checkWorkspace', {})) as { findings: number; cancelled: boolean };
    assert.equal(result.cancelled, false);
    assert.equal(result.findings, 6);
    await client.until(() => ours('src/other.ts').length === 3, 'diagnostics on the unopened file');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('src/model.ts') }, position: { line: 2, character: 30 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /@category contact/);
    assert.match(hover.contents.value, /Chinese ops contractor \(contractor-overseas, CN\)/);
    const map = (await client.connection.sendRequest('residencyGuard/dataMap', {})) as { category: string; countries: { country: string }[] }[];
    assert.deepEqual(map.map((c) => [c.category, c.countries.map((x) => x.country)]), [['contact', ['CN']]]);
  });

  it('exports the disclosure draft (Export Report…)', async () => {
    const report = (await client.connection.sendRequest('residencyGuard/report', { format: 'disclosure' })) as { format: string; content: string };
    assert.equal(report.format, 'disclosure');
    assert.match(report.content, /^# Information on the provision of personal data to third parties in foreign countries \(DRAFT\)/);
    assert.match(report.content, /^### China \(CN\)$/m);
    assert.match(report.content, /^\| Chinese ops contractor \| contractor \(entrusted party\) \|/m);
  });
});

/** A server spawned bare, for what a client must never send: resolves with its exit code, or rejects when it is still running after `ms`. */
function exitOf(feed: (stdin: NodeJS.WritableStream) => void, ms = 20000): Promise<number | null> {
  const proc = spawn(process.execPath, [path.join(REPO, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'ignore', 'ignore'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill();
      reject(new Error(`the server was still running ${ms} ms after the input`));
    }, ms);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    feed(proc.stdin);
  });
}

const BROKEN_STREAMS: ReadonlyArray<{ name: string; bytes: string | undefined }> = [
  { name: 'a Content-Length that is not a number', bytes: 'Content-Length: abc\r\n\r\n{}' },
  { name: 'a header without a colon', bytes: 'hello world\r\n\r\n' },
  { name: 'a body that is not JSON', bytes: 'Content-Length: 5\r\n\r\n{{{{{' },
  { name: 'the input stream closed', bytes: undefined },
];

describe('language server on a broken stream', () => {
  for (const { name, bytes } of BROKEN_STREAMS) {
    it(`exits (status 1) on ${name}, so that the client restarts it`, async () => {
      const code = await exitOf((stdin) => (bytes === undefined ? stdin.end() : stdin.write(bytes)));
      assert.equal(code, 1);
    });
  }
});

describe('language server over IPC (as the VS Code client starts it)', () => {
  it('answers over the IPC channel and exits (status 1) when the channel closes', async () => {
    const proc = fork(path.join(REPO, 'dist/server.js'), ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
    const answered = new Promise<unknown>((resolve) => proc.once('message', resolve));
    proc.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, workspaceFolders: [] } });
    const reply = (await answered) as { id: number; result?: { capabilities?: unknown } };
    assert.equal(reply.id, 1);
    assert.ok(reply.result?.capabilities);
    proc.disconnect();
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('still running after the channel closed')), 20000).unref());
    assert.equal(await Promise.race([exited, timeout]), 1);
  });
});

describe('language server protocol misuse and unsaved buffers', () => {
  let dir: string;
  let client: TestLspClient;
  const uri = (f: string) => pathToFileURL(path.join(dir, f)).toString();
  const ours = (f: string) => (client.diagnostics.get(uri(f)) ?? []).filter((d) => d.source === 'residency-guard');

  before(async () => {
    dir = makeWorkspace();
    client = new TestLspClient(REPO);
    await client.initialize(dir);
  });

  after(async () => {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rejects a second initialize with an error and keeps answering', async () => {
    await assert.rejects(client.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, workspaceFolders: [] }),
      (e: { code?: number }) => e.code === -32600);
    const info = (await client.connection.sendRequest('residencyGuard/serverInfo', {})) as { version: string };
    assert.match(info.version, /^\d+\.\d+\.\d+/);
  });

  it('screens the unsaved buffer, not the disk copy: binary bytes in the buffer skip the file, a NUL in a comment does not', async () => {
    client.open(uri('src/main.ts'), MAIN);
    await client.until(() => ours('src/main.ts').some((d) => d.code === 'JPR001'), 'the finding on the clean buffer');
    // A binary file opened in the editor: a NUL, and bytes that were not UTF-8 (decoded as U+FFFD).
    client.change(uri('src/main.ts'), `\u0000\uFFFD${MAIN}`, 2);
    await client.until(() => ours('src/main.ts').every((d) => d.code === 'RG011') && ours('src/main.ts').length === 1, 'only the binary notice');
    assert.match(ours('src/main.ts')[0].message, /binary/);
    // A NUL inside a comment of UTF-8 text does not hide the file (SPEC §7.3 v2, as git tells binary files).
    client.change(uri('src/main.ts'), `// \u0000\n${MAIN}`, 3);
    await client.until(() => ours('src/main.ts').some((d) => d.code === 'JPR001'), 'the finding again');
  });
});

/** A file whose types make the TypeScript checker explode, indexed and spread into a sink. */
const EXPLODING = `/** @recipient cn-ops */
export declare function boom(v: unknown): void;
type L = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j';
type S = \`\${L}\${L}\${L}\${L}\`;
type S3 = \`\${L}\${L}\${L}\`;
/** @residency jp-only */
type M = { [K in S]: { [J in S3]: K } };
declare const m: M; declare const k: S;
export function go(): void { boom({ ...m[k] }); }
`;

describe('language server analysis budget', () => {
  let dir: string;
  let client: TestLspClient;
  const uri = (f: string) => pathToFileURL(path.join(dir, f)).toString();
  const ours = (f: string) => (client.diagnostics.get(uri(f)) ?? []).filter((d) => d.source === 'residency-guard');

  before(async () => {
    dir = makeWorkspace();
    fs.writeFileSync(path.join(dir, 'src/boom.ts'), EXPLODING);
    client = new TestLspClient(REPO);
    await client.initialize(dir, {}, { analysisBudget: { seconds: 3, memoryMb: 384 } });
  });

  after(async () => {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('skips a file of exploding types over its analysis budget with a notice, checks the rest, and keeps answering', async () => {
    const result = (await client.connection.sendRequest('residencyGuard/checkWorkspace', {})) as { findings: number; problems: number; cancelled: boolean };
    assert.equal(result.cancelled, false);
    await client.until(() => ours('src/boom.ts').some((d) => d.code === 'RG011') && ours('src/main.ts').length > 0, 'the budget notice and the findings', 120000);
    assert.match(ours('src/boom.ts').find((d) => d.code === 'RG011')!.message, /over its analysis budget \(3 s, 384 MB\)/);
    assert.deepEqual(ours('src/main.ts').map((d) => d.code).sort(), ['JPR001', 'JPR003', 'JPR008']);
    const info = (await client.connection.sendRequest('residencyGuard/serverInfo', {})) as { version: string };
    assert.match(info.version, /^\d+\.\d+\.\d+/);
  });
});
