// `npm run bench`: whole-workspace check vs `tsc --noEmit` and edit → diagnostics latency through the
// language server, on three kinds of corpus: the easy generated app (bench/generate.mjs) at several sizes,
// the generated app in real shapes (bench/generate-real.mjs: NestJS modules, abstract/generic repositories,
// DTO hierarchies, inferred types) at several sizes, and the prepared real projects of bench/corpus
// (bench/corpus/prepare.mjs). A measurement, not a test: it prints PASS/FAIL for the targets of issues 6 and
// 18 per corpus but exits 0 unless something crashes.
//   node bench/run.mjs [--sizes 10000,100000,300000|none] [--real-sizes 10000,30000,100000|none]
//                      [--real-corpus all|none|name,name] [--lsp-corpus name|none] [--runs 5] [--corpus DIR]
//                      [--skip-lsp] [--lsp-size 100000] [--real-lsp-size 100000] [--edits 20] [--lsp-timeout 900]
//                      [--cache .bench]
//                      [--output bench/RESULTS.md] [--readme README.md]
// --real-corpus all (the default) measures every project of bench/corpus/corpus.json that prepare.mjs has
// prepared (the others are listed as not prepared); --corpus DIR measures one directory alone, as before.
// Build first (`npm run bench` does): it runs dist/cli.js (through bin/residency-guard.js) and dist/server.js.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureEdits } from './lsp.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,300000' },
    runs: { type: 'string', default: '5' },
    corpus: { type: 'string' },
    'real-sizes': { type: 'string', default: '10000,30000,100000' },
    'real-corpus': { type: 'string', default: 'all' },
    'lsp-corpus': { type: 'string', default: 'nestjs-boilerplate' },
    'real-lsp-size': { type: 'string', default: '100000' },
    'lsp-timeout': { type: 'string', default: '900' },
    'skip-lsp': { type: 'boolean', default: false },
    'lsp-size': { type: 'string', default: '100000' },
    edits: { type: 'string', default: '20' },
    cache: { type: 'string', default: '.bench' },
    output: { type: 'string', default: 'bench/RESULTS.md' },
    readme: { type: 'string', default: 'README.md' },
  },
});
const RUNS = Math.max(1, Number(opts.runs));
const sizeList = (v) => (v === 'none' ? [] : v.split(',').map((s) => Number(s.trim())).filter((n) => n > 0));
const SIZES = sizeList(opts.sizes);
const REAL_SIZES = sizeList(opts['real-sizes']);
const LSP_SIZE = Number(opts['lsp-size']);
const REAL_LSP_SIZE = Number(opts['real-lsp-size']);
const LSP_TIMEOUT_S = Number(opts['lsp-timeout']);
const EDITS = Math.max(1, Number(opts.edits));
const CACHE = path.resolve(ROOT, opts.cache);
const CLI = path.join(ROOT, 'bin/residency-guard.js');
const SERVER = path.join(ROOT, 'dist/server.js');
const TSC = path.join(ROOT, 'node_modules/.bin/tsc');
const GENERATORS = { app: path.join(ROOT, 'bench/generate.mjs'), real: path.join(ROOT, 'bench/generate-real.mjs') };
const CORPUS_JSON = path.join(ROOT, 'bench/corpus/corpus.json');
const TARGETS = { wallRatio: 0.5, rssRatio: 1.0, p95: 150, p50: 60, scaling: 1.3 };

