/**
 * `residency-guard init` (SPEC §7.4): the name vocabulary (data file valid against its schema, English and
 * romanised Japanese words, last-word matching, weak names), the candidates of a workspace written by the
 * test (TypeORM entity, Mongoose schema literal, class-validator DTO, a DTO inheriting its members, an
 * interface, a Prisma model; flags, settings and already-tagged fields left out), the dry run that changes
 * nothing, `--write` that applies the plan and a second run that proposes nothing, and `check` on the result
 * finding the flow the annotations make visible.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import data from '../../src/core/data/personal-data-names.json';
import { matchName, words } from '../../src/core/init/names';
import { applyInsertions } from '../../src/core/init/plan';
import { isPlaceholderReason } from '../../src/core/annotations/suppressions';
import { makeTempDir, removeDir, runInProcess, writeFiles } from '../support/cli';

const ROOT = path.join(__dirname, '..', '..', '..');

test('the names data file is valid against its schema, and the schema rejects a bad category', () => {
  const schema: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'personal-data-names.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema as object);
  assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
  assert.equal(validate({ ...data, categories: [{ category: 'emails', names: [], romanised: [], weak: [] }] }), false);
  assert.equal(validate({ ...data, validators: { IsEmail: 'contacts' } }), false);
});

test('names match whole or by their last words, English or romanised Japanese; weak names are marked', () => {
  assert.deepEqual(words('billingEmailAddress'), ['billing', 'email', 'address']);
  assert.deepEqual(words('first_name'), ['first', 'name']);
  assert.deepEqual(matchName('billingEmailAddress'), { category: 'contact', word: 'emailaddress', romanised: false, weak: false });
  assert.deepEqual(matchName('jusho'), { category: 'contact', word: 'jusho', romanised: true, weak: false });
  assert.deepEqual(matchName('seinengappi'), { category: 'profile', word: 'seinengappi', romanised: true, weak: false });
  assert.equal(matchName('name')?.weak, true);
  assert.equal(matchName('emailVerified'), undefined);
  assert.equal(matchName('productSku'), undefined);
  assert.equal(matchName('kojin_bango')?.category, 'gov-id');
});

test('insertions apply from the end, keeping the order of those at one offset', () => {
  assert.equal(applyInsertions('ab', [{ file: 'f', offset: 1, text: 'x' }, { file: 'f', offset: 1, text: 'y' }, { file: 'f', offset: 0, text: '<' }]), '<axyb');
});

const WORKSPACE: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { experimentalDecorators: true, strict: true }, include: ['src'] }),
  'src/decorators.ts': `export const Entity = (): ClassDecorator => () => undefined;
export const Column = (_o?: unknown): PropertyDecorator => () => undefined;
export const IsEmail = (): PropertyDecorator => () => undefined;
export const IsNotEmpty = (): PropertyDecorator => () => undefined;
export function PartialType<T>(c: new () => T): new () => Partial<T> { return c as never; }
export declare class Schema { constructor(fields: object); }
`,
  'src/user.entity.ts': `import { Column, Entity } from './decorators';
@Entity()
export class UserEntity {
  @Column()
  email!: string;

  // The person's name in kanji.
  @Column()
  shimei!: string;

  @Column()
  emailVerified!: boolean;

  @Column()
  sku!: string;
}
`,
  'src/create-user.dto.ts': `import { IsEmail, IsNotEmpty, PartialType } from './decorators';
export class CreateUserDto {
  @IsEmail()
  contact!: string;

  @IsNotEmpty()
  password!: string;
}

export class UpdateUserDto extends PartialType(CreateUserDto) {
  password?: string;
}
`,
  'src/profile.ts': `export interface Profile {
  name: string;
  title: string;
}

export interface Member {
  name: string;
  phoneNumber: string;
  /** @residency unrestricted */ email: string;
}

/** @residency jp-only */
export interface Tagged {
  email: string;
}

export interface MailConfig {
  password: string;
  defaultEmail: string;
}
`,
  'src/models.ts': `import { Schema } from './decorators';
export const userSchema = new Schema({
  email: { type: String, unique: true },
  verified: { type: Boolean },
  profile: { jusho: String, gender: String },
});
`,
  'src/send.ts': `import type { Member } from './profile';
const DATABASE_PASSWORD = 'x';
export async function notify(m: Member): Promise<void> {
  await fetch('https://hooks.partner.example/notify', { method: 'POST', body: m.phoneNumber + DATABASE_PASSWORD });
}
`,
  'prisma/schema.prisma': `model User {
  id        String   @id
  email     String   @unique
  /// @residency unrestricted
  nickname  String?
  active    Boolean
  posts     Post[]
}

