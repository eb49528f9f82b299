/**
 * Sources by symbol (SPEC §6.1): decides through the type checker whether a declaration is personal data
 * (its own tags, the tags of the type that declares it, or the tags of an annotated type alias it is
 * declared with), and what labels a value of a given type carries when it flows as a whole.
 */
import ts = require('typescript');
import type { Annotation } from '../annotations/types';
import { problemMessage } from '../messages/problemMessages';
import { PROBLEM_CODES, type Loc, type Problem } from '../model';
import type { Lang } from '../rules/types';
import { ELEMENT, EMPTY, flatten, isEmpty, type Label, type SourceInfo, type Taint } from './labels';
import { aliasHolder, bindingRoot, displayName, isPrimitiveTypeNode, locOf, resolveAlias, treePath } from './nodes';

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { SymbolFlags, TypeFlags, isArrayTypeNode, isClassLike, isConstructorDeclaration, isFunctionLike, isGetAccessorDeclaration, isInterfaceDeclaration, isIntersectionTypeNode, isParameter, isParameterPropertyDeclaration, isParenthesizedTypeNode, isPropertyDeclaration, isPropertySignature, isTypeAliasDeclaration, isTypeLiteralNode, isTypeReferenceNode, isUnionTypeNode } = ts;

export interface AnnotationLookup {
  get(node: ts.Node): Annotation | undefined;
}

/** The name and location findings give a declaration bound from elsewhere (a Prisma model field: `User.email` in schema.prisma). */
export interface DescribedDeclaration {
  readonly name: string;
  readonly loc: Loc;
}

interface Layer {
  readonly residency?: string;
  readonly category?: string;
  readonly access?: readonly string[];
}

/** The tags of an annotated alias, and the alias. */
interface AliasLayer extends Layer {
  readonly alias: ts.TypeAliasDeclaration;
}

const MAX_TYPE_DEPTH = 3;
const NOT_OBJECT =
  TypeFlags.StringLike | TypeFlags.NumberLike | TypeFlags.BigIntLike | TypeFlags.BooleanLike |
  TypeFlags.EnumLike | TypeFlags.ESSymbolLike | TypeFlags.VoidLike | TypeFlags.Null |
  TypeFlags.Any | TypeFlags.Unknown | TypeFlags.Never;

export class SourceResolver {
  private readonly bySymbol = new Map<ts.Symbol, SourceInfo | null>();
  private readonly byType = new Map<ts.Type, Taint>();
  private readonly visiting = new Set<ts.Type>();

  constructor(
    private readonly program: ts.Program,
    private readonly checker: ts.TypeChecker,
    private readonly annotations: AnnotationLookup,
    private readonly described: ReadonlyMap<ts.Node, DescribedDeclaration> = new Map(),
  ) {}

  /** The source a symbol stands for (a property, variable, parameter or accessor), if it is one. */
  sourceOfSymbol(symbol: ts.Symbol | undefined): SourceInfo | undefined {
    const sym = resolveAlias(this.checker, symbol);
    if (!sym) return undefined;
    const cached = this.bySymbol.get(sym);
    if (cached !== undefined) return cached ?? undefined;
    let info: SourceInfo | undefined;
    // Marked first: a cyclic `extends` (an error the checker reports) cannot recurse through inheritedLayer.
    this.bySymbol.set(sym, null);
    for (const decl of sym.declarations ?? []) {
      info = this.sourceOfDeclaration(decl);
      if (info) break;
    }
    this.bySymbol.set(sym, info ?? null);
    return info;
  }

  sourceLabel(info: SourceInfo, readAt: ts.Node): Label {
    return { kind: 'source', source: info, transform: {}, hops: [{ at: readAt, note: `read ${info.symbol}` }] };
  }