const log = (s = '') => process.stderr.write(`${s}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a');
const mb = (kb) => kb / 1024;

// ---- measuring a child process: wall (our clock) and peak RSS (GNU time, else a resourceUsage wrapper) ----

const GNU_TIME = !process.env.BENCH_NO_GNU_TIME && fs.existsSync('/usr/bin/time')
  && spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).stderr.trim().match(/^\d+$/m) !== null;

function measure(argv, cwd) {
  fs.mkdirSync(CACHE, { recursive: true });
  const timeFile = path.join(CACHE, `time-${process.pid}.txt`);
  fs.rmSync(timeFile, { force: true });
  const [cmd, args] = GNU_TIME
    ? ['/usr/bin/time', ['-o', timeFile, '-f', '%e %M', process.execPath, ...argv]]
    : [process.execPath, [path.join(ROOT, 'bench/rusage.cjs'), timeFile, ...argv]];
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  if (r.error) throw r.error;
  const lines = fs.existsSync(timeFile) ? fs.readFileSync(timeFile, 'utf8').trim().split('\n') : [];
  const m = /^([\d.]+) (\d+)$/.exec(lines[lines.length - 1] ?? '');
  if (!m) throw new Error(`no resource usage for ${argv.join(' ')} (status ${r.status}, signal ${r.signal})\n${r.stderr}`);
  fs.rmSync(timeFile, { force: true });
  return { wallMs, rssKb: Number(m[2]), status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

// ---- inputs ----

const SOURCE_EXT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out', 'build', 'coverage']);

function sourceFiles(dir, acc = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) sourceFiles(path.join(dir, e.name), acc);
    } else if (e.isFile() && SOURCE_EXT.test(e.name)) acc.push(path.join(dir, e.name));
  }
  return acc;
}

function countLines(dir) {
  const files = sourceFiles(dir);
  let lines = 0;
  for (const f of files) lines += fs.readFileSync(f, 'utf8').split('\n').length;
  return { files: files.length, lines };
}

/** The generated app (`kind` app or real) of `size` lines in the cache, regenerated only when its generator changed. */
function ensureApp(size, kind = 'app') {
  const generator = GENERATORS[kind];
  const dir = path.join(CACHE, `${kind}-${size}`);
  const stampFile = `${dir}.stamp`;
  const stamp = `${createHash('sha256').update(fs.readFileSync(generator)).digest('hex')} ${size}`;
  if (fs.existsSync(path.join(dir, 'tsconfig.json')) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return dir;
  log(`generating ${path.relative(ROOT, dir)} …`);
  const r = spawnSync(process.execPath, [generator, '--lines', String(size), '--out', dir], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${path.relative(ROOT, generator)} failed (status ${r.status})`);
  fs.writeFileSync(stampFile, stamp);
  return dir;
}

// ---- whole-workspace check vs tsc ----

function runCheck(dir, reportFile) {
  const r = measure([CLI, 'check', dir, '--format', 'json', '--output', reportFile, '--fail-on', 'none'], dir);
  if (r.status !== 0 && r.status !== 1) throw new Error(`residency-guard check ${dir} failed (status ${r.status}, signal ${r.signal})\n${r.stderr}${r.stdout}`);
  const summary = JSON.parse(fs.readFileSync(reportFile, 'utf8')).summary;
  return { ...r, summary };
}

/** The program floor (bench/floor.cjs): building the analysis's program and type checker, without analysing. */
function runFloor(dir) {
  const r = measure([path.join(ROOT, 'bench/floor.cjs'), dir], dir);
  if (r.status !== 0) throw new Error(`bench/floor.cjs ${dir} failed (status ${r.status}, signal ${r.signal})\n${r.stderr}`);
  return r;
}

/**
 * `tsc --noEmit` as a full check: a project with `incremental` (nestjs-boilerplate) would otherwise read the
 * build info an earlier run left and skip the check. `--incremental false`, or, for a composite project (which
 * cannot turn it off), a build info file in a fresh temporary directory.
 */
function runTsc(dir, tsconfig = dir, tsc = TSC) {
  const cold = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-bench-tsc-'));
  const composite = /"composite"\s*:\s*true/.test(fs.existsSync(tsconfig) && fs.statSync(tsconfig).isFile() ? fs.readFileSync(tsconfig, 'utf8') : '');
  const full = composite ? ['--tsBuildInfoFile', path.join(cold, 'tsconfig.tsbuildinfo')] : ['--incremental', 'false'];
  const r = measure([tsc, '--noEmit', ...full, '-p', tsconfig], dir);
  fs.rmSync(cold, { recursive: true, force: true });
  if (r.signal || (r.status !== 0 && r.status !== 1 && r.status !== 2)) throw new Error(`tsc -p ${tsconfig} crashed (status ${r.status}, signal ${r.signal})\n${r.stderr}`);
  return r;
}

