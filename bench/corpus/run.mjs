#!/usr/bin/env node
// Runs the checker CLI on each prepared corpus project and prints a compact summary, then times
// `tsc --noEmit -p <tsconfig>` on the same project once.
//
//   node bench/corpus/run.mjs [--no-tsc] [--full] [name…]
//
// Builds the CLI (npm run build in the repository) only when dist/ is missing. The JSON report of each
// project is kept in <workDir>/.results/<name>.json (outside the repository). --full prints every source
// of every finding (default: all of them too, but paths shortened); --no-tsc skips the tsc timing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { here, projectDir, selectProjects, workDir } from './lib.mjs';

const args = process.argv.slice(2);
const withTsc = !args.includes('--no-tsc');
const projects = selectProjects(args.filter((a) => !a.startsWith('--')));
const repo = resolve(here, '..', '..');
const cli = join(repo, 'bin', 'residency-guard.js');
const resultsDir = join(workDir, '.results');
mkdirSync(resultsDir, { recursive: true });

if (!existsSync(join(repo, 'dist', 'cli.js'))) {
  process.stdout.write('dist/ is missing: npm run build\n');
  const b = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('npm run build failed');
}

function timed(cmd, argv, cwd) {
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ...r, ms: performance.now() - t0 };
}

const loc = (l) => (l ? `${l.file}:${l.line}:${l.column}` : '?');
function dest(d) {
  if (!d) return '?';
  const parts = [];
  if (d.party) parts.push(`party ${d.party}${d.access ? ` (${d.access})` : ''}`);
  if (d.country) parts.push(`country ${d.country}`);
  if (d.region) parts.push(`region ${d.region}`);
  if (parts.length === 0 && d.description) parts.push(d.description);
  return parts.join(', ');
}
const countBy = (xs, f) => xs.reduce((m, x) => m.set(f(x), (m.get(f(x)) ?? 0) + 1), new Map());
const fmtCounts = (m) => [...m].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';

const out = (s = '') => process.stdout.write(s + '\n');
{
  // Which checker is measured: the lead rebuilds dist/ often, so say which commit and build.
  const head = spawnSync('git', ['-C', repo, 'log', '-1', '--format=%h'], { encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['-C', repo, 'status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).stdout.trim() ? ' + uncommitted changes in src/' : '';
  out(`checker: ${repo} @ ${head}${dirty}; dist/cli.js built ${statSync(join(repo, 'dist', 'cli.js')).mtime.toISOString()}`);
}
for (const p of projects) {
  const dir = projectDir(p);
  out(`\n=== ${p.name} (${p.commit.slice(0, 12)}) — ${dir}`);
  if (!existsSync(join(dir, '.residency-corpus-prepared.json'))) {
    out(`  not prepared: run node bench/corpus/prepare.mjs ${p.name}`);
    process.exitCode = 1;
    continue;
  }
  const root = resolve(dir, p.check.root);
  const output = join(resultsDir, `${p.name}.json`);
  const check = timed(process.execPath, [cli, 'check', root, '--format', 'json', '--fail-on', 'none', '--output', output], root);
  if (check.status !== 0) {
    out(`  checker exit ${check.status}\n${check.stdout}${check.stderr}`);
    process.exitCode = 1;
    continue;
  }
  const report = JSON.parse(readFileSync(output, 'utf8'));
  const s = report.summary ?? {};
  const findings = report.findings ?? [];
  out(`checker: ${s.files} files analysed, ${findings.length} findings, ${(report.problems ?? []).length} problems, ${(report.suppressed ?? []).length} suppressed; wall ${(check.ms / 1000).toFixed(2)} s (checker's own duration ${s.durationMs} ms); report ${output}`);
  out(`findings by rule: ${fmtCounts(countBy(findings, (f) => f.rule))}`);
  // One block per sink location, with the rules that fired there (sources and destination are per rule).
  const bySink = new Map();
  for (const f of findings) {
    const key = `${loc(f.location)}|${dest(f.destination)}|${(f.sources ?? []).map((x) => x.symbol).sort().join(',')}`;
    if (!bySink.has(key)) bySink.set(key, { f, rules: [] });
    bySink.get(key).rules.push(`${f.rule}/${f.severity}`);
  }
  let i = 0;
  for (const { f, rules } of [...bySink.values()].sort((a, b) => loc(a.f.location).localeCompare(loc(b.f.location), undefined, { numeric: true }))) {
    i++;
    const sources = (f.sources ?? []).map((x) => `${x.symbol}${x.category ? ` [${x.category}]` : ''}`);
    out(`  #${i} ${loc(f.location)}  ${rules.join(' ')}`);
    out(`      to:      ${dest(f.destination)}`);
    out(`      sources: ${sources.join(', ') || '(none)'}`);
  }
  const problems = report.problems ?? [];
  out(`problems by code: ${fmtCounts(countBy(problems, (x) => x.code))}`);
  for (const x of problems.slice(0, 8)) out(`  ${x.code} ${x.severity} ${loc(x.location)}: ${x.message}`);
  if (problems.length > 8) out(`  … ${problems.length - 8} more in ${output}`);

  if (withTsc) {
    const tsconfig = resolve(dir, p.check.tsconfig);
    // The project's own TypeScript when it has one (as `npx tsc` in the project would use), else the repository's.
    const local = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
    const tsc = existsSync(local) ? local : join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
    const version = JSON.parse(readFileSync(join(tsc, '..', '..', 'package.json'), 'utf8')).version;
    // corpus.json check.tscExtra: further tsc variants to time (e.g. --checkJs for a JavaScript project, where
    // plain `tsc --noEmit` only parses and binds the files while the checker needs their types).
    for (const extra of [[], ...(p.check.tscExtra ?? [])]) {
      // A full check: without `--incremental false` a project with `incremental` reads the build info an earlier run left and skips it.
      const full = /"composite"\s*:\s*true/.test(readFileSync(tsconfig, 'utf8')) ? [] : ['--incremental', 'false'];
      const t = timed(process.execPath, [tsc, '--noEmit', ...full, '-p', tsconfig, ...extra], dir);
      const errors = (t.stdout.match(/error TS\d+/g) ?? []).length;
      out(`tsc ${version} (${existsSync(local) ? "project's" : "repository's"}) --noEmit -p ${p.check.tsconfig}${extra.length ? ' ' + extra.join(' ') : ''}: exit ${t.status}, ${errors} type errors, wall ${(t.ms / 1000).toFixed(2)} s`);
      out(`wall times: checker ${(check.ms / 1000).toFixed(2)} s, tsc${extra.length ? ' ' + extra.join(' ') : ''} ${(t.ms / 1000).toFixed(2)} s, ratio ${(check.ms / t.ms).toFixed(2)}`);
    }
  }
}
