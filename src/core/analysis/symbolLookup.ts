/**
 * Symbol resolution for the flow analysis, cheaper than asking the TypeChecker every time. The analysis asks
 * for the symbol of nearly every identifier it reads, and TypeScript resolves a name by walking scopes on
 * each call. Here:
 * - a name read inside a function is looked up in the scopes the binder built (`locals` of blocks, loops,
 *   catch clauses and function bodies); every case where TypeScript's rules differ from that plain walk
 *   (parameter initializers, named function and class expressions, `arguments`, namespaces, enums, `with`,
 *   decorators, class property initializers) is left to the checker;
 * - a name that no enclosing function declares resolves the same anywhere in its file, so the checker's
 *   answer is kept per file and name;
 * - a member `a.name` is looked up in the written-down type of `a` when it has one (see memberSymbol);
 * - a named import resolves to its module's own export, the module resolved once per directory (aliasTarget);
 * - a plain type name resolves once per file: to what the module declares or imports by name (typeNameSymbol),
 *   its type to that declaration's type (namedType);
 * - every other answer is kept per node, for the loop bodies and closures the analysis reads more than once.
 * The result is a TypeChecker whose getSymbolAtLocation answers from these; everything else is the checker's.
 */
import ts = require('typescript');
import { skipOuterExpressions, skipParenthesesAndNonNull } from './nodes';
import { TYPESCRIPT_LIB_DIRECTORY } from './program';

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { ModifierFlags, SymbolFlags, SyntaxKind, TypeFlags, getCombinedModifierFlags, isClassExpression, isClassLike, isFunctionExpression, isFunctionLike } = ts;

type Locals = ReadonlyMap<ts.__String, ts.Symbol>;

/** Parents under which an identifier is read as a value (getSymbolAtLocation resolves it as a Value). */
const VALUE_PARENTS = new Set<ts.SyntaxKind>([
  SyntaxKind.BinaryExpression, SyntaxKind.CallExpression, SyntaxKind.NewExpression, SyntaxKind.ElementAccessExpression,
  SyntaxKind.ConditionalExpression, SyntaxKind.ReturnStatement, SyntaxKind.ExpressionStatement, SyntaxKind.ArrayLiteralExpression,
  SyntaxKind.SpreadElement, SyntaxKind.SpreadAssignment, SyntaxKind.TemplateSpan, SyntaxKind.PrefixUnaryExpression,
  SyntaxKind.PostfixUnaryExpression, SyntaxKind.ParenthesizedExpression, SyntaxKind.AwaitExpression, SyntaxKind.IfStatement,
  SyntaxKind.WhileStatement, SyntaxKind.DoStatement, SyntaxKind.SwitchStatement, SyntaxKind.CaseClause, SyntaxKind.ThrowStatement,
  SyntaxKind.TypeOfExpression, SyntaxKind.VoidExpression, SyntaxKind.DeleteExpression, SyntaxKind.YieldExpression,
  SyntaxKind.NonNullExpression,
]);

/** Parents whose `expression` (or `initializer`) child is read as a value. */
const VALUE_CHILD = new Map<ts.SyntaxKind, 'expression' | 'initializer' | 'body'>([
  [SyntaxKind.PropertyAccessExpression, 'expression'], [SyntaxKind.AsExpression, 'expression'],
  [SyntaxKind.SatisfiesExpression, 'expression'], [SyntaxKind.TypeAssertionExpression, 'expression'],
  [SyntaxKind.ForOfStatement, 'expression'], [SyntaxKind.ForInStatement, 'expression'],
  [SyntaxKind.VariableDeclaration, 'initializer'], [SyntaxKind.PropertyAssignment, 'initializer'],
  [SyntaxKind.ArrowFunction, 'body'],
]);

/** Scopes whose name rules a plain `locals` walk does not follow. */
const SPECIAL_SCOPES = new Set<ts.SyntaxKind>([
  SyntaxKind.ModuleDeclaration, SyntaxKind.ModuleBlock, SyntaxKind.EnumDeclaration, SyntaxKind.WithStatement,
  SyntaxKind.Decorator, SyntaxKind.PropertyDeclaration, SyntaxKind.ExpressionWithTypeArguments,
]);

/** The name of a class's constructor in its members table. */
const CONSTRUCTOR = '__constructor' as ts.__String;

/** Symbols whose declared type a reference by plain name denotes (with no type parameters). */
const NAMED_TYPES = SymbolFlags.Interface | SymbolFlags.Class | SymbolFlags.TypeAlias;

