/**
 * The commented starter `residency.config.json` that Open Config creates when the file is missing. It has
 * no `$schema`: the extension registers its schema for the file name (`contributes.jsonValidation`), so no
 * path into the versioned install folder is written into the workspace (it would break on every update).
 * No `vscode` import: a plain function, unit-tested in Node.
 */

/** JSON with comments; every field optional (SPEC §4). Loads without a single problem. */
export function starterConfigText(): string {
  return [
    '{',
    '  // Residency Guard configuration (JSON with comments). Every field is optional.',
    '  // Hover a key for its meaning: Residency Guard\'s schema completes and validates this file.',
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