/**
 * Check vs tsc on one directory. `group` names the corpus the row belongs to (targets are per group);
 * `tsconfig` and `tsc` default to <dir>/tsconfig.json and the repository's TypeScript.
 */
function measureApp(label, dir, lines, { group = label, tsconfig = path.join(dir, 'tsconfig.json'), tsc = TSC } = {}) {
  const reportFile = path.join(CACHE, `report-${label}.json`);
  const hasTsconfig = fs.existsSync(tsconfig);
  if (!hasTsconfig) log(`  ${dir} has no tsconfig.json: tsc is not run, ratios are n/a`);
  const ours = [];
  const tscRuns = [];
  const floors = [];
  for (let run = 0; run < RUNS; run++) {
    // Alternate the order so that drifting machine load affects both alike.
    const order = run % 2 === 0 ? ['ours', 'tsc'] : ['tsc', 'ours'];
    const parts = {};
    for (const which of order) {
      if (which === 'ours') ours.push((parts.ours = runCheck(dir, reportFile)));
      else if (hasTsconfig) tscRuns.push((parts.tsc = runTsc(dir, tsconfig, tsc)));
    }
    floors.push((parts.floor = runFloor(dir)));
    const o = parts.ours;
    const t = parts.tsc;
    log(`  run ${run + 1}/${RUNS}: check ${fmt(o.wallMs)} ms (engine ${fmt(o.summary.durationMs)} ms), ${fmt(mb(o.rssKb))} MB | program floor ${fmt(parts.floor.wallMs)} ms`
      + (t ? ` | tsc ${fmt(t.wallMs)} ms, ${fmt(mb(t.rssKb))} MB${t.status ? ` (exit ${t.status}: type errors)` : ''} | this run's ratio wall ${fmt(o.wallMs / t.wallMs, 2)}, RSS ${fmt(o.rssKb / t.rssKb, 2)}, floor ${fmt(parts.floor.wallMs / t.wallMs, 2)}` : ''));
  }
  const findings = new Set(ours.map((o) => o.summary.findings));
  const row = {
    label, group, dir, reportFile, lines,
    files: ours[0].summary.files,
    findings: ours[0].summary.findings,
    problems: ours[0].summary.problems,
    findingsStable: findings.size === 1,
    wallMs: median(ours.map((o) => o.wallMs)),
    engineMs: median(ours.map((o) => o.summary.durationMs)),
    rssKb: median(ours.map((o) => o.rssKb)),
    tscWallMs: tscRuns.length ? median(tscRuns.map((t) => t.wallMs)) : NaN,
    tscRssKb: tscRuns.length ? median(tscRuns.map((t) => t.rssKb)) : NaN,
    tscErrors: tscRuns.some((t) => t.status !== 0),
  };
  // Ratios are taken within each run (the check and tsc back to back, under the same machine load), then
  // their median: the machine's speed drifts between runs more than between two neighbouring processes.
  const paired = ours.map((o, i) => [o, tscRuns[i]]).filter(([, t]) => t);
  row.wallRatio = paired.length ? median(paired.map(([o, t]) => o.wallMs / t.wallMs)) : NaN;
  row.rssRatio = paired.length ? median(paired.map(([o, t]) => o.rssKb / t.rssKb)) : NaN;
  row.floorMs = median(floors.map((f) => f.wallMs));
  row.floorRatio = tscRuns.length ? median(floors.map((f, i) => f.wallMs / tscRuns[i].wallMs)) : NaN;
  row.filesPerSec = row.files / (row.wallMs / 1000);
  row.msPer1k = row.wallMs / (lines / 1000);
  row.tscMsPer1k = row.tscWallMs / (lines / 1000);
  if (!row.findingsStable) log(`  NOTE: the number of findings differed between runs: ${[...findings].join(', ')}`);
  return row;
}

