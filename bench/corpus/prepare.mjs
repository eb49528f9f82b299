#!/usr/bin/env node
// Extracts each corpus project at its pinned commit into <workDir>/<name> (outside this repository),
// installs its dependencies with npm (no lifecycle scripts), then runs annotate-<name>.mjs on it.
//
//   node bench/corpus/prepare.mjs [--reinstall] [name…]
//
// Idempotent: the project directory is deleted and re-extracted from the mirror every time, so no edit
// survives a re-run. node_modules is kept across re-runs (moved aside and back) while the commit, the
// install command and the install fixes are unchanged; --reinstall forces a fresh install.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus, here, projectDir, selectProjects, workDir } from './lib.mjs';

const args = process.argv.slice(2);
const reinstall = args.includes('--reinstall');
const projects = selectProjects(args.filter((a) => !a.startsWith('--')));
const q = (s) => `'${String(s).replaceAll("'", "'\\''")}'`;

function sh(cmd, cwd) {
  process.stdout.write(`$ ${cmd}${cwd ? `   (in ${cwd})` : ''}\n`);
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', cmd], { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`command failed (exit ${r.status}): ${cmd}`);
}

function git(mirror, ...a) {
  const r = spawnSync('git', ['--git-dir', mirror, ...a], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${a.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** The lock-file and package.json edits of corpus.json `installFixes` (dependencies npm cannot fetch here). */
function applyInstallFixes(dir, fixes) {
  const pkgPath = join(dir, 'package.json');
  const lockPath = join(dir, 'package-lock.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const lock = existsSync(lockPath) ? JSON.parse(readFileSync(lockPath, 'utf8')) : undefined;
  for (const name of fixes.removeDependencies ?? []) {
    let found = false;
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      if (pkg[field]?.[name] !== undefined) { delete pkg[field][name]; found = true; }
      if (lock?.packages?.['']?.[field]?.[name] !== undefined) delete lock.packages[''][field][name];
    }
    if (!found) throw new Error(`installFixes: ${name} is not a dependency in package.json (has the commit moved?)`);
    if (lock) delete lock.packages[`node_modules/${name}`];
    process.stdout.write(`  installFixes: removed dependency ${name}\n`);
  }
  for (const name of fixes.removeOverrides ?? []) {
    if (pkg.overrides?.[name] === undefined) throw new Error(`installFixes: no override for ${name} in package.json`);
    delete pkg.overrides[name];
    // The locked copy came from GitHub: drop every lock entry of it so that npm re-resolves it from the registry.
    if (lock) for (const key of Object.keys(lock.packages)) if (key === `node_modules/${name}` || key.endsWith(`/node_modules/${name}`)) delete lock.packages[key];
    process.stdout.write(`  installFixes: removed override ${name}\n`);
  }
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
  if (lock) writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
}

mkdirSync(workDir, { recursive: true });
for (const p of projects) {
  const t0 = Date.now();
  const dir = projectDir(p);
  process.stdout.write(`\n=== ${p.name}: ${p.repository} @ ${p.commit}\n`);
  const resolved = git(p.mirror, 'rev-parse', '--verify', `${p.commit}^{commit}`);
  if (resolved !== p.commit) throw new Error(`${p.name}: ${p.commit} resolves to ${resolved}`);
  const head = git(p.mirror, 'rev-parse', 'HEAD');
  if (head !== p.commit) process.stdout.write(`  note: the mirror's HEAD is now ${head}; extracting the pinned ${p.commit}\n`);

  const stamp = createHash('sha256').update(JSON.stringify([p.commit, p.install, p.installFixes ?? null])).digest('hex');
  const stampFile = (d) => join(d, 'node_modules', '.residency-corpus-install-stamp');
  const kept = join(workDir, `.${p.name}.node_modules`);
  rmSync(kept, { recursive: true, force: true });
  if (!reinstall && existsSync(stampFile(dir)) && readFileSync(stampFile(dir), 'utf8') === stamp) {
    renameSync(join(dir, 'node_modules'), kept);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  sh(`git --git-dir=${q(p.mirror)} archive ${p.commit} | tar -x -C ${q(dir)}`);

  if (p.installFixes) applyInstallFixes(dir, p.installFixes);
  if (p.tsconfigForTsc) writeFileSync(join(dir, p.tsconfigForTsc.file), JSON.stringify(p.tsconfigForTsc.content, null, 2) + '\n');

  if (existsSync(kept)) {
    renameSync(kept, join(dir, 'node_modules'));
    process.stdout.write(`  node_modules kept from the previous run (same commit and install command; --reinstall to redo)\n`);
  } else {
    sh(p.install, dir);
    writeFileSync(stampFile(dir), stamp);
  }
  for (const note of p.notes ?? []) process.stdout.write(`  note: ${note}\n`);

  const annotate = join(here, p.annotate);
  sh(`${q(process.execPath)} ${q(annotate)} ${q(dir)}`);
  writeFileSync(join(dir, '.residency-corpus-prepared.json'), JSON.stringify({ name: p.name, commit: p.commit, preparedAt: new Date().toISOString(), seconds: (Date.now() - t0) / 1000 }, null, 2) + '\n');
  process.stdout.write(`=== ${p.name}: prepared in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${dir}\n`);
}
void corpus;