  /** A source for the value returned by a function declared to return an annotated type alias. */
  sourceOfReturnType(decl: ts.Node): SourceInfo | undefined {
    const typeNode = (decl as { type?: ts.TypeNode }).type;
    if (!typeNode || !isFunctionLike(decl)) return undefined;
    const layer = this.aliasLayer(typeNode);
    if (!layer?.residency || layer.residency === 'unrestricted') return undefined;
    // A value of an annotated alias is that alias's data: named and located by the alias.
    return this.makeInfo(layer.alias, [layer]);
  }

  private sourceOfDeclaration(decl: ts.Node): SourceInfo | undefined {
    const layers: Layer[] = [];
    // Tags inherited from the member this one overrides, implements or redeclares: the weakest layer.
    const inherited = this.inheritedLayer(decl);
    if (inherited) layers.push(inherited);
    const container = this.containerLayer(decl);
    if (container) layers.push(container);
    const typeNode = (decl as { type?: ts.TypeNode }).type;
    const alias = typeNode && !isFunctionLike(decl) ? this.aliasLayer(typeNode) : undefined;
    if (alias) layers.push(alias);
    const own = this.annotations.get(decl) ?? this.patternAnnotation(decl);
    if (own) layers.push(own);
    // A variable or parameter that is a source only through its annotated alias type is that alias's data.
    if (alias && layers.length === 1 && (isParameter(decl) || ts.isVariableDeclaration(decl) || ts.isBindingElement(decl)) && !isParameterPropertyDeclaration(decl, decl.parent)) {
      return this.makeInfo(alias.alias, layers);
    }
    return this.makeInfo(decl, layers);
  }

  /** A destructured name takes the tags of its declaration (`/** @residency … *\/ const { token, email } = req.body`). */
  private patternAnnotation(decl: ts.Node): Annotation | undefined {
    return ts.isBindingElement(decl) ? this.annotations.get(bindingRoot(decl)) : undefined;
  }

  private makeInfo(decl: ts.Node, layers: readonly Layer[]): SourceInfo | undefined {
    let residency: string | undefined;
    let category: string | undefined;
    let access: readonly string[] | undefined;
    for (const l of layers) {
      residency = l.residency ?? residency;
      category = l.category ?? category;
      access = l.access ?? access;
    }
    if (!residency || residency === 'unrestricted') return undefined;
    const sf = decl.getSourceFile();
    const described = this.described.get(decl);
    return {
      key: `${sf.fileName}#${treePath(decl)}`,
      symbol: described?.name ?? displayName(decl),
      category: category ?? 'personal',
      residency,
      access: access ?? ['internal-jp'],
      loc: described?.loc ?? locOf(decl, sf),
      ...(described ? {} : { decl }),
    };
  }

  /**
   * The tags of the member a class or interface member overrides, implements or redeclares (SPEC §3.1
   * "Inheritance of tags"): the first base (`extends`, then `implements`) whose same-named member is a source.
   */
  private inheritedLayer(decl: ts.Node): Layer | undefined {
    if (!isPropertyDeclaration(decl) && !isPropertySignature(decl) && !isGetAccessorDeclaration(decl) && !isParameter(decl)) return undefined;
    const owner = isParameter(decl) ? (isConstructorDeclaration(decl.parent) && isParameterPropertyDeclaration(decl, decl.parent) ? decl.parent.parent : undefined) : decl.parent;
    if (!owner || (!isClassLike(owner) && !isInterfaceDeclaration(owner)) || !owner.heritageClauses) return undefined;
    const name = (decl as ts.NamedDeclaration).name;
    const key = name && ts.isIdentifier(name) ? name.escapedText : undefined;
    if (key === undefined) return undefined;
    for (const base of this.baseTypes(owner)) {
      const prop = this.checker.getPropertyOfType(base, ts.unescapeLeadingUnderscores(key));
      if (!prop || prop.declarations?.includes(decl)) continue;
      const info = this.sourceOfSymbol(prop);
      if (info) return { residency: info.residency, category: info.category, access: info.access };
    }
    return undefined;
  }

