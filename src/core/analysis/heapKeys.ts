/**
 * Keys of the heap (SPEC §6.2 v2: the heap is per allocation site). A store is keyed by the declaration of
 * the property or variable stored into and, when the object stored into is known to be the one a `new`
 * expression made (a `const` local holding it, the receiver of a constructor or method called on it), also
 * by that allocation site. A read through an object known that way sees its own site's stores and the
 * stores through unknown objects; a read through an unknown object sees every site's stores. So two
 * `new Box()` objects do not share fields, and nothing stored through an alias is lost.
 */
import type ts from 'typescript';

export class SiteKey {
  constructor(
    /** The declaration of the property stored into. */
    readonly decl: ts.Node,
    /** The `new` expression (or other allocation) that made the object. */
    readonly site: ts.Node,
  ) {}

  /** The file a site key belongs to: the allocation's (stores through it are made by that file's code). */
  getSourceFile(): ts.SourceFile {
    return this.site.getSourceFile();
  }
}

export type HeapKey = ts.Node | SiteKey;

/** One SiteKey per (declaration, site), so that keys compare by identity across runs; and every site of a declaration. */
export class SiteKeys {
  private readonly byDecl = new Map<ts.Node, Map<ts.Node, SiteKey>>();

  key(decl: ts.Node, site: ts.Node): SiteKey {
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
