// The repository URL is a build-time value, never a placeholder in what ships: RESIDENCY_GUARD_REPOSITORY
// when set, else the git remote "origin" (an SSH remote as its https URL); undefined when neither exists.
// build.mjs puts it into the bundles (SARIF's informationUri and rule help URIs), package.mjs into the
// .vsix manifest, which it refuses to build without one.
import { spawnSync } from 'node:child_process';

/** `git@github.com:o/r.git` → `https://github.com/o/r.git`; https URLs as they are. */
function asHttps(url) {
  const ssh = /^(?:ssh:\/\/)?git@([^:/]+)[:/](.+)$/.exec(url);
  return ssh ? `https://${ssh[1]}/${ssh[2]}` : url;
}

export function repositoryUrl(root) {
  const fromEnv = process.env.RESIDENCY_GUARD_REPOSITORY?.trim();
  if (fromEnv) return asHttps(fromEnv);
  const git = spawnSync('git', ['remote', 'get-url', 'origin'], { cwd: root, encoding: 'utf8' });
  const remote = git.status === 0 ? git.stdout.trim() : '';
  return remote && /^(https:\/\/|ssh:\/\/|git@)/.test(remote) ? asHttps(remote) : undefined;
}