  /** The types a class or interface extends or implements (a base class expression such as `PartialType(Dto)` included). */
  private baseTypes(owner: ts.ClassLikeDeclaration | ts.InterfaceDeclaration): ts.Type[] {
    const out: ts.Type[] = [];
    for (const clause of owner.heritageClauses ?? []) {
      for (const t of clause.types) {
        const isClassExtends = isClassLike(owner) && clause.token === ts.SyntaxKind.ExtendsKeyword;
        out.push(isClassExtends ? this.instanceTypeOfBase(t) : this.checker.getTypeAtLocation(t));
      }
    }
    return out;
  }

  /** The instance type a class's `extends` expression constructs. */
  private instanceTypeOfBase(t: ts.ExpressionWithTypeArguments): ts.Type {
    const ctor = this.checker.getTypeAtLocation(t.expression);
    const signature = ctor.getConstructSignatures()[0];
    return signature ? signature.getReturnType() : this.checker.getTypeAtLocation(t);
  }

  /** The tags a member inherits from the interface, class or type literal that declares it. */
  private containerLayer(decl: ts.Node): Layer | undefined {
    const parent = decl.parent;
    if (!parent) return undefined;
    // A constructor parameter property (`constructor(public id: string)`) is a member of the class.
    if (isParameter(decl) && isConstructorDeclaration(parent) && isParameterPropertyDeclaration(decl, parent)) return this.annotations.get(parent.parent);
    if (isInterfaceDeclaration(parent) || isClassLike(parent)) return this.annotations.get(parent);
    if (isTypeLiteralNode(parent)) {
      const holder = aliasHolder(parent) ?? parent.parent;
      if (isTypeAliasDeclaration(holder)) return this.annotations.get(holder);
      if (isPropertySignature(holder) || isPropertyDeclaration(holder)) {
        return this.mergeLayers([this.containerLayer(holder), this.annotations.get(holder)]);
      }
    }
    return undefined;
  }

  private mergeLayers(layers: ReadonlyArray<Layer | undefined>): Layer | undefined {
    let out: { residency?: string; category?: string; access?: readonly string[] } | undefined;
    for (const l of layers) {
      if (!l) continue;
      out = { residency: l.residency ?? out?.residency, category: l.category ?? out?.category, access: l.access ?? out?.access };
    }
    return out;
  }

  /** Tags of an annotated, non-object type alias named by a type node (also inside `T | null`, `T[]` and type arguments). */
  private aliasLayer(typeNode: ts.TypeNode, seen: Set<ts.Node> = new Set()): AliasLayer | undefined {
    if (isUnionTypeNode(typeNode)) {
      for (const t of typeNode.types) {
        const l = this.aliasLayer(t, seen);
        if (l) return l;
      }
      return undefined;
    }
    if (isArrayTypeNode(typeNode)) return this.aliasLayer(typeNode.elementType, seen);
    if (isParenthesizedTypeNode(typeNode)) return this.aliasLayer(typeNode.type, seen);
    if (!isTypeReferenceNode(typeNode)) return undefined;
    const sym = resolveAlias(this.checker, this.checker.getSymbolAtLocation(typeNode.typeName));
    for (const d of sym?.declarations ?? []) {
      // Recursive aliases (`type Json = … | Json[]`) are followed once. An alias of an object type tags its
      // object-literal members instead (its other members follow their own declarations).
      if (!isTypeAliasDeclaration(d) || isTypeLiteralNode(d.type) || seen.has(d) || this.isObjectAlias(d)) continue;
      seen.add(d);
      const ann = this.annotations.get(d);
      if (ann?.residency) return { residency: ann.residency, category: ann.category, access: ann.access, alias: d };
      const inner = this.aliasLayer(d.type, seen);
      if (inner) return inner;
    }
    // A container of an annotated alias of a primitive (`Record<string, Personal>`, `Map<K, Personal>`,
    // `Promise<Personal>`): the alias is erased from the checker's types, so it is read off the type node; the
    // container is that data as a whole (its keys are not: `for (k in d)` and `Object.keys` carry nothing).
    for (const arg of typeNode.typeArguments ?? []) {
      const l = this.aliasLayer(arg, seen);
      if (l) return l;
    }
    return undefined;
  }

