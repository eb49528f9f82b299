/**
 * Candidate personal-data fields in TypeScript and JavaScript code (SPEC §7.4): members of classes,
 * interfaces and object type aliases, and fields of Mongoose schema literals (`new Schema({ … })`), whose
 * name (English or romanised Japanese) or validation decorator (`@IsEmail()`) suggests personal data;
 * TypeORM `@Entity`/`@Column` and Mongoose metadata add to the reasons. Nothing already tagged is proposed
 * (a container or member with `@residency`/`@category`/`@access`), and a member that redeclares a member of
 * a base class or interface of the workspace is left to that base: its annotation spreads by inheritance.
 * Pure: it reads the program only.
 */
import ts = require('typescript');
import { sourceLoc } from '../text/positions';
import { constantStyle, matchName, PROPOSED_RESIDENCY, skippedContainer, skippedType, validatorCategory, type NameMatch } from './names';
import type { Candidate, CandidateReason } from './types';

const OUR_TAG = /@(?:residency|category|access)\b/;
const DOC_WITH_TAG = /\/\*\*(?:(?!\*\/)[\s\S])*@(?:residency|category|access)\b/;

interface Field {
  readonly node: ts.Node;
  readonly name: string;
  readonly typeText: string | undefined;
  readonly decorators: readonly string[];
}

interface Container {
  readonly name: string;
  readonly fields: readonly Field[];
  readonly orm?: CandidateReason;
}

function decoratorNames(node: ts.Node): string[] {
  if (!ts.canHaveDecorators(node)) return [];
  return (ts.getDecorators(node) ?? []).map((d) => {
    const e = ts.isCallExpression(d.expression) ? d.expression.expression : d.expression;
    return ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : '';
  });
}

function propertyName(name: ts.PropertyName | undefined): string | undefined {
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) ? name.text : undefined;
}

/** Whether the text from a node's full start to its name holds one of our tags (its own doc comments, also between decorators). */
function alreadyTagged(sf: ts.SourceFile, node: ts.Node): boolean {
  const name = (node as { name?: ts.Node }).name;
  const end = name ? name.getStart(sf) : node.getStart(sf);
  return DOC_WITH_TAG.test(sf.text.slice(node.getFullStart(), end));
}

/** Whether a member `name` of a class or interface redeclares a base member whose annotation would spread to it. */
export type Inherits = (owner: ts.ClassLikeDeclaration | ts.InterfaceDeclaration, name: string) => boolean;

/** A member of a base class or implemented/extended interface of the workspace that this member redeclares. */
function inheritsFromWorkspace(checker: ts.TypeChecker, owner: ts.ClassLikeDeclaration | ts.InterfaceDeclaration, name: string, workspace: ReadonlySet<string>): boolean {
  const bases: ts.Type[] = [];
  const sym = owner.name && checker.getSymbolAtLocation(owner.name);
  const declared = sym && checker.getDeclaredTypeOfSymbol(sym);
  if (declared && declared.isClassOrInterface()) bases.push(...(checker.getBaseTypes(declared) ?? []));
  for (const clause of owner.heritageClauses ?? []) {
    if (clause.token === ts.SyntaxKind.ImplementsKeyword) for (const t of clause.types) bases.push(checker.getTypeAtLocation(t));
  }
  return bases.some((b) => (b.getProperty(name)?.declarations ?? []).some((d) => workspace.has(d.getSourceFile().fileName)));
}

function fieldOf(member: ts.Node): Field | undefined {
  if (!ts.isPropertyDeclaration(member) && !ts.isPropertySignature(member)) return undefined;
  const name = propertyName(member.name);
  if (!name) return undefined;
  return { node: member, name, typeText: member.type?.getText(), decorators: decoratorNames(member) };
}

