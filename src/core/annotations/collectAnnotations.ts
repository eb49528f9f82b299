/**
 * Finds the residency annotations of one source file (SPEC §3): every doc comment with a tag of ours (or
 * a probable typo of one), the declaration it is attached to, the validated Annotation of that
 * declaration, and the file's suppression directives — with every problem found on the way.
 *
 * A doc comment is attached to a declaration when it is the last `/** … *\/` comment in the trivia right
 * before it. Files without a `/**` comment containing `@` are not walked at all; otherwise the walk only
 * descends into subtrees that hold a candidate comment.
 */
import ts = require('typescript');
import type { Loc, Problem } from '../model';
import { sourceLoc } from '../text/positions';
import type { DeclarationKind } from '../vocabulary/jpPack';
import { commentsAt, commentsInTrivia, parseSuppressions } from './suppressions';
import { parseTags, toTag, type Locate } from './tagParser';
import type { Annotation, AnnotationContext, FileAnnotations } from './types';
import { hasRelevantTag, validateTags } from './validateTags';

/** A doc comment and the node it precedes (undefined when it is not the nearest doc comment of any node). */
interface DocComment {
  readonly pos: number;
  readonly end: number;
  readonly owner: ts.Node | undefined;
}

/** A node that carries an Annotation, with the kinds of declaration it is. */
interface Target {
  readonly key: ts.Node;
  readonly kinds: ReadonlySet<DeclarationKind>;
}

export function collectAnnotations(sf: ts.SourceFile, ctx: AnnotationContext): FileAnnotations {
  const sup = parseSuppressions(sf, ctx.lang);
  const byDeclaration = new Map<ts.Node, Annotation>();
  const problems: Problem[] = [];
  const candidates = docCommentCandidates(sf.text);
  if (candidates.length > 0) {
    for (const comment of findDocComments(sf, candidates)) {
      annotateComment(sf, ctx, comment, byDeclaration, problems);
    }
  }
  problems.push(...sup.problems);
  return { file: sf.fileName, byDeclaration, suppressions: sup.suppressions, problems };
}

function locator(sf: ts.SourceFile): Locate {
  return (start, end): Loc => sourceLoc(sf, start, end);
}

function annotateComment(
  sf: ts.SourceFile,
  ctx: AnnotationContext,
  comment: DocComment,
  byDeclaration: Map<ts.Node, Annotation>,
  problems: Problem[],
): void {
  const raw = parseTags(sf.text, comment.pos, comment.end);
  if (!hasRelevantTag(raw.map((t) => t.name))) return;
  const locate = locator(sf);
  const tags = raw.map((t) => toTag(t, locate));
  const commentLoc = locate(comment.pos, comment.end);
  const targets = comment.owner ? targetsOf(comment.owner) : [];
  if (targets.length === 0) {
    problems.push(...validateTags(tags, undefined, ctx, commentLoc).problems);
    return;
  }
  const seen = new Set<string>();
  for (const target of targets) {
    const result = validateTags(tags, target.kinds, ctx, commentLoc);
    if (result.annotation) byDeclaration.set(target.key, result.annotation);
    for (const p of result.problems) {
      const id = `${p.code}:${p.location.line}:${p.location.column}:${p.message}`;
      if (!seen.has(id)) problems.push(p);
      seen.add(id);
    }
  }
}

/**
 * Offsets of every `/**` (not `/**\/`) whose text up to the next `*\/` contains an `@` — a superset of the
 * doc comments that may hold tags (some may sit inside strings). Linear in the text length.
 */
export function docCommentCandidates(text: string): number[] {
  const result: number[] = [];
  let at = -1;
  let close = -1;
  for (let i = text.indexOf('/**'); i >= 0; i = text.indexOf('/**', i + 3)) {
    if (text.charCodeAt(i + 3) === 47 /* / */) continue;
    if (at < i + 3) at = text.indexOf('@', i + 3);
    if (at < 0) break;
    if (close < i + 3) close = text.indexOf('*/', i + 3);
    if (close < 0 || at < close) result.push(i);
  }
  return result;
}

function isDocComment(text: string, r: ts.CommentRange): boolean {
  return r.kind === ts.SyntaxKind.MultiLineCommentTrivia && text.startsWith('/**', r.pos) && text.charCodeAt(r.pos + 3) !== 47;
}

