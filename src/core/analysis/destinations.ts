/**
 * Destinations (SPEC §3.2, §6.3): where a call, `new` or assignment hands data over. Annotated
 * destinations come from the tags of the callee, its class, or any object along the receiver chain (a
 * tagged client covers every method reached through it, `stripe.checkout.sessions.create`) or the
 * assigned property; calls between a tagged class's own members are not sinks. Inferred ones come from
 * AWS SDK clients (v3 `@aws-sdk/client-*`, v2 `aws-sdk`; an `endpoint` beats `region`), the SDK catalogue
 * and the config's `packages` (sdkCalls.ts), and HTTP calls (`fetch`, also as `globalThis`/`window`/`self`
 * `.fetch`, `axios`, `http(s).request`, `got`, `undici`) whose host the region catalogue or a vendor's host
 * patterns resolve. An inferred egress inside a tagged class whose own country is unresolved takes the
 * class's destination.
 */
import ts = require('typescript');
import type { Annotation } from '../annotations/types';
import type { RegionCatalog } from '../vocabulary/regionTypes';
import type { Party } from '../config/types';
import { constObject, constString, objectProperty, type EnvValues } from './constants';
import { importOrigin, stripNodePrefix } from './imports';
import { isFunctionWithBody, nameText, referencedSymbol, skipOuterExpressions } from './nodes';
import type { DestinationGate } from './destinationGate';
import type { SdkCallResolver } from './sdkCalls';
import type { IacDestinations } from '../iac/hook';
import type { Step } from '../iac/model';
import type { AnnotationLookup } from './sources';

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { SyntaxKind, forEachChild, isBinaryExpression, isCallExpression, isClassLike, isElementAccessExpression, isIdentifier, isInterfaceDeclaration, isMethodDeclaration, isMethodSignature, isNewExpression, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isVariableDeclaration } = ts;

/** A catalogue vendor, for messages: who it is, which package, whether it offers a region in Japan, how to pin one. */
export interface VendorInfo {
  readonly id: string;
  readonly name: string;
  readonly pkg: string;
  readonly japanRegion: boolean;
  /** How to pin the region through the package (absent for plain HTTP to the vendor's host). */
  readonly pin?: Readonly<Record<'en' | 'ja', string>>;
}

export interface Destination {
  readonly kind: 'annotated' | 'aws-sdk' | 'http' | 'exposed' | 'sdk' | 'iac';
  /** Where the data is stored or processed, when stated (region or host); parties carry their own countries. */
  readonly country: string | null;
  readonly region: string | null;
  readonly recipient: string | null;
  readonly readers: readonly string[];
  readonly bases: readonly string[];
  /** An egress whose country cannot be resolved (JPR010). */
  readonly unresolved: boolean;
  /** What the destination is, for messages: a region, a host, a callee. */
  readonly description: string;
  /** A built-in party (an SDK catalogue vendor) with the country it processes in. */
  readonly party?: Party;
  readonly vendor?: VendorInfo;
  /** Indexes of the call's arguments that carry data (all of them when absent). */
  readonly dataArgs?: readonly number[];
  /** Steps in the infrastructure code that led here (env binding → resource → region), after the sink in a finding's path. */
  readonly steps?: readonly Step[];
  /** Further places the same call reaches (other environments, replicas): each is a destination of its own. */
  readonly also?: readonly Destination[];
}

/** A destination and the places it also reaches, each once. */
export function placesOf(d: Destination): readonly Destination[] {
  return d.also ? [d, ...d.also] : [d];
}

interface Parts {
  region?: NonNullable<Annotation['region']>;
  recipient?: string;
  readers: string[];
  bases: string[];
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);
/** Every callee name an inferred HTTP destination can have, whatever the workspace declares (see relevance.ts). */
export const INFERRED_DESTINATION_CALLEES: ReadonlySet<string> = new Set([...HTTP_METHODS, 'fetch', 'stream', 'sendBeacon', 'write', 'end']);
const FETCH_MODULES = new Set(['node-fetch', 'undici', 'cross-fetch', 'isomorphic-fetch']);
/** The global objects `fetch` is read from as a member (`globalThis.fetch(…)`). */
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);