function classContainer(c: ts.ClassLikeDeclaration, inherits: Inherits): Container | undefined {
  if (!c.name) return undefined;
  const decorators = decoratorNames(c);
  const orm: CandidateReason | undefined = decorators.includes('Entity') ? { kind: 'typeorm', entity: c.name.text }
    : decorators.includes('Schema') ? { kind: 'mongoose', schema: c.name.text } : undefined;
  const fields = c.members.map(fieldOf).filter((f): f is Field => !!f && !inherits(c, f.name));
  return { name: c.name.text, fields, orm };
}

function interfaceContainer(i: ts.InterfaceDeclaration, inherits: Inherits): Container {
  const fields = i.members.map(fieldOf).filter((f): f is Field => !!f && !inherits(i, f.name));
  return { name: i.name.text, fields };
}

/** `new Schema({…})`, `new mongoose.Schema({…})`: the schema's name (its variable) and its field literal. */
function mongooseSchema(n: ts.NewExpression): { name: string; fields: ts.ObjectLiteralExpression } | undefined {
  const callee = ts.isPropertyAccessExpression(n.expression) ? n.expression.name.text : ts.isIdentifier(n.expression) ? n.expression.text : undefined;
  const first = n.arguments?.[0];
  if (callee !== 'Schema' || !first || !ts.isObjectLiteralExpression(first)) return undefined;
  const holder = ts.findAncestor(n, ts.isVariableDeclaration);
  const name = holder && ts.isIdentifier(holder.name) ? holder.name.text : 'schema';
  return { name, fields: first };
}

/** The declared type of a Mongoose field (`String`, `{ type: Boolean }`), as written. */
function mongooseType(value: ts.Expression): string | undefined {
  if (ts.isIdentifier(value)) return value.text;
  if (!ts.isObjectLiteralExpression(value)) return undefined;
  const type = value.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyName(p.name) === 'type');
  return type && ts.isIdentifier(type.initializer) ? type.initializer.text : undefined;
}

/** Fields of a schema literal; nested literals without a `type` key are sub-documents, whose fields count too. */
function mongooseFields(literal: ts.ObjectLiteralExpression, out: Field[] = []): Field[] {
  for (const p of literal.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const name = propertyName(p.name);
    if (!name) continue;
    const init = p.initializer;
    if (ts.isObjectLiteralExpression(init) && !init.properties.some((q) => ts.isPropertyAssignment(q) && propertyName(q.name) === 'type')) {
      mongooseFields(init, out);
      continue;
    }
    out.push({ node: p, name, typeText: mongooseType(init), decorators: [] });
  }
  return out;
}