/**
 * The candidate doc comments that are real comments, in file order, each with the node whose leading
 * trivia holds it when it is that node's nearest doc comment.
 */
function findDocComments(sf: ts.SourceFile, candidates: readonly number[]): DocComment[] {
  const found = new Map<number, DocComment>();
  let next = 0;
  let lastPos = -1;
  const visit = (node: ts.Node): void => {
    while (next < candidates.length && candidates[next] < node.pos) next++;
    if (next >= candidates.length || candidates[next] >= node.end) return;
    if (node.pos > lastPos) {
      lastPos = node.pos;
      const end = recordTrivia(sf.text, node, found);
      while (next < candidates.length && candidates[next] < end) next++;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  addStrays(sf, candidates.filter((c) => !found.has(c)), found);
  return [...found.values()].sort((a, b) => a.pos - b.pos);
}

/** Records the doc comments in the trivia before `node`; returns the end of the last comment. */
function recordTrivia(text: string, node: ts.Node, found: Map<number, DocComment>): number {
  const comments = commentsInTrivia(text, node.pos);
  const docs = comments.filter((r) => isDocComment(text, r));
  docs.forEach((r, i) => {
    if (!found.has(r.pos)) found.set(r.pos, { pos: r.pos, end: r.end, owner: i === docs.length - 1 ? node : undefined });
  });
  return comments.length > 0 ? comments[comments.length - 1].end : node.pos;
}

/** Candidates in no node's leading trivia (e.g. before a `}`): kept, unattached, when they are real doc comments. */
function addStrays(sf: ts.SourceFile, strays: readonly number[], found: Map<number, DocComment>): void {
  if (strays.length === 0) return;
  for (const [offset, r] of commentsAt(sf, strays)) {
    if (r.pos === offset && isDocComment(sf.text, r)) found.set(r.pos, { pos: r.pos, end: r.end, owner: declarationAfterModifiers(sf, r) });
  }
}

/**
 * The declaration whose decorators/modifiers come before a comment and whose name comes after it
 * (`@Entity() /** … *\/ class User`, the comment before the `class` keyword): it owns the comment.
 */
function declarationAfterModifiers(sf: ts.SourceFile, r: ts.CommentRange): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (r.pos < node.pos || r.end > node.end) return;
    const named = node as ts.Node & { readonly name?: ts.Node; readonly modifiers?: ts.NodeArray<ts.ModifierLike> };
    if (named.modifiers && named.name && named.modifiers.end <= r.pos && r.end <= named.name.getStart(sf)) found = node;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  return found;
}

const TYPE: ReadonlySet<DeclarationKind> = new Set(['type']);
const CLASS: ReadonlySet<DeclarationKind> = new Set(['class']);
const MEMBER: ReadonlySet<DeclarationKind> = new Set(['member']);
const FUNCTION_MEMBER: ReadonlySet<DeclarationKind> = new Set(['member', 'function']);
const FUNCTION: ReadonlySet<DeclarationKind> = new Set(['function']);
const PARAMETER: ReadonlySet<DeclarationKind> = new Set(['parameter']);
const VARIABLE: ReadonlySet<DeclarationKind> = new Set(['variable']);
const FUNCTION_VARIABLE: ReadonlySet<DeclarationKind> = new Set(['variable', 'function']);

/** The declarations a doc comment before `node` annotates (none when `node` cannot carry tags). */
function targetsOf(node: ts.Node): Target[] {
  const one = (kinds: ReadonlySet<DeclarationKind>): Target[] => [{ key: node, kinds }];
  switch (node.kind) {
    case ts.SyntaxKind.InterfaceDeclaration:
    case ts.SyntaxKind.TypeAliasDeclaration:
      return one(TYPE);
    case ts.SyntaxKind.ClassDeclaration:
    case ts.SyntaxKind.ClassExpression:
      return one(CLASS);
    case ts.SyntaxKind.PropertySignature:
    case ts.SyntaxKind.PropertyDeclaration:
    case ts.SyntaxKind.PropertyAssignment:
      return one(isFunctionMember(node) ? FUNCTION_MEMBER : MEMBER);
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
      return one(MEMBER);
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.MethodSignature:
    case ts.SyntaxKind.FunctionDeclaration:
      return one(FUNCTION);
    case ts.SyntaxKind.Parameter:
      return one(PARAMETER);
    case ts.SyntaxKind.VariableStatement:
      return (node as ts.VariableStatement).declarationList.declarations.map(variableTarget);
    case ts.SyntaxKind.VariableDeclaration:
      return [variableTarget(node as ts.VariableDeclaration)];
    case ts.SyntaxKind.ExpressionStatement:
      return exportsTarget((node as ts.ExpressionStatement).expression);
    default:
      return nameAfterModifiers(node);
  }
}

function variableTarget(decl: ts.VariableDeclaration): Target {
  return { key: decl, kinds: isFunctionExpression(decl.initializer) ? FUNCTION_VARIABLE : VARIABLE };
}

/** `exports.x = …`, `module.exports.x = …` and `module.exports = …` (CommonJS). */
function exportsTarget(expr: ts.Expression): Target[] {
  if (!ts.isBinaryExpression(expr) || expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return [];
  if (!isExportsReference(expr.left)) return [];
  return [{ key: expr, kinds: isFunctionExpression(expr.right) ? FUNCTION_VARIABLE : VARIABLE }];
}

function isExportsReference(left: ts.Expression): boolean {
  if (isModuleExports(left)) return true;
  if (!ts.isPropertyAccessExpression(left) && !ts.isElementAccessExpression(left)) return false;
  const object = left.expression;
  return (ts.isIdentifier(object) && object.text === 'exports') || isModuleExports(object);
}

function isModuleExports(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'module'
    && e.name.text === 'exports';
}

/**
 * A doc comment between a declaration's decorators/modifiers and its name (`@Column() /** … *\/ phone`)
 * sits before the name; it annotates the declaration.
 */
function nameAfterModifiers(node: ts.Node): Target[] {
  const parent = node.parent as ts.Node | undefined;
  if (!parent || (!ts.canHaveModifiers(parent) && !ts.canHaveDecorators(parent))) return [];
  const named = parent as ts.Node & { readonly name?: ts.Node; readonly modifiers?: ts.NodeArray<ts.ModifierLike> };
  if (!named.modifiers) return [];
  if (named.name === node && named.modifiers.end === node.pos) return targetsOf(parent);
  // `@Entity() /** … *\/ export class User`: the comment is before a keyword that follows a decorator.
  const at = named.modifiers.indexOf(node as ts.ModifierLike);
  if (at > 0 && !ts.isDecorator(node) && ts.isDecorator(named.modifiers[at - 1])) return targetsOf(parent);
  return [];
}

/** A property whose initializer is a function, or whose declared type is a function type. */
function isFunctionMember(node: ts.Node): boolean {
  if (ts.isPropertyAssignment(node)) return isFunctionExpression(node.initializer);
  if (!ts.isPropertySignature(node) && !ts.isPropertyDeclaration(node)) return false;
  if (ts.isPropertyDeclaration(node) && isFunctionExpression(node.initializer)) return true;
  return node.type !== undefined && isFunctionType(node.type);
}

function isFunctionType(type: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(type)) return isFunctionType(type.type);
  if (ts.isFunctionTypeNode(type)) return true;
  if (!ts.isUnionTypeNode(type)) return false;
  const rest = type.types.filter((t) => !isNullish(t));
  return rest.length > 0 && rest.every(isFunctionType);
}

function isNullish(t: ts.TypeNode): boolean {
  if (t.kind === ts.SyntaxKind.UndefinedKeyword) return true;
  return ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword;
}

/** An arrow or function expression, also inside parentheses, `as`, `satisfies`, `!` or `<T>` assertions. */
function isFunctionExpression(e: ts.Expression | undefined): boolean {
  let cur = e;
  while (cur && (ts.isParenthesizedExpression(cur) || ts.isAsExpression(cur) || ts.isSatisfiesExpression(cur)
    || ts.isNonNullExpression(cur) || ts.isTypeAssertionExpression(cur))) {
    cur = cur.expression;
  }
  return cur !== undefined && (ts.isArrowFunction(cur) || ts.isFunctionExpression(cur));
}