/// @residency jp-only
model Post {
  email String
}
`,
};

const EXPECTED = [
  'UserEntity.email contact (name "email"; TypeORM column of @Entity UserEntity)',
  'UserEntity.shimei contact (name "shimei" (romanised Japanese); TypeORM column of @Entity UserEntity)',
  'CreateUserDto.contact contact (name "contact"; class-validator @IsEmail)',
  'CreateUserDto.password credentials (name "password")',
  'userSchema.email contact (name "email"; Mongoose schema userSchema)',
  'userSchema.jusho contact (name "jusho" (romanised Japanese); Mongoose schema userSchema)',
  'userSchema.gender profile (name "gender"; Mongoose schema userSchema)',
  'Member.name contact (name "name")',
  'Member.phoneNumber contact (name "phonenumber")',
  'User.email contact (name "email"; Prisma model User)',
];

interface InitJson {
  readonly candidates: ReadonlyArray<{ symbol: string; category: string; reasons: ReadonlyArray<{ kind: string; word?: string; romanised?: boolean; decorator?: string; entity?: string; schema?: string; model?: string }> }>;
  readonly egress: ReadonlyArray<{ kind: string; resolved: boolean; location: { file: string; line: number } }>;
  readonly config: { readonly exists: boolean; readonly starter?: string };
  readonly written?: readonly string[];
}

function reasonText(r: InitJson['candidates'][number]['reasons'][number]): string {
  switch (r.kind) {
    case 'name': return r.romanised ? `name "${r.word}" (romanised Japanese)` : `name "${r.word}"`;
    case 'validator': return `class-validator @${r.decorator}`;
    case 'typeorm': return `TypeORM column of @Entity ${r.entity}`;
    case 'mongoose': return `Mongoose schema ${r.schema}`;
    default: return `Prisma model ${r.model}`;
  }
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const n of fs.readdirSync(d)) {
      const p = path.join(d, n);
      if (fs.statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

test('init proposes candidates with categories and reasons, changes nothing without --write, applies with it, and is idempotent', () => {
  const tmp = makeTempDir('rg-init-');
  try {
    const dir = writeFiles(tmp, WORKSPACE);
    const before = snapshot(dir);
    const dry = runInProcess(['init', '--format', 'json'], dir);
    assert.equal(dry.code, 0, dry.stderr);
    const plan = JSON.parse(dry.stdout) as InitJson;
    assert.deepEqual(plan.candidates.map((c) => `${c.symbol} ${c.category} (${c.reasons.map(reasonText).join('; ')})`).sort(), [...EXPECTED].sort());
    assert.deepEqual(plan.egress.map((e) => `${e.location.file}:${e.location.line} ${e.kind} ${e.resolved}`), ['src/send.ts:4 http false']);
    assert.equal(plan.config.exists, false);
    assert.match(plan.config.starter ?? '', /\/\/ "hooks-partner-example": \{ "name": "hooks\.partner\.example"/);
    assert.deepEqual(snapshot(dir), before, 'a dry run changes nothing');
    assert.match(runInProcess(['init'], dir).stdout, /Nothing was changed\. Review the list, then run `residency-guard init --write`/);

    const written = JSON.parse(runInProcess(['init', '--write', '--format', 'json'], dir).stdout) as InitJson;
    assert.deepEqual([...(written.written ?? [])].sort(), ['prisma/schema.prisma', 'residency.config.json', 'src/create-user.dto.ts', 'src/models.ts', 'src/profile.ts', 'src/user.entity.ts']);
    const entity = fs.readFileSync(path.join(dir, 'src/user.entity.ts'), 'utf8');
    assert.ok(entity.includes("  // The person's name in kanji.\n  /** @residency jp-with-basis @category contact */\n  @Column()\n  shimei!: string;"), entity);
    assert.ok(fs.readFileSync(path.join(dir, 'prisma/schema.prisma'), 'utf8').includes('  /// @residency jp-with-basis @category contact\n  email     String   @unique'));
    assert.ok(fs.readFileSync(path.join(dir, 'src/models.ts'), 'utf8').includes('profile: { /** @residency jp-with-basis @category contact */ jusho: String,'));

    const again = JSON.parse(runInProcess(['init', '--format', 'json'], dir).stdout) as InitJson;
    assert.deepEqual(again.candidates, [], 'a second run proposes nothing already applied');
    assert.equal(again.config.exists, true);
    const afterWrite = snapshot(dir);
    runInProcess(['init', '--write'], dir);
    assert.deepEqual(snapshot(dir), afterWrite, 'a second --write changes nothing');

    const check = runInProcess(['check', '--format', 'json', '--fail-on', 'warning'], dir);
    const report = JSON.parse(check.stdout) as { findings: Array<{ rule: string; sources: Array<{ symbol: string }> }>; problems: Array<{ code: string }> };
    assert.deepEqual(report.findings.map((f) => `${f.rule} ${f.sources.map((s) => s.symbol).join(',')}`), ['JPR010 Member.phoneNumber']);
    assert.ok(!report.problems.some((p) => p.code === 'RG015'), 'sources are declared now');
    assert.equal(check.code, 1);
  } finally {
    removeDir(tmp);
  }
});

test('init on a directory without source files exits 2 saying why; placeholders are what the quick fix writes', () => {
  const tmp = makeTempDir('rg-init-');
  try {
    const dir = writeFiles(tmp, { 'README.md': '# docs\n' });
    const r = runInProcess(['init'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /No file was analysed/);
    assert.ok(isPlaceholderReason('<why this transfer is acceptable>'));
  } finally {
    removeDir(tmp);
  }
});
