/**
 * Findings by file, on both sides of the analysis worker's channel: the worker sends only the files whose
 * findings changed since its previous result for a folder (`FindingsSender`), the supervisor keeps every
 * file's findings and rebuilds the whole list (`FindingsStore`). The config is sent only when it is another
 * object than the one sent before, so that the server side keeps one object while it does not change (what
 * it derives from the config — the sinks' diagnostics — is kept by identity). Unchanged findings are the same objects from
 * one run to the next (the engine's report cache), so a change is found by identity, without comparing
 * contents; copying a whole workspace's findings across threads on every edit cost more than the edit.
 */
import type { Finding } from '../core/report/model';
import type { ResidencyConfig } from '../core/config/types';
import type { WireResult } from './analysisProtocol';

type FileFindings = readonly [string, readonly Finding[]];

/** Groups findings by file, in their order (the engine sorts them by file first). */
function byFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = out.get(f.location.file);
    if (list) list.push(f);
    else out.set(f.location.file, [f]);
  }
  return out;
}

function sameList(a: readonly Finding[] | undefined, b: readonly Finding[]): boolean {
  return a !== undefined && a.length === b.length && a.every((f, i) => f === b[i]);
}

/** The worker's side: what it last sent for each folder. */
export class FindingsSender {
  private readonly sent = new Map<string, Map<string, readonly Finding[]>>();
  private readonly configs = new Map<string, ResidencyConfig>();

  /** The config to send with a folder's new result: undefined when it is the object sent last time. */
  configDelta(root: string, config: ResidencyConfig): ResidencyConfig | undefined {
    if (this.configs.get(root) === config) return undefined;
    this.configs.set(root, config);
    return config;
  }

  /** The findings to send for a folder's new result. */
  delta(root: string, findings: readonly Finding[]): WireResult['findings'] {
    const before = this.sent.get(root);
    const now = byFile(findings);
    this.sent.set(root, now);
    if (!before) return { full: true, files: [...now] };
    const files: FileFindings[] = [];
    for (const [file, list] of now) if (!sameList(before.get(file), list)) files.push([file, list]);
    for (const file of before.keys()) if (!now.has(file)) files.push([file, []]);
    return { full: false, files };
  }

  forget(root: string): void {
    this.sent.delete(root);
    this.configs.delete(root);
  }
}

/** The supervisor's side: every file's findings of each folder, as last received. */
export class FindingsStore {
  private readonly byRoot = new Map<string, Map<string, readonly Finding[]>>();
  private readonly configs = new Map<string, ResidencyConfig>();

  /** A folder's config: the one sent, or the one received before when none was sent. */
  config(root: string, sent: ResidencyConfig | undefined): ResidencyConfig {
    if (sent) this.configs.set(root, sent);
    const config = this.configs.get(root);
    if (!config) throw new Error(`no config received for ${root}`);
    return config;
  }

  /** Applies what a result sent; returns the folder's whole list of findings, in the engine's order. */
  apply(root: string, sent: WireResult['findings']): Finding[] {
    let files = this.byRoot.get(root);
    if (!files || sent.full) this.byRoot.set(root, (files = new Map()));
    for (const [file, list] of sent.files) {
      if (list.length === 0) files.delete(file);
      else files.set(file, list);
    }
    return [...files.keys()].sort((a, b) => a.localeCompare(b)).flatMap((f) => files.get(f) ?? []);
  }

  /** A new worker sends everything again. */
  clear(): void {
    this.byRoot.clear();
    this.configs.clear();
  }
}
