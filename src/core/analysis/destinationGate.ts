/**
 * A cheap syntactic filter in front of destination resolution: most calls in a program cannot be sinks,
 * and resolving their symbols and types would dominate the cost of a check. A call can only be an
 * annotated destination when one of its names (callee, receiver, or an import alias of them) is the name of
 * a declaration carrying destination tags; it can only be an AWS SDK call when the program mentions the SDK,
 * and a catalogue or configured-package call only when some file imports such a package (a workspace that
 * imports none pays nothing for the catalogue).
 */
import ts = require('typescript');
import type { Annotation } from '../annotations/types';
import { packageName } from '../vocabulary/sdkCatalogue';
import { nameText } from './nodes';

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { isAsExpression, isBinaryExpression, isCallExpression, isClassLike, isElementAccessExpression, isExportDeclaration, isExternalModuleReference, isIdentifier, isImportDeclaration, isImportEqualsDeclaration, isStringLiteral, isInterfaceDeclaration, isNamedImports, isNonNullExpression, isObjectBindingPattern, isParenthesizedExpression, isPropertyAccessExpression, isVariableStatement } = ts;

function isDestination(a: Annotation): boolean {
  return !!a.region || !!a.recipient || (a.readableBy?.length ?? 0) > 0;
}

/** Whether an import specifier names a package the analysis follows (the SDK catalogue or the config's `packages`). */
export type PackageFilter = (specifier: string) => boolean;

export class DestinationGate {
  private readonly names = new Set<string>();
  readonly usesAws: boolean;
  /** Some file imports a catalogue or configured package. */
  readonly usesSdk: boolean;
  /** Files by the followed packages (npm names) they import. */
  private readonly importers = new Map<string, ts.SourceFile[]>();
  /** Declarations tagged as destinations, by file name. */
  readonly declarations = new Map<string, ts.Node[]>();
  private readonly aliases = new Map<ts.SourceFile, ImportAliases>();

  /** `cache` keeps each file's import aliases between runs. */
  constructor(files: readonly ts.SourceFile[], annotations: ReadonlyMap<ts.Node, Annotation>, cache?: WeakMap<ts.SourceFile, ImportAliases>, followed: PackageFilter = () => false) {
    for (const [node, ann] of annotations) {
      if (!isDestination(ann)) continue;
      this.addDeclaration(node);
      const file = node.getSourceFile().fileName;
      const list = this.declarations.get(file);
      if (list) list.push(node);
      else this.declarations.set(file, [node]);
    }
    let aws = false;
    for (const sf of files) {
      let aliases = cache?.get(sf);
      if (!aliases) {
        aliases = importAliases(sf);
        cache?.set(sf, aliases);
      }
      this.aliases.set(sf, aliases);
      for (const d of aliases.defaults) this.names.add(d);
      for (const [from, to] of aliases.renames) if (this.names.has(from)) this.names.add(to);
      aws ||= aliases.mentionsAws;
      for (const spec of aliases.specifiers) if (followed(spec)) this.addImporter(packageName(spec), sf);
    }
    this.usesAws = aws;
    this.usesSdk = this.importers.size > 0;
  }

  private addImporter(pkg: string, sf: ts.SourceFile): void {
    const list = this.importers.get(pkg);
    if (!list) this.importers.set(pkg, [sf]);
    else if (!list.includes(sf)) list.push(sf);
  }

  /** The followed packages (npm names) some file imports. */
  followedPackages(): string[] {
    return [...this.importers.keys()];
  }

  /** The files that import a followed package (by npm name). */
  filesImporting(pkg: string): readonly ts.SourceFile[] {
    return this.importers.get(pkg) ?? [];
  }

  private addDeclaration(node: ts.Node): void {
    const name = isBinaryExpression(node) && isPropertyAccessExpression(node.left) ? node.left.name.text : nameText(node);
    if (name) this.names.add(name);
    if (isClassLike(node) || isInterfaceDeclaration(node)) {
      for (const m of node.members) {
        const n = nameText(m);
        if (n) this.names.add(n);
      }
    }
  }

