/**
 * The hook between the infrastructure model and destination inference (analysis/destinations.ts calls
 * `refine` for every AWS SDK storage call): the call's resource identifier (`Bucket`, `TableName`,
 * `QueueUrl` … from the data file, in the command's or the call's options) is read as a literal, a `const`
 * or `process.env.NAME` (also through consts and `??`/`||` fallbacks) and joined to the IaC model
 * (join.ts). The places found replace the client's own region — a bucket is where it was created, whatever
 * region the client names — with one destination per place (`Destination.also` for the rest) and the IaC
 * steps in `Destination.steps`. When the infrastructure says nothing, or only names missing links while the
 * client's region is known, the client's destination stands.
 */
import ts = require('typescript');
import { constString, objectProperty, type EnvValues } from '../analysis/constants';
import type { Destination } from '../analysis/destinations';
import { referencedSymbol, skipOuterExpressions } from '../analysis/nodes';
import { IAC_CATALOG, type IacCatalog } from './catalog';
import type { IacIndex, IacPlace, SinkKey } from './join';

const { NodeFlags, SyntaxKind, isBinaryExpression, isElementAccessExpression, isIdentifier, isMetaProperty, isNewExpression, isPropertyAccessExpression, isStringLiteralLike, isVariableDeclaration, isVariableDeclarationList } = ts;

const MAX_DEPTH = 6;

export class IacDestinations {
  constructor(
    private readonly index: IacIndex,
    private readonly checker: ts.TypeChecker,
    private readonly env: EnvValues,
    private readonly catalog: IacCatalog = IAC_CATALOG,
  ) {}

  /** The destinations of an AWS SDK call whose client gave `own`. */
  refine(call: ts.CallExpression, own: Destination): Destination {
    const found = this.sinkKey(call);
    if (!found) return own;
    const places = this.index.placesOf(found.key);
    if (places.length === 0 || (!own.unresolved && places.every((p) => !p.region))) return own;
    const [first, ...rest] = places.map((p) => destinationOf(p, found.key, found.written));
    return rest.length > 0 ? { ...first, also: rest } : first;
  }

  /** The first option of the data file present in the call's options (`send(new PutObjectCommand({ Bucket }))`, `put({ TableName })`). */
  private sinkKey(call: ts.CallExpression): { key: SinkKey; written: string } | undefined {
    const options = this.optionsOf(call.arguments[0]);
    if (!options) return undefined;
    for (const { option, kind } of this.catalog.sinkKeys) {
      const e = objectProperty(options, option, this.checker);
      if (!e) continue;
      const name = envName(this.checker, e, 0);
      if (name) return { key: { kind, env: name }, written: `${option}: process.env.${name}` };
      const text = constString(this.checker, e, this.env);
      return text?.complete ? { key: { kind, text: text.text }, written: `${option}: "${text.text}"` } : undefined;
    }
    return undefined;
  }

  /** The options object: the command's constructor argument, else the argument itself. */
  private optionsOf(arg: ts.Expression | undefined): ts.Expression | undefined {
    const e = arg && skipOuterExpressions(arg);
    if (!e) return undefined;
    if (isNewExpression(e)) return e.arguments?.[0];
    if (isIdentifier(e)) {
      for (const d of referencedSymbol(this.checker, e)?.declarations ?? []) {
        const init = isVariableDeclaration(d) && d.initializer ? skipOuterExpressions(d.initializer) : undefined;
        if (init && isNewExpression(init)) return init.arguments?.[0];
      }
    }
    return e;
  }
}

/** `process.env.NAME` (or `import.meta.env.NAME`), directly, through `const`s, or as the left of `??`/`||`. */
function envName(checker: ts.TypeChecker, expr: ts.Expression, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const e = skipOuterExpressions(expr);
  if (isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === SyntaxKind.BarBarToken)) return envName(checker, e.left, depth + 1);
  const direct = envRead(e);
  if (direct) return direct;
  if (!isIdentifier(e)) return undefined;
  for (const d of referencedSymbol(checker, e)?.declarations ?? []) {
    if (isVariableDeclaration(d) && d.initializer && isVariableDeclarationList(d.parent) && (d.parent.flags & NodeFlags.Const) !== 0) return envName(checker, d.initializer, depth + 1);
  }
  return undefined;
}

function envRead(e: ts.Expression): string | undefined {
  const name = isPropertyAccessExpression(e) ? e.name.text : isElementAccessExpression(e) && isStringLiteralLike(e.argumentExpression) ? e.argumentExpression.text : undefined;
  if (name === undefined) return undefined;
  const obj = skipOuterExpressions((e as ts.PropertyAccessExpression).expression);
  if (!isPropertyAccessExpression(obj) || obj.name.text !== 'env') return undefined;
  const base = skipOuterExpressions(obj.expression);
  return (isIdentifier(base) && base.text === 'process') || (isMetaProperty(base) && base.keywordToken === SyntaxKind.ImportKeyword) ? name : undefined;
}

function destinationOf(p: IacPlace, key: SinkKey, written: string): Destination {
  const what = p.resource ? `${p.replica ? 'replica of ' : ''}${p.resource.kind} ${p.resource.label}` : `${key.kind} (${written})`;
  const base = { kind: 'iac' as const, recipient: null, readers: [], bases: [], steps: p.steps };
  if (!p.region || p.region.country === null) {
    const why = p.missing ?? `${p.region?.label ?? 'its place'} names no single country`;
    return { ...base, country: null, region: null, unresolved: true, description: `${what} [${why}]` };
  }
  return { ...base, country: p.region.country, region: p.region.region, unresolved: false, description: `${what} in ${p.region.region ?? p.region.label}` };
}
