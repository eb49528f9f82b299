/**
 * A reader for the subset of HCL (HashiCorp Configuration Language, native syntax) that Terraform files
 * and `*.tfvars` use, keeping source offsets on every node (no maintained npm parser keeps positions; see
 * ARCHITECTURE.md). Bodies of attributes (`name = expr`) and blocks (`type "label" { … }`); expressions:
 * literals, quoted templates with interpolations, heredocs, tuples, objects, function calls and
 * traversals (`aws_s3_bucket.media.bucket`, `var.region`, `a[0].b`). Operators, conditionals and `for`
 * expressions are read over and kept as `other` (their value is not known without running them). A syntax
 * error is a located problem; reading resumes at the next line, so one mistake hides little.
 */
import { lexHcl, type LexProblem, type StringPart, type Token } from './hclLexer';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Expr =
  | (Span & { readonly type: 'literal'; readonly value: string | number | boolean | null })
  | (Span & { readonly type: 'template'; readonly parts: ReadonlyArray<string | Expr> })
  | (Span & { readonly type: 'traversal'; readonly root: string; readonly steps: ReadonlyArray<string | number> })
  | (Span & { readonly type: 'tuple'; readonly items: readonly Expr[] })
  | (Span & { readonly type: 'object'; readonly items: readonly ObjectItem[] })
  | (Span & { readonly type: 'call'; readonly name: string; readonly args: readonly Expr[] })
  | (Span & { readonly type: 'other' });

export interface ObjectItem extends Span {
  readonly key: string;
  readonly value: Expr;
}

export interface Attribute extends Span {
  readonly type: 'attribute';
  readonly name: string;
  readonly value: Expr;
}

export interface Block extends Span {
  readonly type: 'block';
  readonly kind: string;
  readonly labels: readonly string[];
  readonly body: Body;
}

export type Body = ReadonlyArray<Attribute | Block>;

export interface HclFile {
  readonly body: Body;
  readonly problems: readonly LexProblem[];
}

const MAX_NESTING = 64;
const BINARY = new Set(['==', '!=', '<=', '>=', '&&', '||', '+', '-', '*', '/', '%', '<', '>']);

class SyntaxError_ extends Error {
  constructor(readonly at: Token, message: string) {
    super(message);
  }
}

/** Reads a whole file. */
export function parseHcl(text: string): HclFile {
  const { tokens, problems } = lexHcl(text);
  const parser = new Parser(text, tokens);
  const body = parser.body(true, 0);
  return { body, problems: [...problems, ...parser.problems] };
}

class Parser {
  readonly problems: LexProblem[] = [];
  private i = 0;

  constructor(private readonly text: string, private readonly tokens: readonly Token[]) {}

  private get tok(): Token {
    return this.tokens[this.i];
  }

  private isPunct(p: string): boolean {
    return this.tok.kind === 'punct' && this.tok.text === p;
  }

  private expect(p: string): Token {
    if (!this.isPunct(p)) throw new SyntaxError_(this.tok, `expected "${p}"${this.found()}`);
    return this.tokens[this.i++];
  }

  private found(): string {
    const t = this.tok;
    return t.kind === 'eof' ? ' before the end of the file' : t.kind === 'newline' ? ' before the end of the line' : `, found "${t.text}"`;
  }

  private skipNewlines(): void {
    while (this.tok.kind === 'newline') this.i++;
  }

  /** Attributes and blocks up to `}` (or the end of the file at the top level). */
  body(top: boolean, depth: number): Array<Attribute | Block> {
    const out: Array<Attribute | Block> = [];
    for (;;) {
      this.skipNewlines();
      if (this.tok.kind === 'eof' || (!top && this.isPunct('}'))) return out;
      try {
        out.push(this.item(depth));
      } catch (e) {
        if (!(e instanceof SyntaxError_)) throw e;
        this.problems.push({ message: e.message, start: e.at.start, end: Math.max(e.at.end, e.at.start + 1) });
        this.recover();
      }
    }
  }

  /** Skips to the start of the next line, over bracketed parts. */
  private recover(): void {
    let depth = 0;
    while (this.tok.kind !== 'eof') {
      const t = this.tokens[this.i++];
      if (t.kind === 'punct' && (t.text === '{' || t.text === '[' || t.text === '(')) depth++;
      else if (t.kind === 'punct' && (t.text === '}' || t.text === ']' || t.text === ')')) depth--;
      else if (t.kind === 'newline' && depth <= 0) return;
      if (depth < 0) return;
    }
  }