/** What a scope (block, function, module) declares under a name, from the binder's table. */
function localSymbol(scope: ts.Node, name: ts.__String): ts.Symbol | undefined {
  return (scope as unknown as { locals?: Locals }).locals?.get(name);
}

/** The type itself when it is an object type (interface, class, type literal, instantiated generic), not a union or a type parameter. */
function plainObject(type: ts.Type): ts.Type | undefined {
  return type.flags & TypeFlags.Object ? type : undefined;
}

/**
 * The file of a type name when no enclosing declaration declares that name as a type parameter or a local
 * type (and no namespace intervenes); undefined otherwise.
 */
function fileOfUnshadowedTypeName(node: ts.Node, name: ts.__String): ts.SourceFile | undefined {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (cur.kind === SyntaxKind.SourceFile) return cur as ts.SourceFile;
    if (cur.kind === SyntaxKind.ModuleDeclaration || cur.kind === SyntaxKind.ModuleBlock) return undefined;
    const params = (cur as { typeParameters?: ts.NodeArray<ts.TypeParameterDeclaration> }).typeParameters;
    if (params?.some((p) => p.name.escapedText === name)) return undefined;
    const local = localSymbol(cur, name);
    if (local && local.flags & SymbolFlags.Type) return undefined;
  }
  return undefined;
}

/**
 * Where the binder's scopes say a value name is declared: the symbol a function, block or loop declares it
 * as; the source file when nothing inside it does (the name is module-level, imported or global); undefined
 * when TypeScript's rules differ from the plain walk and the checker must answer.
 */
function lexicalValue(id: ts.Identifier): { kind: ts.SyntaxKind.Identifier; symbol: ts.Symbol } | ts.SourceFile | undefined {
  const name = id.escapedText;
  if (name === 'arguments') return undefined;
  let from: ts.Node = id;
  for (let scope = id.parent; scope; from = scope, scope = scope.parent) {
    if (SPECIAL_SCOPES.has(scope.kind) || enteredFromSignature(scope, from)) return undefined;
    if (scope.kind === SyntaxKind.SourceFile) return scope as ts.SourceFile;
    const sym = localSymbol(scope, name);
    if (sym && sym.flags & SymbolFlags.Value) return { kind: SyntaxKind.Identifier, symbol: sym };
    if (selfName(scope) === id.text) return undefined;
  }
  return undefined;
}

/**
 * Whether a declaration is in one of TypeScript's own declaration files: they declare no function bodies,
 * and their types name nothing of the workspace (whose augmentations are declarations of their own).
 */
function inDefaultLibrary(d: ts.Declaration): boolean {
  const sf = d.getSourceFile();
  return sf.isDeclarationFile && sf.fileName.startsWith(TYPESCRIPT_LIB_DIRECTORY);
}

/** The class whose (non-static) member `this` is in (arrow functions see through), when it has a symbol. */
function thisClass(node: ts.Node): ts.Symbol | undefined {
  let fn = node.parent;
  while (fn && (fn.kind === SyntaxKind.ArrowFunction || !isFunctionLike(fn)) && !isClassLike(fn) && fn.kind !== SyntaxKind.SourceFile) fn = fn.parent;
  if (!fn || !isFunctionLike(fn) || !fn.parent || !isClassLike(fn.parent)) return undefined;
  if ((getCombinedModifierFlags(fn as ts.Declaration) & ModifierFlags.Static) !== 0) return undefined;
  return (fn.parent as unknown as { symbol?: ts.Symbol }).symbol;
}

/** A symbol whose merged symbol is itself (the checker's getMergedSymbol returns it unchanged). */
function unmerged(sym: ts.Symbol | undefined): ts.Symbol | undefined {
  return sym && !(sym as { mergeId?: number }).mergeId ? sym : undefined;
}

/** The symbol a variable, parameter or binding element declares, for its name (what the checker answers). */
function declaredSymbol(id: ts.Identifier): ts.Symbol | undefined {
  const p = id.parent;
  if (!p || (p.kind !== SyntaxKind.Parameter && p.kind !== SyntaxKind.VariableDeclaration && p.kind !== SyntaxKind.BindingElement)) return undefined;
  if ((p as ts.ParameterDeclaration).name !== id) return undefined;
  return unmerged((p as unknown as { symbol?: ts.Symbol }).symbol);
}

/**
 * A name a module declares for itself without exporting it, or imports: the symbol the checker finds
 * first, in the module's own scope (exported declarations and script files are left to the checker).
 */