/** The containers of a file whose fields may be candidates. */
function containersOf(sf: ts.SourceFile, inherits: Inherits): Container[] {
  const out: Container[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isClassLike(n) && !alreadyTagged(sf, n)) {
      const c = classContainer(n, inherits);
      if (c) out.push(c);
    } else if (ts.isInterfaceDeclaration(n) && !alreadyTagged(sf, n)) out.push(interfaceContainer(n, inherits));
    else if (ts.isTypeAliasDeclaration(n) && ts.isTypeLiteralNode(n.type) && !alreadyTagged(sf, n)) {
      out.push({ name: n.name.text, fields: n.type.members.map(fieldOf).filter((f): f is Field => !!f) });
    } else if (ts.isNewExpression(n)) {
      const schema = mongooseSchema(n);
      if (schema) out.push({ name: schema.name, fields: mongooseFields(schema.fields), orm: { kind: 'mongoose', schema: schema.name } });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Where a member's annotation goes: a line of its own right above the member (above its decorators), at its indentation. */
function insertionFor(sf: ts.SourceFile, node: ts.Node, tags: string): { offset: number; text: string } {
  const start = node.getStart(sf);
  const lineStart = sf.text.lastIndexOf('\n', start - 1) + 1;
  const before = sf.text.slice(lineStart, start);
  if (/^\s*$/.test(before)) return { offset: lineStart, text: `${before}/** ${tags} */\n` };
  // Not alone on its line (`{ email: String, name: String }`): the comment goes right before it.
  return { offset: start, text: `/** ${tags} */ ` };
}

function proposal(sf: ts.SourceFile, c: Container, f: Field, match: NameMatch | undefined, validator: string | undefined): Candidate | undefined {
  const category = (validator && validatorCategory(validator)) ?? match?.category;
  if (!category) return undefined;
  const reasons: CandidateReason[] = [];
  if (match) reasons.push({ kind: 'name', word: match.word, romanised: match.romanised });
  if (validator) reasons.push({ kind: 'validator', decorator: validator });
  if (c.orm && (c.orm.kind !== 'typeorm' || f.decorators.some((d) => /Column$/.test(d)))) reasons.push(c.orm);
  const tags = `@residency ${PROPOSED_RESIDENCY} @category ${category}`;
  const at = insertionFor(sf, f.node, tags);
  const start = f.node.getStart(sf);
  return {
    symbol: `${c.name}.${f.name}`, category, residency: PROPOSED_RESIDENCY, reasons, tags,
    location: sourceLoc(sf, start, f.node.getEnd()), insertion: { file: sf.fileName, ...at },
  };
}

/** The candidates of a container: strong names and validators; weak names only beside a strong one. */
function containerCandidates(sf: ts.SourceFile, c: Container): Candidate[] {
  if (skippedContainer(c.name)) return [];
  const rows = c.fields
    .filter((f) => !skippedType(f.typeText) && !constantStyle(f.name) && !alreadyTagged(sf, f.node) && !OUR_TAG.test(f.name))
    .map((f) => ({ f, match: matchName(f.name), validator: f.decorators.find((d) => validatorCategory(d) !== undefined) }))
    .filter((r) => r.match || r.validator);
  const strong = rows.some((r) => r.validator || (r.match && !r.match.weak));
  return rows
    .filter((r) => strong || !r.match?.weak || r.validator)
    .map((r) => proposal(sf, c, r.f, r.match, r.validator))
    .filter((x): x is Candidate => !!x);
}

/**
 * The candidates of one parsed file (parent pointers set). `inherits` says which members a base of the
 * workspace covers; without a program (the editor's code action on one buffer) syntax alone decides:
 * a member is left out when its class or interface has an `extends`/`implements` clause naming a type that
 * declares it in the same file.
 */
export function fileCandidates(sf: ts.SourceFile, inherits: Inherits = sameFileBase(sf)): Candidate[] {
  return containersOf(sf, inherits).flatMap((c) => containerCandidates(sf, c));
}

function sameFileBase(sf: ts.SourceFile): Inherits {
  const declared = new Map<string, Set<string>>();
  for (const st of sf.statements) {
    if ((ts.isClassDeclaration(st) || ts.isInterfaceDeclaration(st)) && st.name) {
      declared.set(st.name.text, new Set(st.members.map((m) => propertyName(m.name as ts.PropertyName | undefined)).filter((n): n is string => !!n)));
    }
  }
  return (owner, name) => (owner.heritageClauses ?? []).some((h) => h.types.some((t) => {
    const base = ts.isIdentifier(t.expression) ? t.expression.text
      : ts.isCallExpression(t.expression) && t.expression.arguments[0] && ts.isIdentifier(t.expression.arguments[0]) ? t.expression.arguments[0].text : undefined;
    return base !== undefined && declared.get(base)?.has(name) === true;
  }));
}

/** Every candidate of the workspace files, in file order. */
export function codeCandidates(program: ts.Program, files: readonly ts.SourceFile[]): Candidate[] {
  const checker = program.getTypeChecker();
  const workspace = new Set(files.map((f) => f.fileName));
  const inherits: Inherits = (owner, name) => inheritsFromWorkspace(checker, owner, name, workspace);
  return files.flatMap((sf) => fileCandidates(sf, inherits));
}
