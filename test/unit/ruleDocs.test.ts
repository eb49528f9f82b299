/**
 * Tests of the rule documentation pages in docs/rules (SPEC §5.4, §7.1): every rule of the `jp` pack and
 * every input-problem code has an English and a Japanese page; each rule page states the law its rule
 * cites; each page has a failing and a passing example, the same in both languages; the indexes and all
 * relative links resolve. The examples are also run through the engine, so that a page cannot drift from
 * what the code does: a failing example must be reported with the page's id (a rule page's finding on the
 * line its example marks with the id), and a passing example must be clean — no finding, no problem.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createNodeHost, toPosix } from '../../src/cli/nodeHost';
import { MAX_FILE_BYTES } from '../../src/core/analysis/fileDiscovery';
import { checkWorkspace } from '../../src/core/engine';
import { PROBLEM_CODES } from '../../src/core/model';
import type { CheckResult } from '../../src/core/report/model';
import { RULES } from '../../src/core/rules/index';

/** out/test/unit → the repository root. */
const REPO = path.resolve(__dirname, '../../..');
const DOCS = path.join(REPO, 'docs', 'rules');

const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
const CODES: readonly string[] = Object.values(PROBLEM_CODES);
const ALL_IDS: readonly string[] = [...RULE_IDS, ...CODES];
const LANGS = [
  { lang: 'en', suffix: '.md', failing: 'Failing example', passing: 'Passing example' },
  { lang: 'ja', suffix: '.ja.md', failing: '検出される例', passing: '検出されない例' },
] as const;
type LangSpec = (typeof LANGS)[number];

function pagePath(id: string, spec: LangSpec): string {
  return path.join(DOCS, `${id}${spec.suffix}`);
}

function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

interface CodeBlock {
  readonly lang: string;
  readonly text: string;
  /** Where an example writes a block other than its ts source and config (info string `hcl file=infra/main.tf`). */
  readonly file?: string;
}

/** The fenced code blocks of a markdown text, in order (the info string's first word is the language). */
function codeBlocks(markdown: string): CodeBlock[] {
  const out: CodeBlock[] = [];
  const re = /^```([^\n`]*)\n([\s\S]*?)^```[ \t]*$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    const file = /(?:^|\s)file=(\S+)/.exec(m[1])?.[1];
    out.push({ lang: m[1].trim().split(/\s+/)[0] ?? '', text: m[2], ...(file ? { file } : {}) });
  }
  return out;
}

/** The body of the section whose heading (any level) is exactly `title`, up to the next heading of the same or a higher level. */
function section(markdown: string, title: string): string | undefined {
  const lines = markdown.split('\n');
  let inFence = false;
  let start = -1;
  let level = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('```')) inFence = !inFence;
    if (inFence) continue;
    const h = /^(#{1,6})\s+(.*?)\s*$/.exec(lines[i]);
    if (!h) continue;
    if (start >= 0 && h[1].length <= level) return lines.slice(start, i).join('\n');
    if (start < 0 && h[2] === title) {
      start = i + 1;
      level = h[1].length;
    }
  }
  return start >= 0 ? lines.slice(start).join('\n') : undefined;
}

function examples(markdown: string, spec: LangSpec): { failing: CodeBlock[]; passing: CodeBlock[] } {
  return {
    failing: codeBlocks(section(markdown, spec.failing) ?? ''),
    passing: codeBlocks(section(markdown, spec.passing) ?? ''),
  };
}

/** Relative link targets of a markdown text (web links and in-page anchors left out), code blocks excluded. */
function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```[ \t]*$/gm, '').replace(/`[^`\n]*`/g, '');
  const out: string[] = [];
  for (const m of prose.matchAll(/\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)) {
    const target = m[1];
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    const file = target.split('#')[0];
    out.push(file === '' ? '' : path.posix.normalize(file));
  }
  return out;
}

// ---------------------------------------------------------------- how a JPR page must name its law

interface Citation {
  /** Strings that must all appear on the English page. */
  readonly en: readonly string[];
  /** Strings that must all appear on the Japanese page. */
  readonly ja: readonly string[];
}

