// Deterministic generator of a NestJS-style app "in real shapes" for measurements (issue 18): feature
// modules with controllers, services, abstract and generic repositories with ORM-backed implementations,
// awaited ORM-like calls, mappers, DTO hierarchies through a local `PartialType`, legacy decorators
// (declared locally, so no package is needed), locals whose types are inferred, deep entity class
// hierarchies and library types (Map, Set, Promise.all, Array methods). Personal data is annotated as a
// privacy team would: on the domain interfaces (`@residency`, `@category`), on the clients that send data
// abroad (`@recipient`, `@region`) and in residency.config.json; the entities and DTOs inherit the tags
// through `implements`. Unlike bench/generate.mjs the checker's flow phase must ask the type checker for
// most types. Same arguments, same output, byte for byte.
//   node bench/generate-real.mjs --lines 100000 --out /tmp/real100k [--seed 11]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '10000' }, out: { type: 'string' }, seed: { type: 'string', default: '11' } } });
if (!values.out) throw new Error('--out DIR is required');
const target = Number(values.lines);
let state = Number(values.seed) >>> 0;
const rnd = (n) => { state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x6d2b79f5) >>> 0; return state % n; };

const NOUNS = ['Customer', 'Order', 'Invoice', 'Shipment', 'Ticket', 'Booking', 'Member', 'Review', 'Payout', 'Device', 'Visit', 'Claim'];
const RESIDENCY = ['jp-with-basis', 'jp-only', 'jp-or-equivalent'];
/** Where a module's service sends a record: a foreign recipient, a foreign region, or a domestic vendor (no finding). */
const SINKS = [
  { field: 'mail', type: 'MailClient', file: 'mail.client', call: (v) => `await this.mail.send({ to: ${v}.email, subject: 'Updated', context: { name: ${v}.fullName, at: Date.now() } });` },
  { field: 'analytics', type: 'AnalyticsClient', file: 'analytics.client', call: (v) => `this.analytics.track('updated', { id: ${v}.id, phone: ${v}.phone, plan: ${v}.plan });` },
  { field: 'archive', type: 'ArchiveStore', file: 'archive.store', call: (v) => `await this.archive.put(\`\${${v}.id}.json\`, JSON.stringify({ address: ${v}.address, email: ${v}.email }));` },
  { field: 'sms', type: 'DomesticSmsClient', file: 'sms.client', call: (v) => `await this.sms.send(${v}.phone, \`Hello \${${v}.fullName}\`);` },
];

// ---- shared code: decorators, mapped types, ORM, base entities, abstract repository, clients ----

const DECORATORS = `// Local stand-ins for @nestjs/common, class-validator and typeorm decorators (legacy decorators).
export type Ctor<T = object> = new (...args: any[]) => T;
export type AnyClass = abstract new (...args: any[]) => object;
type ClassDeco = <C extends Ctor>(target: C) => C | void;
type PropDeco = (target: object, key: string | symbol) => void;
type ParamDeco = (target: object, key: string | symbol | undefined, index: number) => void;
type MethodDeco = (target: object, key: string | symbol, descriptor: PropertyDescriptor) => void;

const registry = new Map<Ctor, Record<string, unknown>>();
const meta = (kind: string, value: unknown = true): ClassDeco => (target) => {
  registry.set(target, { ...(registry.get(target) ?? {}), [kind]: value });
};
const noopProp = (): PropDeco => () => undefined;
const noopParam = (): ParamDeco => () => undefined;
const route = (method: string, path = ''): MethodDeco => (target, key) => {
  const owner = target.constructor as Ctor;
  const routes = (registry.get(owner)?.routes as string[] | undefined) ?? [];
  registry.set(owner, { ...(registry.get(owner) ?? {}), routes: [...routes, \`\${method} \${path} \${String(key)}\`] });
};

export const Injectable = (): ClassDeco => meta('injectable');
export const Controller = (prefix: string): ClassDeco => meta('controller', prefix);
export const Module = (options: { imports?: AnyClass[]; controllers?: AnyClass[]; providers?: AnyClass[]; exports?: AnyClass[] }): ClassDeco => meta('module', options);
export const Entity = (table?: string): ClassDeco => meta('entity', table);
export const Get = (path?: string): MethodDeco => route('GET', path);
export const Post = (path?: string): MethodDeco => route('POST', path);
export const Patch = (path?: string): MethodDeco => route('PATCH', path);
export const Body = noopParam;
export const Param = (_name?: string): ParamDeco => noopParam();
export const Column = (_options?: { nullable?: boolean; unique?: boolean; default?: unknown }): PropDeco => noopProp();
export const PrimaryGeneratedColumn = (_kind?: 'uuid' | 'increment'): PropDeco => noopProp();
export const IsEmail = noopProp;
export const IsString = noopProp;
export const IsOptional = noopProp;
export const MaxLength = (_n: number): PropDeco => noopProp();

export function metadataOf(target: Ctor): Readonly<Record<string, unknown>> {
  return registry.get(target) ?? {};
}
`;

