/**
 * The repository name a JSON report records (`repository`, for `residency-guard merge`) when `--repository`
 * is not given: read from the text of a git config file (the CLI reads `.git/config` through its host). The
 * `origin` remote's URL, else the first remote's, becomes `owner/name` (`https://github.com/acme/app.git`,
 * `git@github.com:acme/app.git`, `ssh://git@host/acme/app` all give `acme/app`). Pure: text in, name out.
 */

/** The URL of the `origin` remote, else of the first remote, in a git config text. */
export function remoteUrl(configText: string): string | undefined {
  const urls = new Map<string, string>();
  let remote: string | undefined;
  for (const raw of configText.split(/\r?\n/)) {
    const line = raw.trim();
    const section = /^\[\s*remote\s+"([^"]+)"\s*\]$/.exec(line);
    if (section) remote = section[1];
    else if (line.startsWith('[')) remote = undefined;
    else if (remote !== undefined && !urls.has(remote)) {
      const url = /^url\s*=\s*(.+)$/.exec(line);
      if (url) urls.set(remote, url[1].trim());
    }
  }
  return urls.get('origin') ?? urls.values().next().value;
}

/** `owner/name` of a remote URL (its last two path segments, without `.git`), or undefined. */
export function repositoryName(url: string): string | undefined {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*\//i, '').replace(/^[^@/]+@[^:/]+:/, '').replace(/\.git\/?$/, '').replace(/\/+$/, '');
  const parts = path.split(/[/:]/).filter((p) => p !== '' && p !== '.' && p !== '..');
  return parts.length > 0 ? parts.slice(-2).join('/') : undefined;
}
