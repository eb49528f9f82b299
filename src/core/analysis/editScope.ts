/**
 * How far an edit of a file can reach (incremental runs). An edit that only adds or removes blank lines or plain
 * comments changes nothing another file reads but positions. An edit confined to the statements of one
 * function's body changes what that function does, which its callers see through its summary; it changes no
 * declaration, type written down, annotation or module-level code that other files read. Such an edit sends
 * the file's direct importers to the next pass, and further importers only through interfaces that changed
 * (ARCHITECTURE.md, incremental runs); any other edit sends every file importing the edited one, directly or
 * not.
 */
import ts = require('typescript');
import { isFunctionWithBody } from './nodes';

/** What an edit replaced: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
export interface TextSpanChange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** The edited span: the text between the common prefix and the common suffix of the two versions. */
export function changedSpan(before: string, after: string): TextSpanChange {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/**
 * Whether the edit from `before` to `after` lies inside the braces of the same function body in both versions,
 * and the function's callers see the same return type (`sameReturn`: written down, or inferred alike before
 * and after). Sources are named by their place in the tree, not their position (nodes.ts `treePath`), so
 * annotated declarations after the edit keep their identity; results of other files that still name this
 * file's old nodes are located through `NodeLocations`.
 */
export function isBodyOnlyEdit(
  before: ts.SourceFile, after: ts.SourceFile,
  sameReturn: (before: ts.FunctionLikeDeclaration, after: ts.FunctionLikeDeclaration) => boolean,
): boolean {
  const span = changedSpan(before.text, after.text);
  if (span.start === span.oldEnd && span.start === span.newEnd) return true;
  // Only blank lines or plain comments added or removed between tokens: nothing any file reads changed.
  if (inTrivia(before, span.start, span.oldEnd) && inTrivia(after, span.start, span.newEnd)) return true;
  const oldBody = enclosingBody(before, span.start, span.oldEnd);
  const newBody = enclosingBody(after, span.start, span.newEnd);
  if (!oldBody || !newBody) return false;
  // The same function: its start, before the edit, is where it was.
  if (oldBody.fn.pos !== newBody.fn.pos || oldBody.fn.kind !== newBody.fn.kind) return false;
  if (mayDeclareMembers(after, newBody.fn)) return false;
  return hasWrittenReturnType(newBody.fn) || sameReturn(oldBody.fn, newBody.fn);
}

/**
 * Whether a function body may declare what other code sees: in JavaScript, `this.x = …` in any function makes a
 * member of its class (and `exports.x = …` an export); in TypeScript, a constructor's assignments give the types
 * of the properties declared without a type or an initializer (noImplicitAny).
 */
function mayDeclareMembers(sf: ts.SourceFile, fn: ts.FunctionLikeDeclaration): boolean {
  if (/\.[mc]?jsx?$/.test(sf.fileName)) return true;
  if (!ts.isConstructorDeclaration(fn)) return false;
  return fn.parent.members.some((m) => ts.isPropertyDeclaration(m) && !m.type && !m.initializer);
}

/** The kinds of named types a body may declare, whose members the text of a type naming them does not show. */
const NAMED_TYPES = new Set([ts.SyntaxKind.ClassDeclaration, ts.SyntaxKind.ClassExpression, ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration, ts.SyntaxKind.EnumDeclaration]);
/** How deep and how wide a return type is searched for a type declared in the function (beyond: assumed to hold one). */
const LOCAL_TYPE_DEPTH = 4;
const LOCAL_TYPE_MEMBERS = 64;

/**
 * A function's inferred return type as text, to compare two versions of the function; undefined when the type
 * involves a named type declared inside the function, whose members its text does not show (two versions
 * are then never taken as alike).
 */
export function comparableReturnType(checker: ts.TypeChecker, fn: ts.FunctionLikeDeclaration): string | undefined {
  const sig = checker.getSignatureFromDeclaration(fn);
  if (!sig) return undefined;
  const type = checker.getReturnTypeOfSignature(sig);
  if (involvesLocalType(checker, type, fn, 0, new Set())) return undefined;
  return checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseFullyQualifiedType);
}