const MAPPED = `// A local PartialType / PickType as @nestjs/mapped-types declares them.
import type { Ctor } from './decorators';

export function PartialType<T>(base: Ctor<T>): Ctor<Partial<T>> {
  abstract class PartialClass {}
  Object.setPrototypeOf(PartialClass.prototype, base.prototype);
  return PartialClass as unknown as Ctor<Partial<T>>;
}

export function PickType<T, K extends keyof T>(base: Ctor<T>, keys: readonly K[]): Ctor<Pick<T, K>> {
  abstract class PickClass {}
  Object.defineProperty(PickClass, 'keys', { value: keys });
  Object.setPrototypeOf(PickClass.prototype, base.prototype);
  return PickClass as unknown as Ctor<Pick<T, K>>;
}
`;

const ORM = `// An ORM-like generic repository over an in-memory Map (find options typed like TypeORM's).
export type Where<T> = { [K in keyof T]?: T[K] | { in: T[K][] } };
export interface FindOptions<T> {
  where?: Where<T>;
  order?: { [K in keyof T]?: 'ASC' | 'DESC' };
  take?: number;
  skip?: number;
}

export class OrmRepository<T extends { id: string }> {
  private readonly rows = new Map<string, T>();

  async findOne(options: FindOptions<T>): Promise<T | null> {
    const [first] = await this.find({ ...options, take: 1 });
    return first ?? null;
  }

  async find(options: FindOptions<T> = {}): Promise<T[]> {
    const where = Object.entries(options.where ?? {}) as [keyof T, unknown][];
    const matching = [...this.rows.values()].filter((row) =>
      where.every(([key, want]) => (typeof want === 'object' && want !== null && 'in' in want ? (want.in as unknown[]).includes(row[key]) : row[key] === want)),
    );
    const start = options.skip ?? 0;
    return matching.slice(start, options.take === undefined ? undefined : start + options.take);
  }

  async save(row: T): Promise<T> {
    this.rows.set(row.id, row);
    return row;
  }

  async remove(id: string): Promise<boolean> {
    return this.rows.delete(id);
  }

  async count(options: FindOptions<T> = {}): Promise<number> {
    return (await this.find(options)).length;
  }
}

export class DataSource {
  private readonly repositories = new Map<string, OrmRepository<{ id: string }>>();

  getRepository<T extends { id: string }>(name: string): OrmRepository<T> {
    let repo = this.repositories.get(name);
    if (!repo) {
      repo = new OrmRepository<{ id: string }>();
      this.repositories.set(name, repo);
    }
    return repo as unknown as OrmRepository<T>;
  }
}
`;

const BASE = `// A deep entity hierarchy and the abstract generic repository every feature module extends.
import { Column, PrimaryGeneratedColumn } from './decorators';

export abstract class BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;
}

export abstract class AuditedEntity extends BaseEntity {
  @Column()
  createdAt: Date = new Date();

  @Column()
  updatedAt: Date = new Date();

  touch(): this {
    this.updatedAt = new Date();
    return this;
  }
}

export abstract class SoftDeletableEntity extends AuditedEntity {
  @Column({ nullable: true })
  deletedAt: Date | null = null;

  get deleted(): boolean {
    return this.deletedAt !== null;
  }
}

export abstract class TenantEntity extends SoftDeletableEntity {
  @Column()
  tenantId = 'default';
}

export interface Page<T> {
  items: T[];
  total: number;
}

export abstract class Repo<T extends { id: string }> {
  abstract findOne(id: string): Promise<T | null>;
  abstract findMany(filter: Partial<T>): Promise<T[]>;
  abstract save(entity: T): Promise<T>;

  async page(filter: Partial<T>, size: number): Promise<Page<T>> {
    const all = await this.findMany(filter);
    return { items: all.slice(0, size), total: all.length };
  }

  async require(id: string): Promise<T> {
    const found = await this.findOne(id);
    if (!found) throw new Error(\`not found: \${id}\`);
    return found;
  }
}
`;