function moduleLocal(sf: ts.SourceFile, name: ts.__String): ts.Symbol | undefined {
  if (!ts.isExternalModule(sf)) return undefined;
  const sym = unmerged(localSymbol(sf, name));
  if (!sym || sym.flags & SymbolFlags.ExportValue) return undefined;
  if (sym.flags & SymbolFlags.Alias) return sym.declarations?.some(isTypeOnlyImport) ? undefined : sym;
  return sym.flags & SymbolFlags.Value ? sym : undefined;
}

function isTypeOnlyImport(d: ts.Declaration): boolean {
  for (let cur: ts.Node | undefined = d; cur; cur = cur.parent) {
    if (ts.isImportSpecifier(cur) && cur.isTypeOnly) return true;
    if (ts.isImportClause(cur)) return cur.isTypeOnly;
    if (cur.kind === SyntaxKind.SourceFile) return false;
  }
  return false;
}

function isValueRead(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if (VALUE_PARENTS.has(p.kind)) return true;
  const child = VALUE_CHILD.get(p.kind);
  return child !== undefined && (p as unknown as Record<string, ts.Node | undefined>)[child] === id;
}

/** Whether a scope node is a function entered from somewhere other than its body (parameters, types). */
function enteredFromSignature(scope: ts.Node, from: ts.Node): boolean {
  return isFunctionLike(scope) && (scope as ts.FunctionLikeDeclaration).body !== from;
}

/** The function-expression or class-expression name a scope binds for its own body. */
function selfName(scope: ts.Node): string | undefined {
  if ((isFunctionExpression(scope) || isClassExpression(scope)) && scope.name) return scope.name.text;
  return undefined;
}

export class SymbolLookup {
  private readonly byNode = new Map<ts.Node, ts.Symbol | undefined>();
  private readonly byFileName = new Map<ts.SourceFile, Map<ts.__String, ts.Symbol | undefined>>();
  private readonly typeOfNode = new Map<ts.TypeNode, ts.Type>();
  private readonly typesByFileName = new Map<ts.SourceFile, Map<ts.__String, ts.Type>>();
  private readonly typeNamesByFile = new Map<ts.SourceFile, Map<ts.__String, ts.Symbol | undefined>>();
  private readonly modules = new Map<string, ReadonlyMap<ts.__String, ts.Symbol> | undefined>();
  private readonly aliases = new Map<ts.Symbol, ts.Symbol>();
  private readonly exportsBySpecifier = new Map<ts.StringLiteral, ReadonlyMap<ts.__String, ts.Symbol> | undefined>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** A TypeChecker whose getSymbolAtLocation and getAliasedSymbol go through this lookup. */
  wrap(): ts.TypeChecker {
    const fast = Object.create(this.checker) as ts.TypeChecker;
    fast.getSymbolAtLocation = (node) => this.symbolAt(node);
    fast.getAliasedSymbol = (alias) => this.aliasTarget(alias);
    fast.getShorthandAssignmentValueSymbol = (node) =>
      (node?.kind === SyntaxKind.ShorthandPropertyAssignment ? this.shorthandValue(node as ts.ShorthandPropertyAssignment) : this.checker.getShorthandAssignmentValueSymbol(node));
    return fast;
  }

  /**
   * What an import binding stands for (once per binding). A named import (type-only too) of something its
   * module declares and exports itself is that export, found in the module's export table (the module
   * resolved once per directory and specifier, not once per importing file); re-exports, `export =` and
   * default imports are left to the checker.
   */
  aliasTarget(alias: ts.Symbol): ts.Symbol {
    let target = this.aliases.get(alias);
    if (!target) {
      const spec = alias.declarations?.length === 1 ? alias.declarations[0] : undefined;
      target = (spec ? this.namedImportTarget(spec) : undefined) ?? this.checker.getAliasedSymbol(alias);
      this.aliases.set(alias, target);
    }
    return target;
  }

  /** What `import { name } from 'm'` (type-only or not) binds, when module `m` declares and exports `name` itself. */
  private namedImportTarget(spec: ts.Declaration): ts.Symbol | undefined {
    const decl = spec.kind === SyntaxKind.ImportSpecifier ? spec.parent?.parent?.parent : undefined;
    if (decl?.kind !== SyntaxKind.ImportDeclaration) return undefined;
    const moduleSpecifier = (decl as ts.ImportDeclaration).moduleSpecifier;
    const name = (spec as ts.ImportSpecifier).propertyName ?? (spec as ts.ImportSpecifier).name;
    if (!ts.isStringLiteral(moduleSpecifier) || name.kind !== SyntaxKind.Identifier) return undefined;
    const target = unmerged(this.moduleExports(moduleSpecifier)?.get(name.escapedText));
    return target && !(target.flags & SymbolFlags.Alias) ? target : undefined;
  }

