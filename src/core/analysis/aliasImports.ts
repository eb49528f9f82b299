/**
 * Imports through the program's own path aliases that do not resolve (SPEC §7.3 v2, RG016). Without the
 * root tsconfig that declares them (a monorepo checked from the wrong folder, a missing `references` entry),
 * `@app/models` resolves to nothing, every annotated type behind it is invisible and no finding appears:
 * that must be said. An alias is a specifier matching a `paths` pattern of the program, or one no npm package
 * can have (`@/…`, `~/…`, `#…`). The first few are located; each message gives the total.
 */
import ts = require('typescript');
import type { FileHost } from '../host';
import { problemMessage, type Lang } from '../messages/problemMessages';
import { PROBLEM_CODES, type Problem } from '../model';
import { sourceLoc } from '../text/positions';

/** How many unresolved alias imports are located (the message of each gives the total). */
export const MAX_ALIAS_PROBLEMS = 5;

/** Specifiers no npm package can have: conventional aliases even when no tsconfig declares them. */
const ALIAS_SHAPED = /^(?:@\/|~\/|#)/;

/** Whether a specifier goes through one of the `paths` patterns (`@app/*`, `shared`) or is alias-shaped. */
export function isAliasSpecifier(spec: string, paths: ts.MapLike<string[]> | undefined): boolean {
  if (ALIAS_SHAPED.test(spec)) return true;
  for (const pattern of Object.keys(paths ?? {})) {
    const star = pattern.indexOf('*');
    if (star < 0 ? spec === pattern : spec.length >= pattern.length - 1 && spec.startsWith(pattern.slice(0, star)) && spec.endsWith(pattern.slice(star + 1))) return true;
  }
  return false;
}

/** The module specifiers of a file's import and export declarations (and `import x = require(…)`). */
function specifiers(sf: ts.SourceFile): ts.StringLiteral[] {
  const out: ts.StringLiteral[] = [];
  for (const st of sf.statements) {
    const spec = ts.isImportDeclaration(st) || ts.isExportDeclaration(st) ? st.moduleSpecifier
      : ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference) ? st.moduleReference.expression : undefined;
    if (spec && ts.isStringLiteral(spec)) out.push(spec);
  }
  return out;
}

function resolutionHost(host: FileHost): ts.ModuleResolutionHost {
  return {
    fileExists: (p) => host.fileExists(p), readFile: (p) => host.readFile(p), directoryExists: (p) => host.directoryExists(p),
    realpath: (p) => host.realpath(p), getCurrentDirectory: () => '/',
    getDirectories: (p) => host.readDirectory(p).filter((n) => host.directoryExists(`${p.replace(/\/$/, '')}/${n}`)),
  };
}

/** RG016 problems for the workspace files' alias imports that resolve to nothing. */
export function unresolvedAliasImports(program: ts.Program, files: readonly ts.SourceFile[], host: FileHost, lang: Lang): Problem[] {
  const options = program.getCompilerOptions();
  const paths = options.paths;
  const moduleHost = resolutionHost(host);
  const unresolved: ts.StringLiteral[] = [];
  for (const sf of files) {
    for (const lit of specifiers(sf)) {
      if (!isAliasSpecifier(lit.text, paths)) continue;
      const mode = ts.getModeForUsageLocation(sf, lit, options);
      if (!ts.resolveModuleName(lit.text, sf.fileName, options, moduleHost, undefined, undefined, mode).resolvedModule) unresolved.push(lit);
    }
  }
  const shown = Math.min(unresolved.length, MAX_ALIAS_PROBLEMS);
  return unresolved.slice(0, shown).map((lit) => {
    const sf = lit.getSourceFile();
    const message = problemMessage(lang, 'unresolvedAlias', { specifier: lit.text, total: unresolved.length, shown });
    return { kind: 'coverage', code: PROBLEM_CODES.unresolvedAlias, severity: 'warning', message, location: sourceLoc(sf, lit.getStart(sf), lit.getEnd()) };
  });
}