const CLIENTS = {
  'mail.client': `import { Injectable } from '../common/decorators';

export interface MailMessage {
  to: string;
  subject: string;
  context: Record<string, unknown>;
}

@Injectable()
export class MailClient {
  private readonly outbox: MailMessage[] = [];

  /** Sends through the US mail vendor's API. @recipient us-mail */
  async send(message: MailMessage): Promise<void> {
    this.outbox.push(message);
  }
}
`,
  'analytics.client': `import { Injectable } from '../common/decorators';

@Injectable()
export class AnalyticsClient {
  private readonly queue = new Set<string>();

  /** Events to the Singapore analytics group company. @recipient sg-analytics */
  track(event: string, properties: Record<string, unknown>): void {
    this.queue.add(event + JSON.stringify(properties));
  }
}
`,
  'archive.store': `import { Injectable } from '../common/decorators';

@Injectable()
export class ArchiveStore {
  private readonly objects = new Map<string, string>();

  /** Object storage in Seoul. @region aws:ap-northeast-2 */
  async put(key: string, body: string): Promise<void> {
    this.objects.set(key, body);
  }
}
`,
  'sms.client': `import { Injectable } from '../common/decorators';

@Injectable()
export class DomesticSmsClient {
  private sent = 0;

  /** SMS through a Tokyo vendor. @recipient jp-sms */
  async send(phone: string, text: string): Promise<void> {
    this.sent += phone.length + text.length;
  }
}
`,
};

const CONFIG = {
  parties: {
    'us-mail': { name: 'US mail vendor', access: 'contractor-overseas', country: 'US' },
    'sg-analytics': { name: 'Singapore analytics group company', access: 'group-company-overseas', country: 'SG' },
    'jp-sms': { name: 'Tokyo SMS vendor', access: 'contractor-domestic', country: 'JP' },
  },
  assessments: { SG: 'EA-2' },
};
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [],
    experimentalDecorators: true, emitDecoratorMetadata: true, useDefineForClassFields: false,
  },
  include: ['src'],
};

// ---- one feature module ----

