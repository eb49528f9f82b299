/**
 * A safety net for reruns: snapshots every file of the test workspace before the suites and writes back
 * any file a failed or interrupted test left changed on disk. Tests still revert their own edits; this
 * only reports (and repairs) what slipped through.
 */
import * as fs from 'fs';
import * as path from 'path';

export type Snapshot = ReadonlyMap<string, Buffer>;

export function snapshot(dir: string): Snapshot {
  const files = new Map<string, Buffer>();
  const walk = (at: string): void => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.set(full, fs.readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

/** Writes back the files that differ from the snapshot; returns their paths. */
export function restore(files: Snapshot): string[] {
  const restored: string[] = [];
  for (const [file, content] of files) {
    const now = fs.existsSync(file) ? fs.readFileSync(file) : undefined;
    if (now && now.equals(content)) continue;
    fs.writeFileSync(file, content);
    restored.push(file);
  }
  return restored;
}