  /** The symbols a module exports itself (undefined for `export =` modules and unresolved ones). */
  private moduleExports(specifier: ts.StringLiteral): ReadonlyMap<ts.__String, ts.Symbol> | undefined {
    if (this.exportsBySpecifier.has(specifier)) return this.exportsBySpecifier.get(specifier);
    const usable = this.exportsByDirectory(specifier);
    this.exportsBySpecifier.set(specifier, usable);
    return usable;
  }

  private exportsByDirectory(specifier: ts.StringLiteral): ReadonlyMap<ts.__String, ts.Symbol> | undefined {
    const sf = specifier.getSourceFile();
    const key = `${sf.fileName.slice(0, sf.fileName.lastIndexOf('/'))}\u0000${specifier.text}`;
    if (this.modules.has(key)) return this.modules.get(key);
    const exports = unmerged(this.checker.getSymbolAtLocation(specifier))?.exports as ReadonlyMap<ts.__String, ts.Symbol> | undefined;
    const usable = exports && !exports.has('export=' as ts.__String) ? exports : undefined;
    this.modules.set(key, usable);
    return usable;
  }

  symbolAt(node: ts.Node): ts.Symbol | undefined {
    if (node.kind === SyntaxKind.Identifier) {
      const p = node.parent;
      if (p?.kind === SyntaxKind.PropertyAccessExpression && (p as ts.PropertyAccessExpression).name === node) return this.memberSymbol(p as ts.PropertyAccessExpression);
      if (isValueRead(node as ts.Identifier)) return this.valueSymbol(node as ts.Identifier);
      if (p?.kind === SyntaxKind.TypeReference && (p as ts.TypeReferenceNode).typeName === node) return this.typeNameSymbol(node as ts.Identifier);
      const declared = declaredSymbol(node as ts.Identifier);
      if (declared) return declared;
    }
    return this.memo(node);
  }

  /**
   * The member `a.name` names. When the receiver's type is written down (a variable or parameter with a type
   * annotation, `this` in an instance member of a class, or `this.p` for a property `p` the class declares
   * with a type) the member is looked up in that type, which
   * spares the checker typing the receiver and narrowing it along the control flow; otherwise, or when the
   * declared type is not a plain object type, the checker answers.
   */
  private memberSymbol(access: ts.PropertyAccessExpression): ts.Symbol | undefined {
    if (this.byNode.has(access.name)) return this.byNode.get(access.name);
    // Not through `as`/`<T>`: an asserted receiver has the asserted type, not the written-down one.
    const recv = skipParenthesesAndNonNull(access.expression);
    const own = recv.kind === SyntaxKind.ThisKeyword ? this.ownClassMember(recv, access.name.escapedText) : undefined;
    if (own) {
      this.byNode.set(access.name, own);
      return own;
    }
    const type = this.declaredTypeOf(recv);
    const declared = type && this.checker.getPropertyOfType(type, access.name.text);
    const sym = declared ?? this.checker.getSymbolAtLocation(access.name);
    this.byNode.set(access.name, sym);
    return sym;
  }

  /** The written-down object type of an expression (a typed variable or parameter, `this` in a class), when it has one. */
  declaredTypeOf(recv: ts.Expression): ts.Type | undefined {
    let typeNode: ts.TypeNode | undefined;
    if (recv.kind === SyntaxKind.ThisKeyword) return this.thisType(recv);
    if (recv.kind === SyntaxKind.Identifier) {
      const decl = this.symbolAt(recv)?.valueDeclaration;
      if (decl && (decl.kind === SyntaxKind.Parameter || decl.kind === SyntaxKind.VariableDeclaration) && !(decl as ts.ParameterDeclaration).questionToken) {
        typeNode = (decl as ts.ParameterDeclaration | ts.VariableDeclaration).type;
      }
    } else if (recv.kind === SyntaxKind.PropertyAccessExpression && (recv as ts.PropertyAccessExpression).expression.kind === SyntaxKind.ThisKeyword) {
      // `this.repo.find`: the class's own property (or constructor parameter property) written down with a type.
      const access = recv as ts.PropertyAccessExpression;
      const decl = this.ownClassMember(access.expression, access.name.escapedText)?.valueDeclaration;
      if (decl && (decl.kind === SyntaxKind.PropertyDeclaration || decl.kind === SyntaxKind.Parameter) && !(decl as ts.PropertyDeclaration).questionToken) {
        typeNode = (decl as ts.PropertyDeclaration | ts.ParameterDeclaration).type;
      }
    }
    if (!typeNode || (typeNode.kind !== SyntaxKind.TypeReference && typeNode.kind !== SyntaxKind.TypeLiteral)) return undefined;
    return plainObject(this.typeOfTypeNode(typeNode));
  }