// ---- edit targets for the language server ----

/** Service files of a generated app with a finding in them: toggle `e.fieldN` → `e.label` in remember(). */
function generatedTargets(dir, reportFile, count = 10) {
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  const withFindings = [...new Set(report.findings.map((f) => f.location.file).filter((f) => /services\/service\d+\.ts$/.test(f)))]
    .sort((a, b) => Number(/(\d+)\.ts$/.exec(a)[1]) - Number(/(\d+)\.ts$/.exec(b)[1]));
  const re = /remember\(e: Entity\d+\): void \{\n\s+this\.cache\.push\(format\d+\('f', e\.(field\d+)\)\);/;
  const targets = [];
  for (let k = 0; k < count && k < withFindings.length; k++) {
    const file = path.join(dir, withFindings[Math.floor((k * withFindings.length) / count)]);
    const text = fs.readFileSync(file, 'utf8');
    const m = re.exec(text);
    if (!m) continue;
    const offset = m.index + m[0].lastIndexOf(`e.${m[1]}`) + 2;
    targets.push({ file, edit: [offset, m[1], 'label'] });
  }
  return { targets, kind: 'toggle `e.fieldN` ↔ `e.label` in remember() of a service whose flush() has a finding' };
}

/**
 * A real project: the files with findings, spread (others only when none has one); the edit inserts/removes a
 * comment line at the top, which moves the file's findings.
 * The other files are taken from the top-level folders of the files with findings (e.g. src/), with their
 * extensions, so that they belong to the analysed program (a config script at the root would not).
 */
function corpusTargets(dir, reportFile, count = 10) {
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  const relWithFindings = [...new Set(report.findings.map((f) => f.location.file))].sort();
  const withFindings = relWithFindings.map((f) => path.join(dir, f));
  const tops = new Set(relWithFindings.map((f) => f.split('/')[0]));
  const exts = new Set(relWithFindings.map((f) => path.extname(f)));
  const rest = sourceFiles(dir)
    .filter((f) => !withFindings.includes(f) && !f.endsWith('.d.ts') && !path.basename(f).startsWith('.'))
    .filter((f) => (tops.size === 0 || tops.has(path.relative(dir, f).split(path.sep)[0])) && (exts.size === 0 || exts.has(path.extname(f))))
    .sort();
  const pick = (xs, n) => Array.from({ length: Math.min(n, xs.length) }, (_, k) => xs[Math.floor((k * xs.length) / Math.min(n, xs.length))]);
  // The server publishes diagnostics only for files that have some, and the latency is read from those
  // publishes: files without findings are opened only when no file has one.
  const chosen = withFindings.length ? pick(withFindings, count) : pick(rest, count);
  return { targets: chosen.map((file) => ({ file, edit: [0, '', '// residency-guard bench edit\n'] })), kind: 'insert/remove a comment line at the top of a file (files with findings first)' };
}

/**
 * A service of the real-shape generated app with a finding: comment out the line of the finding (the
 * generator writes each call to a recipient on one line) and back, which removes and restores the finding.
 */
function realShapeTargets(dir, reportFile, count = 10) {
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  const byFile = new Map();
  for (const f of report.findings) if (/\/service\.ts$/.test(f.location.file) && !byFile.has(f.location.file)) byFile.set(f.location.file, f.location.line);
  const files = [...byFile.keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const targets = [];
  for (let k = 0; k < count && k < files.length; k++) {
    const rel = files[Math.floor((k * files.length) / Math.min(count, files.length))];
    const file = path.join(dir, rel);
    const text = fs.readFileSync(file, 'utf8');
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const start = lineStarts[byFile.get(rel) - 1];
    if (start === undefined) continue;
    const offset = start + /^\s*/.exec(text.slice(start))[0].length;
    if (!text.slice(offset).startsWith('await this.') && !text.slice(offset).startsWith('this.')) continue;
    targets.push({ file, edit: [offset, '', '// '] });
  }
  return { targets, kind: 'comment out the line of a finding in a service (the call to a recipient) and back' };
}

// ---- real projects of bench/corpus ----

/** The projects of bench/corpus/corpus.json selected by --real-corpus, each with its directory and whether it is prepared. */
function corpusProjects() {
  const choice = opts['real-corpus'];
  if (choice === 'none' || !fs.existsSync(CORPUS_JSON)) return [];
  const corpus = JSON.parse(fs.readFileSync(CORPUS_JSON, 'utf8'));
  const names = choice === 'all' ? corpus.projects.map((p) => p.name) : choice.split(',').map((n) => n.trim()).filter(Boolean);
  return names.map((name) => {
    const p = corpus.projects.find((q) => q.name === name);
    if (!p) throw new Error(`--real-corpus: unknown project "${name}" (known: ${corpus.projects.map((q) => q.name).join(', ')})`);
    const dir = path.join(corpus.workDir, p.name);
    const root = path.resolve(dir, p.check.root);
    // As bench/corpus/run.mjs: the project's own TypeScript when it has one, else the repository's.
    const local = path.join(dir, 'node_modules/typescript/bin/tsc');
    const tsc = fs.existsSync(local) ? local : TSC;
    const tsPackage = fs.existsSync(local) ? path.join(dir, 'node_modules/typescript/package.json') : path.join(ROOT, 'node_modules/typescript/package.json');
    const tsVersion = JSON.parse(fs.readFileSync(tsPackage, 'utf8')).version;
    return { name, dir, root, tsconfig: path.resolve(dir, p.check.tsconfig), tsc, tsVersion, commit: p.commit, prepared: fs.existsSync(path.join(dir, '.residency-corpus-prepared.json')) };
  });
}

// ---- report ----

function environment() {
  const git = (...a) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD') || 'unknown';
  const dirty = git('status', '--porcelain', '--', 'src') !== '';
  const cpus = os.cpus();
  const tsVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/typescript/package.json'), 'utf8')).version;
  return {
    head: `${head}${dirty ? ' + uncommitted changes in src/' : ''}`,
    machine: `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${fmt(os.totalmem() / 2 ** 30)} GB RAM, ${os.platform()} ${os.release()}`,
    node: process.version, tsVersion,
  };
}

function render({ env, command, rows, lsps, targets, notes, loadStart, loadEnd, startedAt, durationS }) {
  const out = [];
  const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
  out.push('# Residency Guard benchmark', '');
  out.push(`\`${command}\` — ${startedAt}, ${fmt(durationS)} s.`, '');
  out.push(`- **Commit:** ${env.head}`);
  out.push(`- **Machine:** ${env.machine}; Node ${env.node}, TypeScript ${env.tsVersion}`);
  out.push(`- **Load** (1/5/15-minute load average): ${load(loadStart)} at the start, ${load(loadEnd)} at the end`, '');
  out.push(`Medians of ${RUNS} run${RUNS > 1 ? 's' : ''}; in each run the check and \`tsc --noEmit -p\` run one after the other, in alternating order; the ratios are the medians of each run's own ratio.`
    + ` Wall time is measured around the child process (Node start-up included); peak RSS by ${GNU_TIME ? 'GNU time (`%M`)' : 'process.resourceUsage() in a wrapper'}.`
    + ' Corpora: `app-N` the easy generated app (bench/generate.mjs), `real-N` the generated app in real shapes (bench/generate-real.mjs), other names the real projects of bench/corpus (their own TypeScript for tsc).', '');
  out.push('## Whole-workspace check vs `tsc --noEmit`', '');
  out.push('"Program floor" is a process that only builds the analysis\'s TypeScript program and type checker (bench/floor.cjs: parsing and binding the workspace and the declaration files it imports, Node start-up included) and exits: no check can take less. Its ratio to `tsc` shows how much of the wall-ratio target is left to the analysis itself.', '');
  out.push('| App | Lines | Files | Findings | Check (ms) | tsc (ms) | Wall ratio | Program floor (ms) | Floor / tsc | Check RSS (MB) | tsc RSS (MB) | RSS ratio | Files/s | Check ms / 1k lines | tsc ms / 1k lines | Check marginal ms / 1k lines |');
  out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const [i, r] of rows.entries()) {
    // Cost of the extra lines over the previous (smaller) app of the same corpus: fixed costs (Node start-up, lib files) cancel out.
    const prev = rows[i - 1]?.group === r.group ? rows[i - 1] : undefined;
    const marginal = prev && r.lines > prev.lines ? (r.wallMs - prev.wallMs) / ((r.lines - prev.lines) / 1000) : NaN;
    out.push(`| ${r.label}${r.tsVersion ? ` (tsc ${r.tsVersion})` : ''} | ${fmt(r.lines)} | ${fmt(r.files)} | ${fmt(r.findings)}${r.findingsStable ? '' : ' (varies)'} | ${fmt(r.wallMs)} | ${fmt(r.tscWallMs)}${r.tscErrors ? ' (type errors)' : ''} | ${fmt(r.wallRatio, 2)} | ${fmt(r.floorMs)} | ${fmt(r.floorRatio, 2)} | ${fmt(mb(r.rssKb))} | ${fmt(mb(r.tscRssKb))} | ${fmt(r.rssRatio, 2)} | ${fmt(r.filesPerSec)} | ${fmt(r.msPer1k, 1)} | ${fmt(r.tscMsPer1k, 1)} | ${fmt(marginal, 1)} |`);
  }
  out.push('');
  if (lsps.length) {
    out.push('## Edit → published diagnostics (language server)', '');
    out.push('Settings `{ debounceMs: 0 }`; edits round-robin over the open files, one ranged `didChange` each, 100 ms apart;'
      + ' latency from sending the `didChange` to the next `publishDiagnostics` of that uri. "Server run" is the duration the server reports in `residencyGuard/analysisDone`.', '');
    out.push('| App | Edit | Open files | Edits | First diagnostics (ms) | p50 (ms) | p95 (ms) | Max (ms) | Server run p50 / p95 (ms) | Server RSS after open → after edits (MB) | Server peak RSS (MB) |');
    out.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const { label, kind, lsp } of lsps) {
      const mem = lsp.memAfterOpen && lsp.memEnd ? `${fmt(lsp.memAfterOpen.rssMb)} → ${fmt(lsp.memEnd.rssMb)}` : 'n/a';
      out.push(`| ${label} | ${kind} | ${lsp.openFiles} | ${lsp.edits} | ${fmt(lsp.firstDiagnosticsMs)} | ${fmt(lsp.p50)} | ${fmt(lsp.p95)} | ${fmt(lsp.max)} | ${fmt(lsp.serverP50)} / ${fmt(lsp.serverP95)} | ${mem} | ${lsp.memEnd ? fmt(lsp.memEnd.hwmMb) : 'n/a'} |`);
    }
    out.push('');
    for (const { label, lsp } of lsps) {
      if (lsp.unchanged || lsp.notReflected) out.push(`Note (${label}): ${lsp.unchanged} edit(s) were first answered by a publish equal to the diagnostics before the edit; ${lsp.notReflected} never got changed diagnostics within 5 s (the first publish was counted).`, '');
    }
  }
  out.push('## Targets (issues 6 and 18), per corpus', '');
  out.push('| Corpus | Target | Measured | Limit | Result |', '|---|---|--:|--:|---|');
  for (const t of targets) out.push(`| ${t.group} | ${t.name} | ${t.measured} | ${t.limit} | ${t.result} |`);
  out.push('');
  for (const n of notes) out.push(`- ${n}`);
  if (notes.length) out.push('');
  return out.join('\n');
}

