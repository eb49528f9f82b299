/**
 * Binds the tags of a Prisma schema (annotations/prismaSchema.ts) to the model types of the generated client
 * in the program (`node_modules/.prisma/client`, `@prisma/client`, or a custom generator output): every
 * member of the model type `User` — the declarations the checker resolves `user.email` to, whichever query
 * produced the value — gets the field's tags over the model's, and is named `User.email` at the field in the
 * schema. A tagged model whose generated type is not in the program gets a located notice: the client has
 * not been generated (or is not imported), so its tags cannot take effect yet.
 */
import ts = require('typescript');
import type { PrismaModel, PrismaSchemaTags } from '../annotations/prismaSchema';
import type { Annotation } from '../annotations/types';
import { problemMessage, type Lang } from '../messages/problemMessages';
import { PROBLEM_CODES, type Loc, type Problem } from '../model';

/** What a declaration of the generated client stands for in findings. */
export interface BoundDeclaration {
  readonly annotation: Annotation;
  readonly name: string;
  readonly loc: Loc;
}

export interface PrismaBinding {
  readonly declarations: ReadonlyMap<ts.Node, BoundDeclaration>;
  readonly problems: readonly Problem[];
}

/** Files that may hold a generated Prisma client (the default location or a custom `output`). */
const CLIENT_FILE = /prisma|generated/i;

export function bindPrismaModels(program: ts.Program, schemas: readonly PrismaSchemaTags[], lang: Lang): PrismaBinding {
  const declarations = new Map<ts.Node, BoundDeclaration>();
  const problems: Problem[] = [];
  const models = schemas.flatMap((s) => s.models);
  if (models.length === 0) return { declarations, problems };
  const checker = program.getTypeChecker();
  const generated = generatedModelTypes(program, new Set(models.map((m) => m.name)));
  for (const model of models) {
    const decl = generated.get(model.name);
    if (!decl) {
      problems.push({ kind: 'annotation', code: PROBLEM_CODES.tagWithoutEffect, severity: 'warning', location: model.loc, message: problemMessage(lang, 'prismaClientMissing', { model: model.name }) });
      continue;
    }
    bindModel(checker, decl, model, declarations);
  }
  return { declarations, problems };
}

function bindModel(checker: ts.TypeChecker, decl: ts.DeclarationStatement, model: PrismaModel, out: Map<ts.Node, BoundDeclaration>): void {
  const sym = decl.name ? checker.getSymbolAtLocation(decl.name) : undefined;
  if (!sym) return;
  const fields = new Map(model.fields.map((f) => [f.name, f]));
  for (const prop of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(sym))) {
    const field = fields.get(prop.name);
    const annotation = merge(model.annotation, field?.annotation);
    if (!annotation) continue;
    for (const d of prop.declarations ?? []) out.set(d, { annotation, name: `${model.name}.${prop.name}`, loc: field?.loc ?? model.loc });
  }
}

/** A field's tags over its model's (the field's own win). */
function merge(model: Annotation | undefined, field: Annotation | undefined): Annotation | undefined {
  if (!model) return field;
  if (!field) return model.residency ? { tags: model.tags, commentLoc: model.commentLoc, residency: model.residency, category: model.category, access: model.access } : undefined;
  return {
    ...field,
    residency: field.residency ?? model.residency,
    category: field.category ?? model.category,
    access: field.access ?? model.access,
  };
}

/** The exported type alias or interface named like each model, in the files of a generated client. */
function generatedModelTypes(program: ts.Program, names: ReadonlySet<string>): Map<string, ts.DeclarationStatement> {
  const found = new Map<string, ts.DeclarationStatement>();
  for (const sf of program.getSourceFiles()) {
    if (!CLIENT_FILE.test(sf.fileName) || program.isSourceFileDefaultLibrary(sf)) continue;
    for (const st of sf.statements) {
      if (!ts.isTypeAliasDeclaration(st) && !ts.isInterfaceDeclaration(st)) continue;
      const name = st.name.text;
      if (names.has(name) && !found.has(name) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) found.set(name, st);
    }
  }
  return found;
}