  /**
   * The type a type node denotes. A plain name (`User`, no type arguments) that nothing between it and its
   * file declares as a type resolves the same anywhere in the file: it is resolved once per file and name.
   */
  typeOfTypeNode(typeNode: ts.TypeNode): ts.Type {
    let type = this.typeOfNode.get(typeNode);
    if (type) return type;
    const ref = typeNode as ts.TypeReferenceNode;
    // `x as const` is a type reference named `const` whose type is the expression's: never shared by name.
    const sf = typeNode.kind === SyntaxKind.TypeReference && !ref.typeArguments && ref.typeName.kind === SyntaxKind.Identifier && ref.typeName.escapedText !== 'const'
      ? fileOfUnshadowedTypeName(typeNode, ref.typeName.escapedText) : undefined;
    if (sf) {
      let names = this.typesByFileName.get(sf);
      if (!names) this.typesByFileName.set(sf, (names = new Map()));
      const name = (ref.typeName as ts.Identifier).escapedText;
      type = names.get(name);
      if (!type) names.set(name, (type = this.namedType(sf, name) ?? this.checker.getTypeFromTypeNode(typeNode)));
    } else type = this.checker.getTypeFromTypeNode(typeNode);
    this.typeOfNode.set(typeNode, type);
    return type;
  }

  /**
   * The type a plain type name denotes in a module when the module declares it or imports it by name from a
   * module that declares it: an interface, class or type alias without type parameters is its declared type
   * (what a reference to it resolves to). Undefined, for the checker to answer, in every other case.
   */
  private namedType(sf: ts.SourceFile, name: ts.__String): ts.Type | undefined {
    const named = this.moduleTypeName(sf, name);
    const sym = named && named.flags & SymbolFlags.Alias ? this.aliasTarget(named) : named;
    if (!sym || !(sym.flags & NAMED_TYPES) || sym.flags & ~(NAMED_TYPES | SymbolFlags.Value)) return undefined;
    const generic = sym.declarations?.some((d) => (d as { typeParameters?: ts.NodeArray<ts.TypeParameterDeclaration> }).typeParameters?.length);
    return generic || !sym.declarations?.length ? undefined : this.checker.getDeclaredTypeOfSymbol(sym);
  }

  /** The symbol a plain type name (`User` in `u: User`) names: once per file and name when nothing in between declares it. */
  private typeNameSymbol(id: ts.Identifier): ts.Symbol | undefined {
    if (this.byNode.has(id)) return this.byNode.get(id);
    const sf = fileOfUnshadowedTypeName(id.parent, id.escapedText);
    if (!sf) return this.memo(id);
    let names = this.typeNamesByFile.get(sf);
    if (!names) this.typeNamesByFile.set(sf, (names = new Map()));
    let sym: ts.Symbol | undefined;
    if (names.has(id.escapedText)) sym = names.get(id.escapedText);
    else names.set(id.escapedText, (sym = this.moduleTypeName(sf, id.escapedText) ?? this.checker.getSymbolAtLocation(id)));
    this.byNode.set(id, sym);
    return sym;
  }

  /**
   * A type name a module declares or imports by name: the local declaration, the import binding (when its
   * target is a type) or, for a declaration the module exports, the exported symbol. Undefined when the
   * checker must answer.
   */
  private moduleTypeName(sf: ts.SourceFile, name: ts.__String): ts.Symbol | undefined {
    if (!ts.isExternalModule(sf)) return undefined;
    const local = unmerged(localSymbol(sf, name));
    if (!local) return undefined;
    if (local.flags & SymbolFlags.Alias) {
      const target = local.declarations?.length === 1 ? this.namedImportTarget(local.declarations[0]) : undefined;
      return target && target.flags & SymbolFlags.Type ? local : undefined;
    }
    if (local.flags & SymbolFlags.Type) return local;
    // A declaration the module exports has a local stand-in; the name resolves to the exported symbol.
    const exported = local.flags & ~SymbolFlags.ExportValue ? undefined : unmerged((local as { exportSymbol?: ts.Symbol }).exportSymbol);
    return exported && exported.flags & SymbolFlags.Type ? exported : undefined;
  }

