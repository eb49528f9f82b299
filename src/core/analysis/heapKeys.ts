/**
 * Keys of the heap (SPEC §6.2 v2: the heap is per allocation site). A store is keyed by the declaration of
 * the property or variable stored into and, when the object stored into is known to be the one a `new`
 * expression made (a `const` local holding it, the receiver of a constructor or method called on it), also
 * by that allocation site. A read through an object known that way sees its own site's stores and the
 * stores through unknown objects; a read through an unknown object sees every site's stores. So two
 * `new Box()` objects do not share fields, and nothing stored through an alias is lost.
 *
 * When the object is not known but its static type is a generic class instantiated with concrete types
 * (`OrmRepository<User>`), the store is keyed by that type instead (a type site, written as the type's text):
 * a read through an object of that type sees its own type's stores, the stores through objects known by
 * allocation and those through untyped objects, but not what went through `OrmRepository<Order>`. Two
 * instantiations printed alike share a key, which only merges what they hold.
 */
import ts = require('typescript');

export class SiteKey {
  constructor(
    /** The declaration of the property stored into. */
    readonly decl: ts.Node,
    /** The `new` expression (or other allocation) that made the object, or the text of its generic type (a type site). */
    readonly site: ts.Node | string,
  ) {}

  /** Whether the key is a type site (`OrmRepository<User>`) rather than an allocation. */
  get typed(): boolean {
    return typeof this.site === 'string';
  }

  /** The file a site key belongs to: the allocation's (stores through it are made by that file's code), the property's for a type site. */
  getSourceFile(): ts.SourceFile {
    return typeof this.site === 'string' ? this.decl.getSourceFile() : this.site.getSourceFile();
  }
}

export type HeapKey = ts.Node | SiteKey;

/** One SiteKey per (declaration, site), so that keys compare by identity across runs; and every site of a declaration. */
export class SiteKeys {
  private readonly byDecl = new Map<ts.Node, Map<ts.Node | string, SiteKey>>();

  key(decl: ts.Node, site: ts.Node | string): SiteKey {
    let bySite = this.byDecl.get(decl);
    if (!bySite) this.byDecl.set(decl, (bySite = new Map()));
    let k = bySite.get(site);
    if (!k) bySite.set(site, (k = new SiteKey(decl, site)));
    return k;
  }

  /** Every site key made for a declaration. */
  of(decl: ts.Node): Iterable<SiteKey> {
    return this.byDecl.get(decl)?.values() ?? [];
  }

  clear(): void {
    this.byDecl.clear();
  }
}

/** How deep type arguments are looked into to tell that a type is closed (has no type parameter left). */
const MAX_TYPE_DEPTH = 4;

/**
 * The type site of an object known only by its static type: the type's text when it is a generic class or
 * interface instantiated with closed types (`OrmRepository<User>`), else undefined (an untyped store or read).
 * Only a property of a generic class or interface (`decl`) can differ between instantiations; for the others
 * the checker is not asked.
 */
export function typeSiteOf(checker: ts.TypeChecker, e: ts.Expression, decl: ts.Node): string | undefined {
  if (!hasGenericOwner(decl)) return undefined;
  const type = checker.getTypeAtLocation(e);
  if (!isGenericReference(type) || !isClosed(checker, type, 0)) return undefined;
  return checker.typeToString(type, undefined, TYPE_TEXT);
}

/** The whole text, with qualified names. */
const TYPE_TEXT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseFullyQualifiedType;
const REFERENCE = ts.ObjectFlags.Reference;
const TYPE_PARAMETER = ts.TypeFlags.TypeParameter;
const UNION_OR_INTERSECTION = ts.TypeFlags.UnionOrIntersection;
const ANY_OR_UNKNOWN = ts.TypeFlags.Any | ts.TypeFlags.Unknown;

function isGenericReference(type: ts.Type): type is ts.TypeReference {
  const objectFlags = (type as ts.ObjectType).objectFlags ?? 0;
  return (objectFlags & REFERENCE) !== 0 && ((type as ts.TypeReference).target.typeParameters?.length ?? 0) > 0;
}

function isClosed(checker: ts.TypeChecker, type: ts.Type, depth: number): boolean {
  if (depth > MAX_TYPE_DEPTH || type.flags & (TYPE_PARAMETER | ANY_OR_UNKNOWN)) return false;
  if (type.flags & UNION_OR_INTERSECTION) return (type as ts.UnionOrIntersectionType).types.every((t) => isClosed(checker, t, depth + 1));
  if (!(((type as ts.ObjectType).objectFlags ?? 0) & REFERENCE)) return true;
  const count = (type as ts.TypeReference).target.typeParameters?.length ?? 0;
  return checker.getTypeArguments(type as ts.TypeReference).slice(0, count).every((t) => isClosed(checker, t, depth + 1));
}

/** Whether a property (or parameter property) belongs to a class or interface with type parameters. */
function hasGenericOwner(decl: ts.Node): boolean {
  let owner: ts.Node | undefined = decl.parent;
  if (owner && ts.isConstructorDeclaration(owner)) owner = owner.parent;
  return owner !== undefined && (ts.isClassLike(owner) || ts.isInterfaceDeclaration(owner)) && (owner.typeParameters?.length ?? 0) > 0;
}