function target(name, value, limit, shown = (v) => fmt(v, 2)) {
  const result = Number.isFinite(value) ? (value <= limit ? 'PASS' : 'FAIL') : 'n/a';
  return { name, measured: Number.isFinite(value) ? shown(value) : 'n/a', limit: `≤ ${shown(limit)}`, result };
}

// ---- main ----

/** The targets of one corpus: ratios on its row nearest 100k lines, the edit latency, cost per line across its sizes. */
function groupTargets(group, rows, lsp) {
  const mine = rows.filter((r) => r.group === group);
  const main100 = [...mine].sort((a, b) => Math.abs(a.lines - 100000) - Math.abs(b.lines - 100000))[0];
  const out = [
    target(`Check wall / tsc wall (${main100.label})`, main100.wallRatio, TARGETS.wallRatio),
    target(`Check peak RSS / tsc peak RSS (${main100.label})`, main100.rssRatio, TARGETS.rssRatio),
    target(`Edit → diagnostics p95 (${lsp?.label ?? 'not measured'})`, lsp?.lsp.p95 ?? NaN, TARGETS.p95, (v) => `${fmt(v)} ms`),
    target(`Edit → diagnostics p50 (${lsp?.label ?? 'not measured'})`, lsp?.lsp.p50 ?? NaN, TARGETS.p50, (v) => `${fmt(v)} ms`),
  ];
  const bySize = [...mine].sort((a, b) => a.lines - b.lines);
  if (bySize.length >= 2) {
    const small = bySize[0];
    const big = bySize[bySize.length - 1];
    out.push(target(`Cost per line ${big.label} / ${small.label}`, big.msPer1k / small.msPer1k, TARGETS.scaling));
  } else out.push(target('Cost per line largest / smallest (one size only)', NaN, TARGETS.scaling));
  return out.map((t) => ({ ...t, group }));
}