export class DestinationResolver {
  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly annotations: AnnotationLookup,
    private readonly regions: RegionCatalog,
    private readonly gate: DestinationGate,
    private readonly sdk: SdkCallResolver,
    private readonly env: EnvValues,
    /** The infrastructure join (config `iac`), refining AWS SDK storage calls; absent when `iac` is not configured. */
    private readonly iac?: IacDestinations,
  ) {}

  /** The destination a call or `new` sends its arguments to, if any. */
  ofCall(call: ts.CallExpression | ts.NewExpression): Destination | undefined {
    const annotated = this.annotatedCall(call);
    const inferred = this.inferredCall(call);
    // An inferred egress whose country is unknown adds nothing to a tag: the tagged destination stands.
    if (!annotated || !inferred || annotated.region || annotated.country || inferred.unresolved) return annotated ?? inferred;
    // Tags that name only parties (`@readable-by` on an SDK client) keep the inferred region (each place of it).
    const withPlace = (place: Destination): Destination => ({
      ...annotated, country: place.country, region: place.region, unresolved: place.unresolved, description: `${annotated.description} (${place.description})`,
      ...(place.steps ? { steps: place.steps } : {}),
    });
    return inferred.also ? { ...withPlace(inferred), also: inferred.also.map(withPlace) } : withPlace(inferred);
  }

  /** An inferred egress; unresolved inside a tagged class or function, that class's or function's destination. */
  private inferredCall(call: ts.CallExpression | ts.NewExpression): Destination | undefined {
    const inferred = this.awsCall(call) ?? this.sdkCall(call) ?? this.httpCall(call);
    if (!inferred?.unresolved) return inferred;
    return this.enclosingClassDestination(call) ?? inferred;
  }

  private sdkCall(call: ts.CallExpression | ts.NewExpression): Destination | undefined {
    return this.gate.usesSdk && isCallExpression(call) ? this.sdk.ofCall(call) : undefined;
  }

  /**
   * The destination tags of the classes and functions around a node, innermost first: a tagged wrapper
   * (`/** @recipient groq *\/ const callGroq = (body) => fetch(url, …)`) is where its own egress goes.
   */
  private enclosingClassDestination(node: ts.Node): Destination | undefined {
    if (this.gate.declarations.size === 0) return undefined;
    for (let cur: ts.Node | undefined = node.parent; cur; cur = cur.parent) {
      const tagged = isClassLike(cur) ? this.annotations.get(cur) : isFunctionWithBody(cur) ? this.annotationOfFunction(cur) : undefined;
      if (!tagged) continue;
      const parts: Parts = { readers: [], bases: [] };
      this.addAnnotation(parts, tagged);
      const d = this.fromParts(parts, nameText(cur) ?? (isClassLike(cur) ? 'class' : 'function'));
      if (d) return d;
    }
    return undefined;
  }

  /** The destination of a value assigned to a tagged property or variable. */
  ofAssignmentTarget(target: ts.Expression): Destination | undefined {
    if (!this.gate.mayBeTagged(target)) return undefined;
    const sym = this.symbolOf(target);
    const parts: Parts = { readers: [], bases: [] };
    this.addDeclarations(parts, sym);
    return this.fromParts(parts, target.getText());
  }

  /** For a function tagged `@exposes-to`: where its return values go. */
  ofExposure(fn: ts.Node): Destination | undefined {
    const ann = this.annotationOfFunction(fn);
    if (!ann?.exposesTo || ann.exposesTo.length === 0) return undefined;
    const name = (fn as { name?: ts.Node }).name?.getText() ?? 'function';
    return { kind: 'exposed', country: null, region: null, recipient: null, readers: [...ann.exposesTo], bases: [...(ann.basis ?? [])], unresolved: false, description: `${name}() return value` };
  }

  /** `@basis` ids on the functions enclosing a sink. */
  basesAround(node: ts.Node): string[] {
    const out: string[] = [];
    for (let cur: ts.Node | undefined = node.parent; cur; cur = cur.parent) {
      if (isFunctionWithBody(cur) || isClassLike(cur)) out.push(...(this.annotationOfFunction(cur)?.basis ?? []));
    }
    return out;
  }

  /** Annotation of a function, also when it is the initializer of an annotated variable or property. */
  annotationOfFunction(fn: ts.Node): Annotation | undefined {
    const own = this.annotations.get(fn);
    if (own) return own;
    const p = fn.parent;
    if (p && (isVariableDeclaration(p) || isPropertyAssignment(p) || isPropertyDeclaration(p) || isBinaryExpression(p))) return this.annotations.get(p);
    return undefined;
  }

  private symbolOf(e: ts.Expression): ts.Symbol | undefined {
    return referencedSymbol(this.checker, e);
  }

  private addAnnotation(parts: Parts, ann: Annotation | undefined): void {
    if (!ann) return;
    parts.region ??= ann.region;
    parts.recipient ??= ann.recipient;
    for (const r of ann.readableBy ?? []) if (!parts.readers.includes(r)) parts.readers.push(r);
    for (const b of ann.basis ?? []) if (!parts.bases.includes(b)) parts.bases.push(b);
  }

  /** `within`: a call made inside this class through `this` — its own class's tags do not make it a sink. */
  private addDeclarations(parts: Parts, sym: ts.Symbol | undefined, within?: ts.ClassLikeDeclaration): void {
    for (const d of sym?.declarations ?? []) {
      this.addAnnotation(parts, this.annotations.get(d));
      if (isVariableDeclaration(d) || isPropertyAssignment(d)) {
        const init = d.initializer && skipOuterExpressions(d.initializer);
        if (init && isFunctionWithBody(init)) this.addAnnotation(parts, this.annotations.get(init));
      }
      if (isPropertyAccessExpression(d) && isBinaryExpression(d.parent)) this.addAnnotation(parts, this.annotations.get(d.parent));
      if ((isMethodDeclaration(d) || isMethodSignature(d)) && (isClassLike(d.parent) || isInterfaceDeclaration(d.parent)) && d.parent !== within) {
        this.addAnnotation(parts, this.annotations.get(d.parent));
      }
    }
  }

  private addTypeDeclarations(parts: Parts, e: ts.Expression): void {
    const type = this.checker.getTypeAtLocation(e);
    for (const d of type.getSymbol()?.declarations ?? []) this.addAnnotation(parts, this.annotations.get(d));
  }

  private annotatedCall(call: ts.CallExpression | ts.NewExpression): Destination | undefined {
    const callee = skipOuterExpressions(call.expression);
    if (!this.gate.mayBeTagged(callee)) return undefined;
    const parts: Parts = { readers: [], bases: [] };
    const within = thisClassOf(callee);
    this.addDeclarations(parts, this.symbolOf(callee), within);
    if (isPropertyAccessExpression(callee) || isElementAccessExpression(callee)) {
      const receiver = callee.expression;
      this.addReceiverChain(parts, receiver, within);
      if (receiver.kind !== SyntaxKind.ThisKeyword || !within) this.addTypeDeclarations(parts, receiver);
    }
    return this.fromParts(parts, `${callee.getText()}()`);
  }

  /** Tags on every object along a receiver chain (`this.stripe.checkout.sessions`: sessions, checkout, stripe). */
  private addReceiverChain(parts: Parts, receiver: ts.Expression, within: ts.ClassLikeDeclaration | undefined): void {
    for (let cur = skipOuterExpressions(receiver); ; cur = skipOuterExpressions((cur as ts.PropertyAccessExpression).expression)) {
      if (cur.kind === SyntaxKind.ThisKeyword) return;
      if (this.gate.mayBeTagged(cur)) this.addDeclarations(parts, this.symbolOf(cur), within);
      if (!isPropertyAccessExpression(cur) && !isElementAccessExpression(cur) && !isCallExpression(cur)) return;
    }
  }

  private fromParts(parts: Parts, description: string): Destination | undefined {
    if (!parts.region && !parts.recipient && parts.readers.length === 0) return undefined;
    const region = parts.region;
    return {
      kind: 'annotated',
      country: region?.country ?? null,
      region: region?.region ?? null,
      recipient: parts.recipient ?? null,
      readers: parts.readers,
      bases: parts.bases,
      unresolved: region !== undefined && region.country === null,
      description: region ? `${description} in ${region.written}` : description,
    };
  }

  // ---- AWS SDK ----

  private awsCall(call: ts.CallExpression | ts.NewExpression): Destination | undefined {
    if (!this.gate.usesAws || !isCallExpression(call)) return undefined;
    const callee = skipOuterExpressions(call.expression);
    if (!isPropertyAccessExpression(callee)) return undefined;
    const client = this.awsClient(callee.expression, 0);
    if (!client) return undefined;
    const own = this.awsClientDestination(client);
    return this.iac ? this.iac.refine(call, own) : own;
  }

  /** Where a client sends, from its own options: an `endpoint`, else its `region`. */
  private awsClientDestination(client: ts.NewExpression): Destination {
    const endpoint = objectProperty(client.arguments?.[0], 'endpoint', this.checker);
    if (endpoint) return this.awsEndpoint(client, endpoint);
    const regionExpr = objectProperty(client.arguments?.[0], 'region', this.checker);
    const code = constString(this.checker, regionExpr, this.env);
    const resolved = code?.complete ? this.regions.resolveProviderRegion('aws', code.text) : undefined;
    const clientName = client.expression.getText();
    if (!resolved) {
      return { kind: 'aws-sdk', country: null, region: null, recipient: null, readers: [], bases: [], unresolved: true, description: `${clientName} with a region not known at analysis time` };
    }
    return { kind: 'aws-sdk', country: resolved.country, region: resolved.region, recipient: null, readers: [], bases: [], unresolved: resolved.country === null, description: `${clientName} in ${resolved.region}` };
  }

  /** An S3-compatible `endpoint` (NAVER Cloud, OCI …) decides the place: its `region` is that provider's code, not AWS's. */
  private awsEndpoint(client: ts.NewExpression, endpoint: ts.Expression): Destination {
    const clientName = client.expression.getText();
    const url = constString(this.checker, endpoint, this.env);
    const host = parseHost(url);
    const m = typeof host === 'string' ? this.regions.matchHost(host.toLowerCase()) : undefined;
    if (!m?.country) {
      const why = typeof host === 'string' ? `endpoint ${host}, whose country is not known` : 'an endpoint not known at analysis time';
      return { kind: 'aws-sdk', country: null, region: null, recipient: null, readers: [], bases: [], unresolved: true, description: `${clientName} with ${why}` };
    }
    return { kind: 'aws-sdk', country: m.country, region: m.region, recipient: null, readers: [], bases: [], unresolved: false, description: `${clientName} at ${host}${m.region ? ` (${m.region})` : ''}` };
  }

  /** The `new …Client(…)` an expression holds, following consts, properties and `DocumentClient.from(…)`. */
  private awsClient(expr: ts.Expression, depth: number): ts.NewExpression | undefined {
    if (depth > 4) return undefined;
    const e = skipOuterExpressions(expr);
    if (isNewExpression(e)) return this.isAwsConstructor(e.expression) ? e : undefined;
    if (isCallExpression(e) && isPropertyAccessExpression(e.expression) && e.expression.name.text === 'from' && e.arguments.length > 0) {
      const origin = this.originOf(e.expression.expression);
      if (origin?.module.startsWith('@aws-sdk/')) return this.awsClient(e.arguments[0], depth + 1);
      return undefined;
    }
    if (!isIdentifier(e) && !isPropertyAccessExpression(e)) return undefined;
    const sym = this.symbolOf(e);
    for (const d of sym?.declarations ?? []) {
      const init = isVariableDeclaration(d) || isPropertyDeclaration(d) || isPropertyAssignment(d) ? d.initializer
        : isPropertyAccessExpression(d) && isBinaryExpression(d.parent) ? d.parent.right : undefined;
      const found = init && this.awsClient(init, depth + 1);
      if (found) return found;
    }
    return this.awsClientAssignedInClass(sym, depth);
  }

  /** `this.s3 = new S3Client(…)` in a constructor, for a property declared without initializer. */
  private awsClientAssignedInClass(sym: ts.Symbol | undefined, depth: number): ts.NewExpression | undefined {
    const decl = sym?.declarations?.find(isPropertyDeclaration);
    const ctor = decl && isClassLike(decl.parent) ? decl.parent.members.find(ts.isConstructorDeclaration) : undefined;
    let found: ts.NewExpression | undefined;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (isBinaryExpression(n) && n.operatorToken.kind === SyntaxKind.EqualsToken && isPropertyAccessExpression(n.left) &&
        n.left.expression.kind === SyntaxKind.ThisKeyword && n.left.name.text === sym!.name) {
        found = this.awsClient(n.right, depth + 1);
      }
      forEachChild(n, visit);
    };
    if (ctor?.body) visit(ctor.body);
    return found;
  }

  private isAwsConstructor(ctor: ts.Expression): boolean {
    let c = skipOuterExpressions(ctor);
    while (isPropertyAccessExpression(c)) c = skipOuterExpressions(c.expression);
    const origin = this.originOf(c);
    if (!origin) return false;
    return origin.module.startsWith('@aws-sdk/client-') || origin.module === 'aws-sdk' || origin.module.startsWith('aws-sdk/clients/');
  }

  private originOf(e: ts.Expression) {
    const x = skipOuterExpressions(e);
    return isIdentifier(x) ? importOrigin(this.checker, x) : undefined;
  }

  // ---- HTTP ----

  private httpCall(call: ts.CallExpression | ts.NewExpression): Destination | undefined {
    if (!isCallExpression(call)) return undefined;
    const target = this.httpTarget(call) ?? this.requestStreamTarget(call);
    if (!target) return undefined;
    const url = target.url && skipOuterExpressions(target.url);
    if (url && isNewExpression(url) && isIdentifier(url.expression) && (url.expression.text === 'URL' || url.expression.text === 'Request')) {
      return this.urlDestination(url.arguments?.[0], url.expression.text === 'URL' ? url.arguments?.[1] ?? target.base : target.base);
    }
    return this.urlDestination(target.url, target.base, target.hostExpr);
  }

  /** `req.write(data)` / `req.end(data)` on `const req = https.request(…)`: the body goes where the request goes. */
  private requestStreamTarget(call: ts.CallExpression): { url?: ts.Expression; base?: ts.Expression; hostExpr?: ts.Expression } | undefined {
    const callee = skipOuterExpressions(call.expression);
    if (!isPropertyAccessExpression(callee) || (callee.name.text !== 'write' && callee.name.text !== 'end')) return undefined;
    const recv = skipOuterExpressions(callee.expression);
    if (!isIdentifier(recv)) return undefined;
    for (const d of this.symbolOf(recv)?.declarations ?? []) {
      const init = isVariableDeclaration(d) && d.initializer ? skipOuterExpressions(d.initializer) : undefined;
      if (init && isCallExpression(init)) return this.httpTarget(init);
    }
    return undefined;
  }

  private httpTarget(call: ts.CallExpression): { url?: ts.Expression; base?: ts.Expression; hostExpr?: ts.Expression } | undefined {
    const callee = skipOuterExpressions(call.expression);
    const [a0] = call.arguments;
    if (isIdentifier(callee)) {
      if (!this.gate.mayBeHttpFunction(callee.text, call.getSourceFile())) return undefined;
      const origin = importOrigin(this.checker, callee);
      const name = origin?.name === 'default' || origin?.name === '*' ? callee.text : origin?.name ?? callee.text;
      if (name === 'fetch' && (!origin || FETCH_MODULES.has(origin.module)) && this.isGlobalOrImported(callee, origin)) return { url: a0 };
      if (origin?.module === 'axios') return this.axiosTarget(a0);
      if (origin?.module === 'got') return { url: a0 };
      if (origin?.module === 'undici' && (name === 'request' || name === 'stream')) return { url: a0 };
      return undefined;
    }
    if (!isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    const recv = skipOuterExpressions(callee.expression);
    if (method === 'sendBeacon') return { url: a0 };
    if (method === 'fetch' && isIdentifier(recv) && GLOBAL_OBJECTS.has(recv.text) && this.isGlobalOrImported(recv, undefined)) return { url: a0 };
    if (!HTTP_METHODS.has(method)) return undefined;
    if (!isIdentifier(recv)) return undefined;
    const origin = importOrigin(this.checker, recv);
    const module = origin && stripNodePrefix(origin.module);
    if ((module === 'http' || module === 'https') && (method === 'request' || method === 'get')) {
      return constObject(this.checker, a0) ? { hostExpr: objectProperty(a0, 'hostname', this.checker) ?? objectProperty(a0, 'host', this.checker) } : { url: a0 };
    }
    if ((module === 'got' || module === 'undici') && HTTP_METHODS.has(method)) return { url: a0 };
    if (module === 'axios' && HTTP_METHODS.has(method)) return method === 'request' ? this.axiosTarget(a0) : { url: a0 };
    const instance = this.axiosInstanceConfig(recv);
    if (instance !== undefined && HTTP_METHODS.has(method)) return { url: method === 'request' ? objectProperty(a0, 'url') : a0, base: objectProperty(instance, 'baseURL') };
    return undefined;
  }

  private isGlobalOrImported(id: ts.Identifier, origin: unknown): boolean {
    if (origin) return true;
    const sym = this.checker.getSymbolAtLocation(id);
    const decls = sym?.declarations ?? [];
    return decls.length === 0 || decls.every((d) => d.getSourceFile().isDeclarationFile);
  }

  private axiosTarget(arg: ts.Expression | undefined): { url?: ts.Expression; base?: ts.Expression } {
    const a = arg && skipOuterExpressions(arg);
    if (a && isObjectLiteralExpression(a)) return { url: objectProperty(a, 'url'), base: objectProperty(a, 'baseURL') };
    return { url: arg };
  }

  /** The config object of `const api = axios.create({ baseURL })`, when `recv` is such an instance. */
  private axiosInstanceConfig(recv: ts.Identifier): ts.Expression | undefined {
    const sym = this.symbolOf(recv);
    for (const d of sym?.declarations ?? []) {
      if (!isVariableDeclaration(d) || !d.initializer) continue;
      const init = skipOuterExpressions(d.initializer);
      if (isCallExpression(init) && isPropertyAccessExpression(init.expression) && init.expression.name.text === 'create' &&
        this.originOf(init.expression.expression)?.module === 'axios') return init.arguments[0] ?? init;
    }
    return undefined;
  }

  private urlDestination(url: ts.Expression | undefined, base: ts.Expression | undefined, hostExpr?: ts.Expression): Destination | undefined {
    const host = hostExpr ? constString(this.checker, hostExpr, this.env) : undefined;
    let hostName: string | undefined;
    if (host?.complete) hostName = host.text;
    else if (!hostExpr) {
      const u = constString(this.checker, url, this.env);
      const b = constString(this.checker, base, this.env);
      const own = parseHost(u);
      const parsed = own === 'relative' || own === undefined ? (b ? parseHost(b) : own) : own;
      if (parsed === 'relative' || (parsed === undefined && u?.complete && !b && !/^[a-z][a-z0-9+.-]*:/i.test(u.text))) return undefined;
      if (typeof parsed === 'string') hostName = parsed;
    }
    if (!hostName) return unresolvedHttp('an endpoint whose host is not known at analysis time');
    const h = hostName.toLowerCase();
    if (h === 'localhost' || h.startsWith('127.') || h === '[::1]' || h === '::1') return undefined;
    const m = this.regions.matchHost(h);
    if (!m.country) return (m.matched ? undefined : this.sdk.ofHost(h)) ?? unresolvedHttp(`https://${h}`);
    return { kind: 'http', country: m.country, region: m.region, recipient: null, readers: [], bases: [], unresolved: false, description: `https://${h}` };
  }
}