  /** Whether an alias denotes an object type (then its tags apply to its members, not to its values as a whole). */
  isObjectAlias(d: ts.TypeAliasDeclaration): boolean {
    let known = this.objectAliases.get(d);
    if (known === undefined) {
      const sym = this.checker.getSymbolAtLocation(d.name);
      known = sym !== undefined && isObjectType(this.checker.getDeclaredTypeOfSymbol(sym));
      this.objectAliases.set(d, known);
    }
    return known;
  }

  private readonly objectAliases = new Map<ts.TypeAliasDeclaration, boolean>();

  private readonly bySymbolType = new Map<ts.Symbol, Taint>();

  /** The labels a value of a symbol's declared type carries (cached per symbol: cheaper than typing an expression). */
  symbolTypeTaint(sym: ts.Symbol): Taint {
    let t = this.bySymbolType.get(sym);
    if (!t) {
      const typeNode = (sym.valueDeclaration as { type?: ts.TypeNode } | undefined)?.type;
      const untagged = sym.flags & (SymbolFlags.Function | SymbolFlags.Method | SymbolFlags.Class | SymbolFlags.Module) || (typeNode && isPrimitiveTypeNode(typeNode));
      t = untagged ? EMPTY : this.typeTaint(this.checker.getTypeOfSymbol(sym));
      this.bySymbolType.set(sym, t);
    }
    return t;
  }

  /** Whether a declaration comes from the default library (lib.*.d.ts). */
  isLibraryDeclaration(decl: ts.Node): boolean {
    const sf = decl.getSourceFile();
    let lib = this.libraryFiles.get(sf);
    if (lib === undefined) this.libraryFiles.set(sf, (lib = this.program.isSourceFileDefaultLibrary(sf)));
    return lib;
  }

  private readonly libraryFiles = new Map<ts.SourceFile, boolean>();

  /** The labels a value of this type carries as a whole: its annotated members, field by field. */
  typeTaint(type: ts.Type, depth = 0): Taint {
    if (depth > MAX_TYPE_DEPTH || type.flags & NOT_OBJECT) return EMPTY;
    const cached = this.byType.get(type);
    if (cached) return cached;
    if (this.visiting.has(type)) return EMPTY;
    this.visiting.add(type);
    let result: Taint;
    try {
      result = this.computeTypeTaint(type, depth);
    } finally {
      this.visiting.delete(type);
    }
    if (depth === 0) this.byType.set(type, result);
    return result;
  }

  private computeTypeTaint(type: ts.Type, depth: number): Taint {
    if (type.isUnionOrIntersection()) return this.joinTypes(type.types, depth, false);
    if (!(type.flags & TypeFlags.Object)) return EMPTY;
    if (this.checker.isArrayType(type) && depth === 0) {
      // Elements field by field: `users[0].provider` reads the element's `provider` only (arrays nested in
      // members are flattened like other containers: their trees would multiply with every level).
      const element = this.typeTaint(this.checker.getTypeArguments(type as ts.TypeReference)[0], depth + 1);
      return isEmpty(element) ? EMPTY : { labels: [], fields: new Map([[ELEMENT, element]]) };
    }
    const awaited = this.promisedType(type);
    // A promise carries what it resolves to, field by field (`(await repo.find()).id`).
    if (awaited) return this.typeTaint(awaited, depth);
    if (this.checker.isTupleType(type) || this.isLibraryType(type)) {
      const args = this.checker.getTypeArguments(type as ts.TypeReference);
      return this.joinTypes(args, depth, true);
    }
    const fields = new Map<string, Taint>();
    for (const prop of this.checker.getPropertiesOfType(type)) {
      if (prop.flags & (SymbolFlags.Method | SymbolFlags.Function)) continue;
      const src = this.sourceOfSymbol(prop);
      if (src) {
        fields.set(prop.name, { labels: [{ kind: 'source', source: src, transform: {}, hops: [] }] });
        continue;
      }
      if (depth < MAX_TYPE_DEPTH && (prop.declarations?.length ?? 0) > 0) {
        const nested = this.typeTaint(this.checker.getTypeOfSymbol(prop), depth + 1);
        if (nested.labels.length > 0 || nested.fields) fields.set(prop.name, nested);
      }
    }
    let labels: readonly Label[] = [];
    for (const info of this.checker.getIndexInfosOfType(type)) labels = [...labels, ...flatten(this.typeTaint(info.type, depth + 1))];
    if (fields.size === 0) return labels.length > 0 ? { labels } : EMPTY;
    return { labels, fields };
  }