  /** Whether a call of a plain name in this file may be an HTTP request (`fetch`, or a client package's function). */
  mayBeHttpFunction(name: string, sf: ts.SourceFile): boolean {
    return name === 'fetch' || (this.aliases.get(sf)?.mentionsHttpClient ?? true);
  }

  /** Whether a name may be the name of a tagged destination (or an import alias of one). */
  mayBeName(name: string): boolean {
    return this.names.has(name);
  }

  /** Whether any of the names of an expression (`a.b.c` → a, b, c) may be a tagged destination. */
  mayBeTagged(e: ts.Expression): boolean {
    let cur: ts.Expression = e;
    for (;;) {
      if (isIdentifier(cur)) return this.names.has(cur.text);
      if (isPropertyAccessExpression(cur)) {
        if (this.names.has(cur.name.text)) return true;
        cur = cur.expression;
      } else if (isParenthesizedExpression(cur) || isNonNullExpression(cur) || isAsExpression(cur) || isCallExpression(cur) || isElementAccessExpression(cur)) {
        cur = cur.expression;
      } else return false;
    }
  }
}

/** A file's import names that may stand for a tagged declaration under another name. */
export interface ImportAliases {
  /** Default-import names. */
  readonly defaults: readonly string[];
  /** Renamed imports and destructured requires: [imported name, local name]. */
  readonly renames: ReadonlyArray<readonly [string, string]>;
  readonly mentionsAws: boolean;
  /** Whether the file names an HTTP client package whose functions are called directly (`axios(…)`, `got(…)`). */
  readonly mentionsHttpClient: boolean;
  /** Module specifiers the file imports or requires. */
  readonly specifiers: readonly string[];
}

const HTTP_CLIENT_PACKAGE = /['"](axios|got|undici|node-fetch|cross-fetch|isomorphic-fetch)['"]/;
/** `require('x')` / `import('x')` anywhere in a file's text. */
const DYNAMIC_SPECIFIER = /\b(?:require|import)\s*\(\s*['"]([^'"\n]+)['"]/g;

/**
 * The packages a file loads: its import and export-from declarations and `import x = require()` (statements
 * only, no walk); the text is searched for `require(`/`import(` only when it contains one.
 */
function specifiersOf(sf: ts.SourceFile): string[] {
  const out = new Set<string>();
  for (const st of sf.statements) {
    const spec = isImportDeclaration(st) || isExportDeclaration(st) ? st.moduleSpecifier
      : isImportEqualsDeclaration(st) && isExternalModuleReference(st.moduleReference) ? st.moduleReference.expression : undefined;
    if (spec && isStringLiteral(spec)) out.add(spec.text);
  }
  if (sf.text.includes('require(') || sf.text.includes('import(')) for (const m of sf.text.matchAll(DYNAMIC_SPECIFIER)) out.add(m[1]);
  return [...out].filter((x) => !x.startsWith('.') && !x.startsWith('/'));
}

function importAliases(sf: ts.SourceFile): ImportAliases {
  const defaults: string[] = [];
  const renames: Array<[string, string]> = [];
  for (const st of sf.statements) {
    if (isImportDeclaration(st) && st.importClause) {
      const c = st.importClause;
      if (c.name) defaults.push(c.name.text);
      if (c.namedBindings && isNamedImports(c.namedBindings)) {
        for (const el of c.namedBindings.elements) if (el.propertyName) renames.push([el.propertyName.text, el.name.text]);
      }
    }
    if (!isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (!isObjectBindingPattern(d.name)) continue;
      for (const el of d.name.elements) {
        if (el.propertyName && isIdentifier(el.propertyName) && isIdentifier(el.name)) renames.push([el.propertyName.text, el.name.text]);
      }
    }
  }
  return { defaults, renames, mentionsAws: sf.text.includes('aws-sdk'), mentionsHttpClient: HTTP_CLIENT_PACKAGE.test(sf.text), specifiers: specifiersOf(sf) };
}