function unresolvedHttp(description: string): Destination {
  return { kind: 'http', country: null, region: null, recipient: null, readers: [], bases: [], unresolved: true, description };
}

/** The host of a URL known at analysis time; 'relative' for a same-origin path; undefined when unknown. */
function parseHost(u: { text: string; complete: boolean } | undefined): string | 'relative' | undefined {
  if (!u) return undefined;
  if (u.text.startsWith('/') && !u.text.startsWith('//')) return 'relative';
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/:?#]*)([/:?#]|$)/i.exec(u.text);
  if (!m) return undefined;
  const complete = m[2] !== '' || u.complete;
  return complete && m[1] ? m[1] : undefined;
}

/** For a call through `this` (`this.m()`, `this.client.send()`), the class it is made in. */
function thisClassOf(callee: ts.Expression): ts.ClassLikeDeclaration | undefined {
  let cur = skipOuterExpressions(callee);
  while (isPropertyAccessExpression(cur) || isElementAccessExpression(cur) || isCallExpression(cur)) cur = skipOuterExpressions(cur.expression);
  if (cur.kind !== SyntaxKind.ThisKeyword) return undefined;
  for (let n: ts.Node | undefined = cur.parent; n; n = n.parent) if (isClassLike(n)) return n;
  return undefined;
}
