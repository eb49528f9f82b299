/**
 * Sources by symbol (SPEC §6.1): decides through the type checker whether a declaration is personal data
 * (its own tags, the tags of the type that declares it, or the tags of an annotated type alias it is
 * declared with), and what labels a value of a given type carries when it flows as a whole.
 */
import ts = require('typescript');
import type { Annotation } from '../annotations/types';
import { EMPTY, flatten, type Label, type SourceInfo, type Taint } from './labels';
import { displayName, isPrimitiveTypeNode, locOf, resolveAlias } from './nodes';

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { SymbolFlags, TypeFlags, isArrayTypeNode, isClassLike, isConstructorDeclaration, isFunctionLike, isInterfaceDeclaration, isParameter, isParameterPropertyDeclaration, isParenthesizedTypeNode, isPropertyDeclaration, isPropertySignature, isTypeAliasDeclaration, isTypeLiteralNode, isTypeReferenceNode, isUnionTypeNode } = ts;

export interface AnnotationLookup {
  get(node: ts.Node): Annotation | undefined;
}

interface Layer {
  readonly residency?: string;
  readonly category?: string;
  readonly access?: readonly string[];
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
  ) {}

  /** The source a symbol stands for (a property, variable, parameter or accessor), if it is one. */
  sourceOfSymbol(symbol: ts.Symbol | undefined): SourceInfo | undefined {
    const sym = resolveAlias(this.checker, symbol);
    if (!sym) return undefined;
    const cached = this.bySymbol.get(sym);
    if (cached !== undefined) return cached ?? undefined;
    let info: SourceInfo | undefined;
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
    return this.makeInfo(decl, [layer]);
  }

  private sourceOfDeclaration(decl: ts.Node): SourceInfo | undefined {
    const layers: Layer[] = [];
    const container = this.containerLayer(decl);
    if (container) layers.push(container);
    const typeNode = (decl as { type?: ts.TypeNode }).type;
    if (typeNode && !isFunctionLike(decl)) {
      const alias = this.aliasLayer(typeNode);
      if (alias) layers.push(alias);
    }
    const own = this.annotations.get(decl);
    if (own) layers.push(own);
    return this.makeInfo(decl, layers);
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
    return {
      key: `${sf.fileName}:${decl.getStart(sf)}`,
      symbol: displayName(decl),
      category: category ?? 'personal',
      residency,
      access: access ?? ['internal-jp'],
      loc: locOf(decl, sf),
    };
  }

  /** The tags a member inherits from the interface, class or type literal that declares it. */
  private containerLayer(decl: ts.Node): Layer | undefined {
    const parent = decl.parent;
    if (!parent) return undefined;
    // A constructor parameter property (`constructor(public id: string)`) is a member of the class.
    if (isParameter(decl) && isConstructorDeclaration(parent) && isParameterPropertyDeclaration(decl, parent)) return this.annotations.get(parent.parent);
    if (isInterfaceDeclaration(parent) || isClassLike(parent)) return this.annotations.get(parent);
    if (isTypeLiteralNode(parent)) {
      const holder = parent.parent;
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

  /** Tags of an annotated, non-object type alias named by a type node (also inside `T | null` and `T[]`). */
  private aliasLayer(typeNode: ts.TypeNode, seen: Set<ts.Node> = new Set()): Layer | undefined {
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
      // Recursive aliases (`type Json = … | Json[]`) are followed once.
      if (!isTypeAliasDeclaration(d) || isTypeLiteralNode(d.type) || seen.has(d)) continue;
      seen.add(d);
      const ann = this.annotations.get(d);
      if (ann?.residency) return ann;
      const inner = this.aliasLayer(d.type, seen);
      if (inner) return inner;
    }
    return undefined;
  }

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
    if (this.checker.isArrayType(type) || this.checker.isTupleType(type) || this.isLibraryType(type)) {
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

  /** Generic containers declared in the default library (Map, Set, Promise, ReadonlyArray…). */
  private isLibraryType(type: ts.Type): boolean {
    const decls = type.getSymbol()?.declarations;
    if (!decls || decls.length === 0) return false;
    return decls.every((d) => this.program.isSourceFileDefaultLibrary(d.getSourceFile()));
  }
}