  private joinTypes(types: readonly ts.Type[], depth: number, asElements: boolean): Taint {
    let labels: Label[] = [];
    let fields: Map<string, Taint> | undefined;
    for (const t of types) {
      const tt = this.typeTaint(t, depth + 1);
      if (asElements) {
        labels = labels.concat(flatten(tt));
        continue;
      }
      labels = labels.concat(tt.labels);
      for (const [k, v] of tt.fields ?? []) (fields ??= new Map()).set(k, v);
    }
    if (labels.length === 0 && !fields) return EMPTY;
    const unique = [...new Map(labels.map((l) => [l.kind === 'source' ? l.source.key : String(l.index), l])).values()];
    return fields ? { labels: unique, fields } : { labels: unique };
  }

  /** `T` of a `Promise<T>` or `PromiseLike<T>` of the default library. */
  private promisedType(type: ts.Type): ts.Type | undefined {
    const name = type.getSymbol()?.escapedName;
    if (name !== 'Promise' && name !== 'PromiseLike') return undefined;
    if (!this.isLibraryType(type)) return undefined;
    return this.checker.getTypeArguments(type as ts.TypeReference)[0];
  }

  /** Generic containers declared in the default library (Map, Set, Promise, ReadonlyArray…). */
  private isLibraryType(type: ts.Type): boolean {
    const decls = type.getSymbol()?.declarations;
    if (!decls || decls.length === 0) return false;
    return decls.every((d) => this.program.isSourceFileDefaultLibrary(d.getSourceFile()));
  }
}

/**
 * RG013 for `@residency` on a workspace alias of an object type without object-literal parts
 * (`type Account = AccountRecord`): its members follow their own declarations, so the tag binds to nothing.
 */
export function objectAliasProblems(annotations: ReadonlyMap<ts.Node, Annotation>, sources: SourceResolver, workspace: ReadonlySet<string>, lang: Lang): Problem[] {
  const out: Problem[] = [];
  for (const [node, ann] of annotations) {
    if (!isTypeAliasDeclaration(node) || !ann.residency || ann.residency === 'unrestricted') continue;
    if (!workspace.has(node.getSourceFile().fileName) || hasObjectLiteralPart(node.type) || !sources.isObjectAlias(node)) continue;
    const tag = ann.tags.find((t) => t.name === 'residency');
    out.push({
      kind: 'annotation', code: PROBLEM_CODES.tagWithoutEffect, severity: 'warning', location: tag?.loc ?? ann.commentLoc,
      message: problemMessage(lang, 'objectAliasResidency', { alias: node.name.text }),
    });
  }
  return out;
}

function hasObjectLiteralPart(type: ts.TypeNode): boolean {
  if (isTypeLiteralNode(type)) return true;
  if (isIntersectionTypeNode(type) || isUnionTypeNode(type)) return type.types.some(hasObjectLiteralPart);
  return isParenthesizedTypeNode(type) && hasObjectLiteralPart(type.type);
}

/** An object type, or an intersection or union of object types (not a primitive, branded or not). */
function isObjectType(type: ts.Type): boolean {
  if (type.isUnionOrIntersection()) return type.types.every(isObjectType);
  return (type.flags & TypeFlags.Object) !== 0;
}