const ACTS: ReadonlyArray<{ readonly prefix: RegExp; readonly kind: string }> = [
  { prefix: /^APPI Art\.\s*/, kind: 'appi' },
  { prefix: /^Rules Art\.\s*/, kind: 'rules' },
  { prefix: /^Rule\s+/, kind: 'rules' },
  { prefix: /^(?:GL|Guidelines)\s+/, kind: 'guidelines' },
  { prefix: /^Telecommunications Business Act Art\.\s*/, kind: 'tba' },
  { prefix: /^PRC National Intelligence Law Art\.\s*/, kind: 'nil' },
  { prefix: /^Art\.\s*/, kind: 'same' },
];

/** `28(1)` → `第28条第1項`, `28` → `第28条`. */
function jaArticle(num: string): string {
  const m = /^(\d+)(?:\((\d+)\))?$/.exec(num);
  assert.ok(m, `unexpected article number "${num}"`);
  return m[2] ? `第${m[1]}条第${m[2]}項` : `第${m[1]}条`;
}

/** The article references of a rule's `cites` text, as each language's page must write them. */
function citations(cites: string): Citation[] {
  const out: Citation[] = [];
  for (const segment of cites.split(';').map((s) => s.trim()).filter(Boolean)) {
    if (/LINE/.test(segment)) {
      out.push({ en: ['LINE', '2021'], ja: ['LINE', '2021'] });
      continue;
    }
    let act = '';
    for (const item of segment.split(',').map((s) => s.trim()).filter(Boolean)) {
      let num = item;
      for (const a of ACTS) {
        if (!a.prefix.test(item)) continue;
        num = item.replace(a.prefix, '');
        // A plain "Art. N" after a guideline or rule item is an article of the Act again.
        act = a.kind !== 'same' ? a.kind : act === '' || act === 'guidelines' || act === 'rules' ? 'appi' : act;
        break;
      }
      assert.ok(act, `cannot tell which law "${item}" of "${cites}" belongs to`);
      switch (act) {
        case 'appi': out.push({ en: [`Art. ${num}`], ja: [jaArticle(num)] }); break;
        case 'rules': out.push({ en: [`Rules Art. ${num}`], ja: [`施行規則${jaArticle(num)}`] }); break;
        case 'guidelines': out.push({ en: [num], ja: [num] }); break;
        case 'tba': out.push({ en: [`Telecommunications Business Act Art. ${num}`], ja: [`電気通信事業法${jaArticle(num)}`] }); break;
        case 'nil': out.push({ en: [`National Intelligence Law Art. ${num}`], ja: [`国家情報法${jaArticle(num)}`] }); break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- running an example

interface Workspace {
  readonly root: string;
  readonly source?: string;
  readonly config?: string;
}

function writeExample(blocks: readonly CodeBlock[], id: string, kind: string): Workspace {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `rg-doc-${id}-${kind}-`));
  const ts = blocks.filter((b) => b.lang === 'ts' && !b.file);
  const json = blocks.filter((b) => (b.lang === 'json' || b.lang === 'jsonc') && !b.file);
  assert.ok(ts.length <= 1 && json.length <= 1, `${id} ${kind}: at most one ts and one json/jsonc block per example`);
  if (ts[0]) {
    fs.mkdirSync(path.join(root, 'src'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src', 'example.ts'), ts[0].text);
  }
  if (json[0]) fs.writeFileSync(path.join(root, 'residency.config.json'), json[0].text);
  for (const b of blocks) {
    if (!b.file) continue;
    assert.ok(!b.file.startsWith('/') && !b.file.split('/').includes('..'), `${id} ${kind}: file=${b.file} stays in the workspace`);
    fs.mkdirSync(path.dirname(path.join(root, b.file)), { recursive: true });
    fs.writeFileSync(path.join(root, b.file), b.text);
  }
  return { root, source: ts[0]?.text, config: json[0]?.text };
}

/** RG011's examples are about a file too large to show: the test creates it. */
function addOversizedFile(ws: Workspace): void {
  const dir = path.join(ws.root, 'src', 'generated');
  fs.mkdirSync(dir, { recursive: true });
  const line = 'export const chunk = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";\n';
  fs.writeFileSync(path.join(dir, 'bundle.js'), line.repeat(Math.ceil((MAX_FILE_BYTES + 1) / line.length)));
}

function check(ws: Workspace): CheckResult {
  return checkWorkspace(createNodeHost(), { root: toPosix(ws.root) });
}

const RUN_WIDE: readonly string[] = [PROBLEM_CODES.nothingAnalysed, PROBLEM_CODES.noSourceDeclared];

function withoutCoverage(r: CheckResult, id: string): CheckResult {
  return { ...r, problems: r.problems.filter((p) => p.code === id || !RUN_WIDE.includes(p.code)) };
}

function describeResult(r: CheckResult): string {
  const lines = [
    ...r.findings.map((f) => `${f.rule} ${f.severity} ${f.location.file}:${f.location.line} ${f.message}`),
    ...r.problems.map((p) => `${p.code} ${p.severity} ${p.location.file}:${p.location.line} ${p.message}`),
  ];
  return lines.length > 0 ? lines.join('\n') : '(nothing reported)';
}

/** The text of a reported line, from the example's source or config. */
function lineText(ws: Workspace, file: string, line: number): string {
  const text = file.endsWith('residency.config.json') ? ws.config : ws.source;
  return (text ?? '').split('\n')[line - 1] ?? '';
}

// ---------------------------------------------------------------- the tests

test('rule docs: the registry and the problem codes are what the pages are written for', () => {
  assert.equal(RULE_IDS.length, 12);
  assert.equal(CODES.length, 17);
  assert.deepEqual(RULE_IDS, Array.from({ length: 12 }, (_, i) => `JPR${String(i + 1).padStart(3, '0')}`));
  assert.deepEqual([...CODES].sort(), Array.from({ length: 17 }, (_, i) => `RG${String(i + 1).padStart(3, '0')}`));
});

test('rule docs: every rule and every problem code has an English and a Japanese page', () => {
  const missing: string[] = [];
  for (const id of ALL_IDS) {
    for (const spec of LANGS) if (!fs.existsSync(pagePath(id, spec))) missing.push(path.relative(REPO, pagePath(id, spec)));
  }
  assert.deepEqual(missing, []);
});

test('rule docs: every page is titled with its id', () => {
  for (const id of ALL_IDS) {
    for (const spec of LANGS) {
      const first = read(pagePath(id, spec)).split('\n')[0];
      assert.match(first, new RegExp(`^# ${id}\\b`), `${id}${spec.suffix}: the first line is the title "# ${id} …"`);
    }
  }
});

test('rule docs: the English title of a rule page is the rule\'s title, and the Japanese one its Japanese title', () => {
  for (const rule of RULES) {
    assert.ok(read(pagePath(rule.id, LANGS[0])).split('\n')[0].includes(rule.title.en), `${rule.id}.md title`);
    assert.ok(read(pagePath(rule.id, LANGS[1])).split('\n')[0].includes(rule.title.ja), `${rule.id}.ja.md title`);
  }
});

test('rule docs: the citations are parsed into article references', () => {
  assert.deepEqual(citations('APPI Art. 28(1)'), [{ en: ['Art. 28(1)'], ja: ['第28条第1項'] }]);
  assert.deepEqual(citations('APPI Art. 2(3), 27(2), 28').map((c) => c.ja[0]), ['第2条第3項', '第27条第2項', '第28条']);
  assert.deepEqual(citations('APPI Art. 23, Guidelines 10-7, Art. 32').map((c) => c.ja[0]), ['第23条', '10-7', '第32条']);
  assert.deepEqual(citations('APPI Art. 28(2); Rules Art. 17').map((c) => c.ja[0]), ['第28条第2項', '施行規則第17条']);
  assert.deepEqual(
    citations('APPI Art. 23, GL 10-7, Rule 18; PRC National Intelligence Law Art. 7').map((c) => c.ja[0]),
    ['第23条', '10-7', '施行規則第18条', '国家情報法第7条'],
  );
});

test('rule docs: each rule page states the law its rule cites', () => {
  for (const rule of RULES) {
    const en = read(pagePath(rule.id, LANGS[0]));
    const ja = read(pagePath(rule.id, LANGS[1]));
    assert.ok(en.includes(rule.cites), `${rule.id}.md quotes its citation "${rule.cites}"`);
    for (const c of citations(rule.cites)) {
      for (const s of c.en) assert.ok(en.includes(s), `${rule.id}.md mentions "${s}" (${rule.cites})`);
      for (const s of c.ja) assert.ok(ja.includes(s), `${rule.id}.ja.md mentions "${s}" (${rule.cites})`);
    }
    if (/APPI/.test(rule.cites)) {
      assert.match(en, /APPI|Act on the Protection of Personal Information/, `${rule.id}.md names the act`);
      assert.match(ja, /個人情報保護法|個人情報の保護に関する法律/, `${rule.id}.ja.md names the act`);
    }
    for (const text of [en, ja]) assert.match(text, /\]\(https?:\/\/[^)]+\)|<https?:\/\/[^>]+>/, `${rule.id}: a source link for the law`);
  }
});

test('rule docs: each problem page names the SPEC section it enforces', () => {
  for (const code of CODES) {
    for (const spec of LANGS) assert.match(read(pagePath(code, spec)), /SPEC[^\n]*§\d/, `${code}${spec.suffix} names a SPEC section`);
  }
});

test('rule docs: each page has a failing and a passing example, the same in both languages', () => {
  for (const id of ALL_IDS) {
    const [en, ja] = LANGS.map((spec) => examples(read(pagePath(id, spec)), spec));
    for (const [spec, ex] of [[LANGS[0], en], [LANGS[1], ja]] as const) {
      assert.ok(ex.failing.length > 0, `${id}${spec.suffix}: a code block under "${spec.failing}"`);
      assert.ok(ex.passing.length > 0, `${id}${spec.suffix}: a code block under "${spec.passing}"`);
    }
    assert.deepEqual(ja.failing, en.failing, `${id}: the Japanese failing example is the English one`);
    assert.deepEqual(ja.passing, en.passing, `${id}: the Japanese passing example is the English one`);
  }
});

test('rule docs: each page explains severity and suppression', () => {
  for (const id of ALL_IDS) {
    for (const spec of LANGS) {
      const text = read(pagePath(id, spec));
      assert.ok(text.includes('residency-guard-disable-next-line'), `${id}${spec.suffix} shows the suppression comment`);
      assert.ok(text.includes('residencyGuard.severityOverrides'), `${id}${spec.suffix} mentions the editor-only severity setting`);
      assert.ok(text.includes('"rules"'), `${id}${spec.suffix} mentions "rules" in the config`);
    }
  }
});

test('rule docs: the indexes link every page, and every relative link of the docs resolves', () => {
  for (const spec of LANGS) {
    const index = path.join(DOCS, `README${spec.suffix}`);
    assert.ok(fs.existsSync(index), `${path.relative(REPO, index)} exists`);
    const links = relativeLinks(read(index));
    for (const id of ALL_IDS) assert.ok(links.includes(`${id}${spec.suffix}`), `README${spec.suffix} links ${id}${spec.suffix}`);
  }
  const broken: string[] = [];
  for (const name of fs.readdirSync(DOCS).filter((n) => n.endsWith('.md'))) {
    for (const target of relativeLinks(read(path.join(DOCS, name)))) {
      if (target !== '' && !fs.existsSync(path.resolve(DOCS, decodeURI(target)))) broken.push(`${name} → ${target}`);
    }
  }
  assert.deepEqual(broken, []);
});

for (const id of ALL_IDS) {
  test(`rule docs: the examples of ${id} do what the page says`, () => {
    const { failing, passing } = examples(read(pagePath(id, LANGS[0])), LANGS[0]);
    const bad = writeExample(failing, id, 'failing');
    const good = writeExample(passing, id, 'passing');
    try {
      if (id === PROBLEM_CODES.fileSkipped) {
        addOversizedFile(bad);
        addOversizedFile(good);
      }
      const r = check(bad);
      const reported = [...r.findings.map((f) => ({ id: f.rule, loc: f.location })), ...r.problems.map((p) => ({ id: p.code as string, loc: p.location }))]
        .filter((x) => x.id === id);
      assert.ok(reported.length > 0, `${id}: the failing example is reported with ${id}; got:\n${describeResult(r)}`);
      if (RULE_IDS.includes(id)) {
        for (const x of reported) {
          assert.ok(lineText(bad, x.loc.file, x.loc.line).includes(id), `${id}: reported on ${x.loc.file}:${x.loc.line}, a line the example marks with "${id}"`);
        }
      }
      // An example shows one input, not a whole project: the run-wide coverage notices (nothing analysed, no
      // source declared) count only on their own pages.
      const ok = withoutCoverage(check(good), id);
      assert.equal(ok.findings.length + ok.problems.length, 0, `${id}: the passing example is clean; got:\n${describeResult(ok)}`);
    } finally {
      fs.rmSync(bad.root, { recursive: true, force: true });
      fs.rmSync(good.root, { recursive: true, force: true });
    }
  });
}