async function main() {
  const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const t0 = performance.now();
  const loadStart = os.loadavg();
  const command = `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim();
  for (const f of [path.join(ROOT, 'dist/cli.js'), SERVER, TSC]) {
    if (!fs.existsSync(f)) throw new Error(`${path.relative(ROOT, f)} is missing: run \`node scripts/build.mjs\` (and npm install) first`);
  }
  fs.mkdirSync(CACHE, { recursive: true });
  const env = environment();
  log(`${env.machine}; Node ${env.node}; TypeScript ${env.tsVersion}; commit ${env.head}; peak RSS via ${GNU_TIME ? 'GNU time' : 'resourceUsage wrapper'}; load ${loadStart.map((l) => l.toFixed(2)).join(' ')}`);

  const rows = [];
  const notes = [];
  /** What the language server is measured on: { group, label, dir, reportFile, pick }. */
  const lspJobs = [];
  if (opts.corpus) {
    const dir = path.resolve(opts.corpus);
    const { lines } = countLines(dir);
    log(`corpus ${dir}: ${fmt(lines)} lines`);
    const row = measureApp(path.basename(dir), dir, lines);
    rows.push(row);
    lspJobs.push({ group: row.group, label: row.label, dir, reportFile: row.reportFile, pick: corpusTargets });
  } else {
    for (const [kind, sizes, lspSize, pick] of [['app', SIZES, LSP_SIZE, generatedTargets], ['real', REAL_SIZES, REAL_LSP_SIZE, realShapeTargets]]) {
      const group = kind === 'app' ? 'generated app' : 'generated app in real shapes';
      for (const size of sizes) {
        const dir = ensureApp(size, kind);
        const { lines } = countLines(dir);
        log(`${kind}-${size}: ${fmt(lines)} lines`);
        rows.push({ ...measureApp(`${kind}-${size}`, dir, lines, { group }), size });
      }
      if (sizes.length === 0) continue;
      // The language server on --lsp-size / --real-lsp-size lines (generated and checked once if not measured above).
      const lspAt = lspSize;
      const label = `${kind}-${lspAt}`;
      const row = rows.find((r) => r.label === label);
      const dir = row?.dir ?? ensureApp(lspAt, kind);
      const reportFile = row?.reportFile ?? path.join(CACHE, `report-${label}.json`);
      lspJobs.push({ group, label, dir, reportFile, pick, needsReport: !row });
    }
    for (const p of corpusProjects()) {
      if (!p.prepared) {
        notes.push(`${p.name}: not prepared (run \`node bench/corpus/prepare.mjs ${p.name}\`); not measured.`);
        log(`${p.name}: not prepared, skipped`);
        continue;
      }
      const { lines } = countLines(p.root);
      log(`${p.name} (${p.commit.slice(0, 12)}): ${fmt(lines)} lines; tsc ${p.tsVersion} -p ${path.relative(p.dir, p.tsconfig)}`);
      const row = { ...measureApp(p.name, p.root, lines, { group: p.name, tsconfig: p.tsconfig, tsc: p.tsc }), tsVersion: p.tsVersion };
      rows.push(row);
      if (opts['lsp-corpus'] === p.name) lspJobs.push({ group: p.name, label: p.name, dir: p.root, reportFile: row.reportFile, pick: corpusTargets });
    }
  }

  const lsps = [];
  if (!opts['skip-lsp']) {
    for (const job of lspJobs) {
      if (job.needsReport) runCheck(job.dir, job.reportFile);
      const { targets, kind } = job.pick(job.dir, job.reportFile);
      if (targets.length === 0) {
        notes.push(`${job.label}: no file to edit for the language server (no finding where the edit is made); latency not measured.`);
        continue;
      }
      log(`language server on ${job.label}: ${targets.length} open files, ${EDITS} edits`);
      let lsp;
      try {
        lsp = await measureEdits({ serverJs: SERVER, folder: job.dir, targets, edits: EDITS, firstTimeoutMs: LSP_TIMEOUT_S * 1000, log });
      } catch (e) {
        // A server that never answers is a result too (the targets show n/a), not a reason to lose the rest.
        log(`  language server on ${job.label} failed: ${e.message}`);
        notes.push(`${job.label}: the language server measurement failed — ${e.message.split('\n')[0]}`);
        continue;
      }
      if (lsp.trace.length) log(`  server trace after the edits:\n${lsp.trace.slice(-5).map((l) => `    ${l.split('\n').join('\n    ')}`).join('\n')}`);
      else log('  server trace after the edits: (nothing reported with $/setTrace verbose)');
      lsps.push({ group: job.group, label: job.label, kind, lsp });
    }
  }

  const groups = [...new Set(rows.map((r) => r.group))];
  const targets = groups.flatMap((g) => groupTargets(g, rows, lsps.find((l) => l.group === g)));
  const text = render({ env, command, rows, lsps, targets, notes, loadStart, loadEnd: os.loadavg(), startedAt, durationS: (performance.now() - t0) / 1000 });
  const output = path.resolve(ROOT, opts.output);
  fs.writeFileSync(output, text);
  process.stdout.write(`\n${text}\n`);
  for (const t of targets) process.stdout.write(`${t.result.padEnd(4)} ${t.group}: ${t.name}: ${t.measured} (target ${t.limit})\n`);
  process.stdout.write(`\nwritten to ${path.relative(process.cwd(), output) || output}\n`);
  if (opts.readme) {
    updateReadme(path.resolve(ROOT, opts.readme), text);
    process.stdout.write(`tables copied into ${opts.readme}\n`);
  }
}

/** Puts the result tables into the README, between its bench markers (headings demoted under its own). */
function updateReadme(file, text) {
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const body = text.replace(/^## /gm, '#### ').replace(/^# .*\n+/, '');
  const readme = fs.readFileSync(file, 'utf8');
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  const block = `${start}\n${body.trim()}\n${end}`;
  fs.writeFileSync(file, i >= 0 && j > i ? readme.slice(0, i) + block + readme.slice(j + end.length) : `${readme.trimEnd()}\n\n## Performance\n\n${block}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e.stack ?? e}\n`);
  process.exit(1);
});
