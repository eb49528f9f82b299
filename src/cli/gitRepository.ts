/**
 * Finds the repository name of a checked root for the JSON report (`repository`): the git config of the
 * repository holding the root — `.git/config` at or above it, or for a worktree or submodule (`.git` is a file
 * naming the git directory) that directory's `commondir` config — read through the CLI's file host, and its
 * remote URL turned into `owner/name` by the core (`report/repositoryName.ts`). Nothing is executed.
 */
import * as path from 'node:path';
import type { FileHost } from '../core/host';
import { remoteUrl, repositoryName } from '../core/report/repositoryName';

/** The git directory for the `.git` entry in `dir`: the directory itself, or the one a `.git` file names. */
function gitDirIn(dir: string, host: FileHost): string | undefined {
  const dotGit = path.join(dir, '.git');
  if (host.directoryExists(dotGit)) return dotGit;
  const text = host.readFile(dotGit);
  const named = text && /^gitdir:\s*(.+)$/m.exec(text)?.[1].trim();
  return named ? path.resolve(dir, named) : undefined;
}

/** The config file of a git directory: its own, or its common directory's (a worktree's). */
function configOf(gitDir: string, host: FileHost): string | undefined {
  const common = host.readFile(path.join(gitDir, 'commondir'))?.trim();
  const dir = common ? path.resolve(gitDir, common) : gitDir;
  return host.readFile(path.join(dir, 'config'));
}

/** `owner/name` from the git remote of the repository holding `root`, or undefined. */
export function gitRepositoryName(root: string, host: FileHost): string | undefined {
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    const gitDir = gitDirIn(dir, host);
    if (gitDir) {
      const url = remoteUrl(configOf(gitDir, host) ?? '');
      return url ? repositoryName(url) : undefined;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}
