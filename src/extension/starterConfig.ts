/**
 * The commented starter `residency.config.json` that Open Config creates when the file is missing, and
 * the `$schema` reference from the new file to the schema shipped in the extension folder. No `vscode`
 * import: plain functions, unit-tested in Node.
 */
import * as path from 'path';

/** The parts of a URI the schema reference depends on (vscode.Uri fits). */
export interface UriLike {
  readonly scheme: string;
  readonly authority: string;
  readonly path: string;
  toString(): string;
}

/**
 * A path relative to the config file's folder when both files are on the same file system (the usual
 * case), else the schema's absolute URI.
 */
export function schemaReference(configFile: UriLike, schemaFile: UriLike): string {
  if (configFile.scheme !== schemaFile.scheme || configFile.authority !== schemaFile.authority) return schemaFile.toString();
  const relative = path.posix.relative(path.posix.dirname(configFile.path), schemaFile.path);
  if (relative === '' || path.posix.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return schemaFile.toString();
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** JSON with comments; every field optional (SPEC §4). Loads without a single problem. */
export function starterConfigText(schemaRef: string): string {
  return [
    '{',
    '  // Residency Guard configuration (JSON with comments). Every field is optional.',
    '  // Hover a key for its meaning; the schema below completes and validates the file.',
    `  "$schema": ${JSON.stringify(schemaRef)},`,
    '',
    '  // The policy pack: "jp" is Japan\'s APPI and the Telecommunications Business Act.',
    '  "pack": "jp",',
    '',
    '  // Organisations that receive or can read data, by id. Use the ids in @recipient, @readable-by and',
    '  // @exposes-to. Party "self" (your own systems in Japan) always exists.',
    '  "parties": {',
    '    // "support-contractor": {',
    '    //   "name": "Overseas customer-support contractor",',
    '    //   "access": "contractor-overseas",',
    '    //   "country": "KR"',
    '    // }',
    '  },',
    '',
    '  // Severity per rule: "error", "warning", "info" or "off".',
    '  "rules": {',
    '    // "JPR005": "warning"',
    '  }',
    '}',
    '',
  ].join('\n');
}