function involvesLocalType(checker: ts.TypeChecker, type: ts.Type, fn: ts.Node, depth: number, seen: Set<ts.Type>): boolean {
  if (seen.has(type)) return false;
  if (depth > LOCAL_TYPE_DEPTH || seen.size > LOCAL_TYPE_MEMBERS) return true;
  seen.add(type);
  const sf = fn.getSourceFile();
  for (const sym of [type.symbol, type.aliasSymbol]) {
    for (const d of sym?.declarations ?? []) if (NAMED_TYPES.has(d.kind) && d.getSourceFile() === sf && d.pos >= fn.pos && d.end <= fn.end) return true;
  }
  const inner: ts.Type[] = [...type.aliasTypeArguments ?? []];
  if (type.isUnionOrIntersection()) inner.push(...type.types);
  else if (type.flags & ts.TypeFlags.Object) {
    const flags = (type as ts.ObjectType).objectFlags;
    if (flags & ts.ObjectFlags.Reference) inner.push(...checker.getTypeArguments(type as ts.TypeReference));
    // An anonymous type (object literal, function) is written out member by member: its members' types count.
    if (flags & ts.ObjectFlags.Anonymous) {
      for (const p of checker.getPropertiesOfType(type)) inner.push(checker.getTypeOfSymbol(p));
      for (const s of [...type.getCallSignatures(), ...type.getConstructSignatures()]) inner.push(checker.getReturnTypeOfSignature(s));
    }
  }
  return inner.some((t) => involvesLocalType(checker, t, fn, depth + 1, seen));
}

/**
 * Whether [start, end) holds only whitespace and comments that hold no tag (no `@`), between two tokens: in the
 * leading trivia of the token that follows it. A suppression directive may be among them: suppressions apply
 * to each run's findings as they are reported, whichever run found them.
 */
function inTrivia(sf: ts.SourceFile, start: number, end: number): boolean {
  const text = sf.text.slice(start, end);
  if (text.includes('@')) return false;
  let next: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (next || node.end <= start) return;
    if (node.pos > start) return;
    const children = node.getChildren(sf);
    if (children.length === 0) {
      next = node;
      return;
    }
    for (const c of children) visit(c);
  };
  visit(sf);
  // The token whose leading trivia holds the span: the span ends before the token's own text starts.
  return next !== undefined && end <= next.getStart(sf) && /^(\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*$/.test(leadingTrivia(sf, next, start, end));
}

/** The leading trivia of a token from its start to its text, where the edited span lies. */
function leadingTrivia(sf: ts.SourceFile, token: ts.Node, start: number, end: number): string {
  return start >= token.pos && end <= token.getStart(sf) ? sf.text.slice(token.pos, token.getStart(sf)) : '\u0000';
}

/** The innermost function whose block body strictly contains [start, end) between its braces. */
function enclosingBody(sf: ts.SourceFile, start: number, end: number): { readonly fn: ts.FunctionLikeDeclaration } | undefined {
  let found: ts.FunctionLikeDeclaration | undefined;
  const visit = (node: ts.Node): void => {
    if (node.pos > start || node.end < end) return;
    if (isFunctionWithBody(node) && node.body && ts.isBlock(node.body)) {
      const body = node.body;
      // After the opening brace, and not past the closing one (at body.end - 1).
      if (body.getStart(sf) < start && end <= body.end - 1) found = node;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  return found ? { fn: found } : undefined;
}

/** Whether a function's callers see a type written down rather than one inferred from its body. */
function hasWrittenReturnType(fn: ts.FunctionLikeDeclaration): boolean {
  return fn.type !== undefined || ts.isConstructorDeclaration(fn) || ts.isSetAccessorDeclaration(fn);
}

/** Whether a file re-exports from other modules (`export … from`): its importers see those modules' declarations. */
export function reExports(sf: ts.SourceFile): boolean {
  return sf.statements.some((s) => ts.isExportDeclaration(s) && s.moduleSpecifier !== undefined);
}