  /**
   * The constructor `new C(…)` runs, when `C` names a class declared in the program: its one constructor
   * declaration (what the checker's resolved signature names: with overloads or without a body, no
   * declaration with a body), or none for a class that declares no constructor and extends nothing, or for a
   * constructor of the ES library. Undefined when the checker must resolve the signature (base-class
   * constructors, abstract classes, anything else).
   */
  classConstructor(e: ts.NewExpression): { readonly declaration: ts.Declaration | undefined } | undefined {
    const callee = skipOuterExpressions(e.expression);
    if (callee.kind !== SyntaxKind.Identifier) return undefined;
    let cls = this.symbolAt(callee);
    if (cls && cls.flags & SymbolFlags.Alias) cls = this.aliasTarget(cls);
    // A constructor the ES library declares (`new Map()`): its signatures have no body.
    if (cls?.declarations?.length && cls.declarations.every(inDefaultLibrary)) return { declaration: undefined };
    cls = unmerged(cls);
    const decl = cls && cls.flags & SymbolFlags.Class ? cls.valueDeclaration : undefined;
    if (!decl || !isClassLike(decl) || cls?.declarations?.some((d) => isClassLike(d) && d !== decl)) return undefined;
    if (getCombinedModifierFlags(decl) & ModifierFlags.Abstract) return undefined;
    const ctors = cls?.members?.get(CONSTRUCTOR)?.declarations ?? [];
    if (ctors.length === 0) return decl.heritageClauses?.some((h) => h.token === SyntaxKind.ExtendsKeyword) ? undefined : { declaration: undefined };
    return { declaration: ctors.length === 1 && (ctors[0] as ts.ConstructorDeclaration).body ? ctors[0] : undefined };
  }

  /** The instance type of the class whose (non-static) member `this` is in; arrow functions see through. */
  private thisType(node: ts.Node): ts.Type | undefined {
    const cls = thisClass(node);
    return cls ? plainObject(this.checker.getDeclaredTypeOfSymbol(cls)) : undefined;
  }

  /**
   * `this.name` where the class declares `name` itself: that member's symbol, which is what the checker finds
   * in the class's declared type (own members come first, uninstantiated), without resolving the whole type.
   */
  private ownClassMember(node: ts.Node, name: ts.__String): ts.Symbol | undefined {
    const member = unmerged(thisClass(node))?.members?.get(name);
    return member && !(member.flags & SymbolFlags.Transient) ? member : undefined;
  }

  private memo(node: ts.Node): ts.Symbol | undefined {
    if (this.byNode.has(node)) return this.byNode.get(node);
    const sym = this.checker.getSymbolAtLocation(node);
    this.byNode.set(node, sym);
    return sym;
  }

  /** The symbol an identifier read as a value names. */
  private valueSymbol(id: ts.Identifier): ts.Symbol | undefined {
    const found = lexicalValue(id);
    if (!found) return this.memo(id);
    return found.kind === SyntaxKind.SourceFile ? this.fileLevel(found, id) : found.symbol;
  }

  /** The value `{ name }` (a shorthand property) reads: what the checker's getShorthandAssignmentValueSymbol answers. */
  private shorthandValue(p: ts.ShorthandPropertyAssignment): ts.Symbol | undefined {
    const found = lexicalValue(p.name);
    const sym = !found ? undefined : found.kind === SyntaxKind.SourceFile ? moduleLocal(found, p.name.escapedText) : found.symbol;
    return sym ?? this.checker.getShorthandAssignmentValueSymbol(p);
  }

  /** A name no enclosing function declares: resolved by the checker once per file. */
  private fileLevel(sf: ts.SourceFile, id: ts.Identifier): ts.Symbol | undefined {
    let names = this.byFileName.get(sf);
    if (!names) this.byFileName.set(sf, (names = new Map()));
    if (names.has(id.escapedText)) return names.get(id.escapedText);
    const sym = moduleLocal(sf, id.escapedText) ?? this.checker.getSymbolAtLocation(id);
    names.set(id.escapedText, sym);
    return sym;
  }
}