function featureModule(i) {
  const noun = `${NOUNS[i % NOUNS.length]}${i}`;
  const lower = noun[0].toLowerCase() + noun.slice(1);
  const residency = RESIDENCY[rnd(RESIDENCY.length)];
  const sink = SINKS[rnd(SINKS.length)];
  // A dependency on an earlier module's service: cross-module calls through injected services.
  const dep = i > 0 ? rnd(i) : -1;
  const depNoun = dep >= 0 ? `${NOUNS[dep % NOUNS.length]}${dep}` : '';
  const depLower = depNoun ? depNoun[0].toLowerCase() + depNoun.slice(1) : '';
  const limit = 10 + rnd(40);
  const files = {};

  files['domain.ts'] = `/** A ${noun} as the business sees it. @residency ${residency} */
export interface ${noun} {
  /** @residency unrestricted */ id: string;
  /** @category contact */ email: string;
  /** @category profile */ fullName: string;
  /** @category contact */ phone: string;
  /** @category location */ address: string;
  /** @residency unrestricted */ plan: 'free' | 'pro' | 'enterprise';
  /** @residency unrestricted */ score: number;
  /** @residency unrestricted */ tags: string[];
}

export type ${noun}Summary = Pick<${noun}, 'id' | 'plan' | 'score'>;
`;

  files['entity.ts'] = `import { Column, Entity } from '../common/decorators';
import { TenantEntity } from '../common/base';
import type { ${noun} } from './domain';

@Entity('${lower}')
export class ${noun}Entity extends TenantEntity implements ${noun} {
  @Column({ unique: true })
  email!: string;

  @Column()
  fullName!: string;

  @Column({ nullable: true })
  phone!: string;

  @Column()
  address!: string;

  @Column({ default: 'free' })
  plan: ${noun}['plan'] = 'free';

  @Column()
  score = 0;

  @Column()
  tags: string[] = [];
}
`;

  files['dto.ts'] = `import { IsEmail, IsOptional, IsString, MaxLength } from '../common/decorators';
import { PartialType, PickType } from '../common/mapped-types';
import type { ${noun} } from './domain';

export class Create${noun}Dto implements Pick<${noun}, 'email' | 'fullName' | 'phone' | 'address'> {
  @IsEmail()
  email!: string;

  @IsString()
  @MaxLength(${limit * 4})
  fullName!: string;

  @IsString()
  phone!: string;

  @IsOptional()
  @IsString()
  address!: string;
}

export class Update${noun}Dto extends PartialType(Create${noun}Dto) {
  @IsOptional()
  reason?: string;
}

export class ${noun}ContactDto extends PickType(Create${noun}Dto, ['email', 'phone'] as const) {}
`;

  files['mapper.ts'] = `import type { ${noun} } from './domain';
import { ${noun}Entity } from './entity';

export class ${noun}Mapper {
  static toDomain(row: ${noun}Entity): ${noun} {
    const { id, email, fullName, phone, address, plan, score, tags } = row;
    return { id, email, fullName, phone, address, plan, score, tags: [...tags] };
  }

  static toPersistence(model: ${noun}): ${noun}Entity {
    const row = new ${noun}Entity();
    Object.assign(row, model);
    return row.touch();
  }
}
`;

  files['repository.ts'] = `import { Repo } from '../common/base';
import type { ${noun} } from './domain';

export abstract class ${noun}Repository extends Repo<${noun}> {
  abstract findByEmail(email: string): Promise<${noun} | null>;
  abstract findByPlan(plans: ${noun}['plan'][]): Promise<${noun}[]>;
}
`;

  files['repository.orm.ts'] = `import { Injectable } from '../common/decorators';
import { DataSource, OrmRepository } from '../common/orm';
import type { ${noun} } from './domain';
import { ${noun}Entity } from './entity';
import { ${noun}Mapper } from './mapper';
import { ${noun}Repository } from './repository';

@Injectable()
export class Orm${noun}Repository extends ${noun}Repository {
  private readonly orm: OrmRepository<${noun}Entity>;

  constructor(dataSource: DataSource) {
    super();
    this.orm = dataSource.getRepository<${noun}Entity>('${lower}');
  }

  async findOne(id: string): Promise<${noun} | null> {
    const row = await this.orm.findOne({ where: { id } });
    return row ? ${noun}Mapper.toDomain(row) : null;
  }

  async findMany(filter: Partial<${noun}>): Promise<${noun}[]> {
    const rows = await this.orm.find({ where: { plan: filter.plan }, order: { score: 'DESC' }, take: ${limit} });
    return rows.map((row) => ${noun}Mapper.toDomain(row));
  }

  async findByEmail(email: string): Promise<${noun} | null> {
    const row = await this.orm.findOne({ where: { email } });
    return row ? ${noun}Mapper.toDomain(row) : null;
  }

  async findByPlan(plans: ${noun}['plan'][]): Promise<${noun}[]> {
    const rows = await this.orm.find({ where: { plan: { in: plans } } });
    return rows.map(${noun}Mapper.toDomain);
  }

  async save(model: ${noun}): Promise<${noun}> {
    const saved = await this.orm.save(${noun}Mapper.toPersistence(model));
    return ${noun}Mapper.toDomain(saved);
  }
}
`;

  files['service.ts'] = `import { Injectable } from '../common/decorators';
import type { Page } from '../common/base';
import { ${sink.type} } from '../clients/${sink.file}';
${dep >= 0 ? `import { ${depNoun}Service } from '../${depLower}/service';\n` : ''}import type { ${noun}, ${noun}Summary } from './domain';
import type { Create${noun}Dto, Update${noun}Dto } from './dto';
import { ${noun}Repository } from './repository';

@Injectable()
export class ${noun}Service {
  private readonly cache = new Map<string, ${noun}>();
  private readonly seen = new Set<string>();

  constructor(
    private readonly repo: ${noun}Repository,
    private readonly ${sink.field}: ${sink.type},${dep >= 0 ? `\n    private readonly ${depLower}s: ${depNoun}Service,` : ''}
  ) {}

  async create(dto: Create${noun}Dto) {
    const existing = await this.repo.findByEmail(dto.email);
    if (existing) return existing;
    const created = await this.repo.save({ id: \`${lower}-\${this.seen.size}\`, ...dto, plan: 'free', score: 0, tags: [] });
    this.cache.set(created.id, created);
    return created;
  }

  async update(id: string, dto: Update${noun}Dto) {
    const current = this.cache.get(id) ?? (await this.repo.require(id));
    const next = { ...current, ...dto, score: current.score + 1 };
    const saved = await this.repo.save(next);
    this.cache.set(id, saved);
    ${sink.call('saved')}
    return saved;
  }

  async summaries(plan: ${noun}['plan']): Promise<${noun}Summary[]> {
    const { items, total } = await this.repo.page({ plan }, ${limit});
    const ranked = items
      .filter((item) => !this.seen.has(item.id))
      .sort((a, b) => b.score - a.score)
      .map(({ id, score }) => ({ id, plan, score: score / Math.max(total, 1) }));
    ranked.forEach((r) => this.seen.add(r.id));
    return ranked;
  }

  async stats() {
    const [free, paid] = await Promise.all([this.repo.findByPlan(['free']), this.repo.findByPlan(['pro', 'enterprise'])]);
    const byTag = new Map<string, number>();
    for (const row of [...free, ...paid]) for (const tag of row.tags) byTag.set(tag, (byTag.get(tag) ?? 0) + 1);
    const top = [...byTag.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
    return { free: free.length, paid: paid.length, top, mean: paid.reduce((sum, r) => sum + r.score, 0) / Math.max(paid.length, 1) };
  }

  async page(plan: ${noun}['plan']): Promise<Page<${noun}Summary>> {
    const items = await this.summaries(plan);
    return { items, total: items.length };
  }

  async find(id: string) {
    return this.cache.get(id) ?? this.repo.findOne(id);
  }
${dep >= 0 ? `
  async link(id: string, otherId: string) {
    const mine = await this.repo.require(id);
    const other = await this.${depLower}s.find(otherId);
    if (!other) return mine;
    return this.update(id, { reason: \`linked \${other.id}\`, address: other.address });
  }
` : ''}}
`;

  files['controller.ts'] = `import { Body, Controller, Get, Param, Patch, Post } from '../common/decorators';
import type { ${noun} } from './domain';
import { Create${noun}Dto, Update${noun}Dto } from './dto';
import { ${noun}Service } from './service';

@Controller('${lower}s')
export class ${noun}Controller {
  constructor(private readonly service: ${noun}Service) {}

  @Post()
  async create(@Body() dto: Create${noun}Dto) {
    const created = await this.service.create(dto);
    return { id: created.id, plan: created.plan };
  }

  @Patch(':id')
  async update(@Param('id') id: string, @Body() dto: Update${noun}Dto) {
    const saved = await this.service.update(id, dto);
    return { id: saved.id, score: saved.score };
  }

  @Get('plans/:plan')
  async list(@Param('plan') plan: ${noun}['plan']) {
    const page = await this.service.page(plan);
    return page.items.map((item) => ({ ...item, label: \`\${item.plan}:\${item.score.toFixed(2)}\` }));
  }

  @Get('stats')
  stats() {
    return this.service.stats();
  }
${dep >= 0 ? `
  @Post(':id/link/:other')
  link(@Param('id') id: string, @Param('other') other: string) {
    return this.service.link(id, other);
  }
` : ''}}
`;

  files['module.ts'] = `import { Module } from '../common/decorators';
import { ${sink.type} } from '../clients/${sink.file}';
${dep >= 0 ? `import { ${depNoun}Module } from '../${depLower}/module';\n` : ''}import { ${noun}Controller } from './controller';
import { ${noun}Repository } from './repository';
import { Orm${noun}Repository } from './repository.orm';
import { ${noun}Service } from './service';

@Module({
  imports: [${dep >= 0 ? `${depNoun}Module` : ''}],
  controllers: [${noun}Controller],
  providers: [${noun}Service, Orm${noun}Repository, ${sink.type}],
  exports: [${noun}Service, ${noun}Repository],
})
export class ${noun}Module {}
`;
  return { dir: lower, noun, files };
}

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return text.split('\n').length;
}

const out = path.resolve(values.out);
fs.rmSync(out, { recursive: true, force: true });
let lines = 0;
let files = 0;
const put = (rel, text) => { lines += write(path.join(out, rel), text); files++; };
put('residency.config.json', JSON.stringify(CONFIG, null, 2));
put('tsconfig.json', JSON.stringify(TSCONFIG, null, 2));
put('src/common/decorators.ts', DECORATORS);
put('src/common/mapped-types.ts', MAPPED);
put('src/common/orm.ts', ORM);
put('src/common/base.ts', BASE);
for (const [name, text] of Object.entries(CLIENTS)) put(`src/clients/${name}.ts`, text);
const modules = [];
while (lines < target) {
  const m = featureModule(modules.length);
  for (const [name, text] of Object.entries(m.files)) put(`src/${m.dir}/${name}`, text);
  modules.push(m);
}
put('src/app.module.ts', `import { Module } from './common/decorators';\n${modules.map((m) => `import { ${m.noun}Module } from './${m.dir}/module';`).join('\n')}\n\n@Module({\n  imports: [\n${modules.map((m) => `    ${m.noun}Module,`).join('\n')}\n  ],\n})\nexport class AppModule {}\n`);
process.stdout.write(`${out}: ${lines} lines in ${files} files (${modules.length} modules)\n`);