  private item(depth: number): Attribute | Block {
    const name = this.tok;
    if (name.kind !== 'ident') throw new SyntaxError_(name, `expected an attribute or block name${this.found()}`);
    this.i++;
    if (this.isPunct('=')) {
      this.i++;
      const value = this.expr(depth);
      this.endOfLine();
      return { type: 'attribute', name: name.text, value, start: name.start, end: value.end };
    }
    const labels: string[] = [];
    while (this.tok.kind === 'string' || this.tok.kind === 'ident') {
      labels.push(this.tok.kind === 'string' ? literalText(this.tok) : this.tok.text);
      this.i++;
    }
    this.expect('{');
    if (depth > MAX_NESTING) throw new SyntaxError_(name, 'blocks are nested too deeply');
    const body = this.body(false, depth + 1);
    const close = this.expect('}');
    this.endOfLine();
    return { type: 'block', kind: name.text, labels, body, start: name.start, end: close.end };
  }

  private endOfLine(): void {
    if (this.tok.kind === 'newline' || this.tok.kind === 'eof' || this.isPunct('}')) return;
    throw new SyntaxError_(this.tok, `expected the end of the line${this.found()}`);
  }

  /** An expression: operands joined by operators and `? :` are kept as `other`. */
  expr(depth: number): Expr {
    if (depth > MAX_NESTING) throw new SyntaxError_(this.tok, 'the expression is nested too deeply');
    const first = this.unary(depth);
    let end = first.end;
    let joined = false;
    for (;;) {
      if (this.tok.kind === 'punct' && BINARY.has(this.tok.text)) {
        this.i++;
        // An operand may follow its operator on the next line.
        this.skipNewlines();
        end = this.unary(depth).end;
        joined = true;
      } else if (this.isPunct('?')) {
        this.i++;
        this.expr(depth + 1);
        this.expect(':');
        end = this.expr(depth + 1).end;
        joined = true;
      } else break;
    }
    return joined ? { type: 'other', start: first.start, end } : first;
  }

  private unary(depth: number): Expr {
    if (depth > MAX_NESTING) throw new SyntaxError_(this.tok, 'the expression is nested too deeply');
    if (this.isPunct('!') || this.isPunct('-')) {
      const op = this.tokens[this.i++];
      const inner = this.unary(depth + 1);
      return { type: 'other', start: op.start, end: inner.end };
    }
    return this.postfix(this.primary(depth), depth);
  }

  private primary(depth: number): Expr {
    const t = this.tok;
    if (t.kind === 'number') return this.take({ type: 'literal', value: Number(t.text), start: t.start, end: t.end });
    if (t.kind === 'string' || t.kind === 'heredoc') return this.take(this.template(t, depth));
    if (t.kind === 'ident') return this.identifier(t, depth);
    if (this.isPunct('[')) return this.tuple(depth);
    if (this.isPunct('{')) return this.object(depth);
    if (this.isPunct('(')) {
      this.i++;
      this.skipNewlines();
      const inner = this.expr(depth + 1);
      this.skipNewlines();
      const close = this.expect(')');
      return { ...inner, start: t.start, end: close.end };
    }
    throw new SyntaxError_(t, `expected an expression${this.found()}`);
  }

  private take<T>(value: T): T {
    this.i++;
    return value;
  }

  private identifier(t: Token, depth: number): Expr {
    this.i++;
    if (t.text === 'true' || t.text === 'false') return { type: 'literal', value: t.text === 'true', start: t.start, end: t.end };
    if (t.text === 'null') return { type: 'literal', value: null, start: t.start, end: t.end };
    if (this.isPunct('(')) return this.call(t, depth);
    return { type: 'traversal', root: t.text, steps: [], start: t.start, end: t.end };
  }

  private call(name: Token, depth: number): Expr {
    this.i++;
    const args = this.list(')', depth);
    const close = this.expect(')');
    return { type: 'call', name: name.text, args, start: name.start, end: close.end };
  }

  /** `.name`, `[index]`, `.*` and `[*]` after an expression: steps of a traversal, else `other`. */
  private postfix(e: Expr, depth: number): Expr {
    let cur = e;
    for (;;) {
      if (this.isPunct('.')) {
        this.i++;
        const t = this.tok;
        if (t.kind !== 'ident' && t.kind !== 'number' && !(t.kind === 'punct' && t.text === '*')) throw new SyntaxError_(t, `expected an attribute name after "."${this.found()}`);
        this.i++;
        cur = step(cur, t.kind === 'number' ? Number(t.text) : t.text, t.end);
      } else if (this.isPunct('[')) {
        this.i++;
        const index = this.isPunct('*') ? this.take<Expr>({ type: 'other', start: this.tok.start, end: this.tok.end }) : this.expr(depth + 1);
        const close = this.expect(']');
        cur = step(cur, index.type === 'literal' && (typeof index.value === 'number' || typeof index.value === 'string') ? index.value : '*', close.end);
      } else return cur;
    }
  }

