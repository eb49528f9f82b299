/**
 * Stable finding fingerprints: they survive edits that move lines (no line numbers go in) and change
 * when the flow changes (rule, sink file and expression, enclosing function, sources).
 */

/** 53-bit string hash (cyrb53), as 14 hex digits. */
export function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, '0');
}

export interface FingerprintInput {
  readonly rule: string;
  readonly file: string;
  readonly container: string;
  readonly sinkText: string;
  readonly sources: readonly string[];
}

export function fingerprint(f: FingerprintInput): string {
  const sink = f.sinkText.replace(/\s+/g, ' ').trim();
  return hash53([f.rule, f.file, f.container, sink, [...f.sources].sort().join(',')].join('\u0000'));
}
