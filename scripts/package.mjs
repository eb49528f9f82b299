// Packages the VS Code extension as a .vsix with @vscode/vsce. The repository URL is a build-time value
// (scripts/repository.mjs): without one the package is refused, so no placeholder ships.
// package.json's "files" (the npm package of the CLI) and .vscodeignore (the .vsix) are both allowlists,
// and vsce refuses a folder that has both; so this stages a copy whose manifest has no "files" and
// whose only dependency is `typescript` (everything else is bundled into dist/), and packs it there:
// the staged copy is the repository without node_modules (but typescript), .git and out/, so the same
// .vscodeignore that `npx vsce ls` applies in the repository decides what goes in. Run `node scripts/build.mjs` first (npm run package does).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repositoryUrl } from './repository.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Not staged: .vscodeignore would drop them anyway, and they are big. typescript is staged on its own. */
const SKIPPED = new Set(['node_modules', '.git', 'out', '.bench']);
const RUNTIME_DEPENDENCIES = ['typescript'];

/** The shipped manifest: no "files", no build scripts, runtime dependencies only, the build's repository URL. */
function stagedManifest(pkg, repository) {
  const { files: _files, devDependencies: _dev, ...rest } = pkg;
  const dependencies = Object.fromEntries(RUNTIME_DEPENDENCIES.map((name) => [name, pkg.dependencies[name]]));
  const scripts = Object.fromEntries(Object.entries(pkg.scripts ?? {}).filter(([name]) => name !== 'vscode:prepublish'));
  return { ...rest, scripts, dependencies, repository: { type: 'git', url: repository }, bugs: { url: `${repository.replace(/\.git$/, '')}/issues` } };
}

function stage(pkg, repository) {
  const dir = mkdtempSync(join(tmpdir(), 'residency-guard-vsix-'));
  const entries = readdirSync(root).filter((name) => !SKIPPED.has(name) && !name.endsWith('.vsix'));
  for (const entry of [...entries, ...RUNTIME_DEPENDENCIES.map((name) => `node_modules/${name}`)]) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(stagedManifest(pkg, repository), null, 2)}\n`);
  return dir;
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const bundle of ['dist/extension.js', 'dist/server.js']) {
  if (!existsSync(join(root, bundle))) console.warn(`warning: ${bundle} is missing; run node scripts/build.mjs`);
}
const repository = repositoryUrl(root);
if (!repository) {
  console.error('error: no repository URL: set RESIDENCY_GUARD_REPOSITORY (or a git remote "origin") so that the .vsix names the real repository');
  process.exit(2);
}
const dir = stage(pkg, repository);
const out = join(root, `${pkg.name}-${pkg.version}.vsix`);
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const result = spawnSync(process.execPath, [vsce, 'package', '--out', out, ...process.argv.slice(2)], { cwd: dir, stdio: 'inherit' });
rmSync(dir, { recursive: true, force: true });
process.exit(result.status ?? 1);