  private tuple(depth: number): Expr {
    const open = this.tokens[this.i++];
    if (this.tok.kind === 'ident' && this.tok.text === 'for') return this.skipTo(']', open);
    const items = this.list(']', depth);
    const close = this.expect(']');
    return { type: 'tuple', items, start: open.start, end: close.end };
  }

  /** Comma-separated expressions (newlines allowed) up to `close`, which is left for the caller. */
  private list(close: string, depth: number): Expr[] {
    const items: Expr[] = [];
    this.skipNewlines();
    while (!this.isPunct(close)) {
      items.push(this.expr(depth + 1));
      this.skipNewlines();
      if (this.isPunct('...')) this.i++;
      if (!this.isPunct(',')) break;
      this.i++;
      this.skipNewlines();
    }
    this.skipNewlines();
    return items;
  }

  private object(depth: number): Expr {
    const open = this.tokens[this.i++];
    this.skipNewlines();
    if (this.tok.kind === 'ident' && this.tok.text === 'for') return this.skipTo('}', open);
    const items: ObjectItem[] = [];
    while (!this.isPunct('}')) {
      const key = this.tok;
      const keyExpr = this.expr(depth + 1);
      if (!this.isPunct('=') && !this.isPunct(':')) throw new SyntaxError_(this.tok, `expected "=" or ":" after an object key${this.found()}`);
      this.i++;
      const value = this.expr(depth + 1);
      items.push({ key: objectKey(keyExpr, key), value, start: key.start, end: value.end });
      if (this.isPunct(',')) this.i++;
      else if (this.tok.kind !== 'newline' && !this.isPunct('}')) throw new SyntaxError_(this.tok, `expected "," or a new line between object items${this.found()}`);
      this.skipNewlines();
    }
    const close = this.expect('}');
    return { type: 'object', items, start: open.start, end: close.end };
  }

  /** A `for` expression: read over to its matching bracket. */
  private skipTo(close: string, open: Token): Expr {
    const openText = open.text;
    let depth = 1;
    while (this.tok.kind !== 'eof') {
      const t = this.tokens[this.i++];
      if (t.kind === 'punct' && t.text === openText) depth++;
      else if (t.kind === 'punct' && t.text === close && --depth === 0) return { type: 'other', start: open.start, end: t.end };
    }
    throw new SyntaxError_(this.tok, `expected "${close}"${this.found()}`);
  }

  /** A string or heredoc token: literal pieces and parsed interpolations. */
  private template(t: Token, depth: number): Expr {
    const parts: Array<string | Expr> = [];
    for (const p of t.parts ?? []) parts.push('text' in p ? p.text : this.interpolation(p, depth));
    if (parts.length === 1 && typeof parts[0] === 'string') return { type: 'literal', value: parts[0], start: t.start, end: t.end };
    return { type: 'template', parts, start: t.start, end: t.end };
  }

  private interpolation(p: Exclude<StringPart, { text: string }>, depth: number): Expr {
    const inner = lexHcl(this.text, p.start, p.end);
    const sub = new Parser(this.text, inner.tokens);
    // A template directive (`%{ if … }`) or a strip marker (`${~ x}`) leaves the value unknown.
    if (this.text[p.start - 2] === '%' || this.text[p.start] === '~') return { type: 'other', start: p.start, end: p.end };
    try {
      return sub.expr(depth + 1);
    } catch (e) {
      if (!(e instanceof SyntaxError_)) throw e;
      this.problems.push({ message: e.message, start: e.at.start, end: Math.max(e.at.end, e.at.start + 1) });
      return { type: 'other', start: p.start, end: p.end };
    }
  }
}

function step(e: Expr, s: string | number, end: number): Expr {
  if (e.type === 'traversal') return { ...e, steps: [...e.steps, s], end };
  return { type: 'other', start: e.start, end };
}

function objectKey(e: Expr, t: Token): string {
  if (e.type === 'traversal' && e.steps.length === 0) return e.root;
  if (e.type === 'literal') return String(e.value);
  return t.text;
}

/** The decoded text of a string token without interpolations. */
function literalText(t: Token): string {
  return (t.parts ?? []).map((p) => ('text' in p ? p.text : '')).join('');
}

/** The attribute `name` of a body. */
export function attribute(body: Body, name: string): Attribute | undefined {
  return body.find((x): x is Attribute => x.type === 'attribute' && x.name === name);
}

/** The blocks of a body of one kind. */
export function blocks(body: Body, kind: string): Block[] {
  return body.filter((x): x is Block => x.type === 'block' && x.kind === kind);
}
