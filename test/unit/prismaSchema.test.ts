/**
 * Tests of reading tags from Prisma schemas (SPEC §3.1): models and fields with the `///` doc comments right
 * before them, tags validated and located in the schema (line and column of the `.prisma` file), comments that
 * are not doc comments ignored, and where a workspace's schema is found.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prismaSchemaFiles, readPrismaSchema } from '../../src/core/annotations/prismaSchema';
import { createConfigLoader } from '../../src/core/config/loadConfig';
import { createRegionCatalog } from '../../src/core/vocabulary/regionCatalog';

const regions = createRegionCatalog();
const ctx = { config: createConfigLoader(regions)(undefined, undefined).config, regions };

const SCHEMA = [
  'datasource db {',
  '  provider = "postgresql"',
  '}',
  '',
  '/// A user in Japan.',
  '/// @residency jp-with-basis',
  'model User {',
  '  id    Int    @id',
  '  /// @category contact',
  '  email String @unique',
  '  // @category profile (a plain comment: not a doc comment)',
  '  name  String?',
  '  /// @residency unrestricted',
  '  theme String',
  '  @@map("users")',
  '}',
  '',
  'model Log {',
  '  id Int @id',
  '  /// @categroy identifier',
  '  actor String',
  '  /// @encrypts e2e',
  '  note String',
  '}',
].join('\r\n');

test('models and fields take the tags of the /// comments right before them', () => {
  const r = readPrismaSchema('/w/prisma/schema.prisma', SCHEMA, ctx);
  const user = r.models.find((m) => m.name === 'User');
  assert.ok(user);
  assert.equal(user.annotation?.residency, 'jp-with-basis');
  assert.deepEqual(user.loc, { file: '/w/prisma/schema.prisma', line: 7, column: 7, endLine: 7, endColumn: 11 });
  assert.deepEqual(user.fields.map((f) => [f.name, f.annotation?.residency, f.annotation?.category, f.loc.line]), [
    ['email', undefined, 'contact', 10],
    ['theme', 'unrestricted', undefined, 14],
  ]);
});

test('bad tags in a schema are problems located in the schema file', () => {
  const r = readPrismaSchema('/w/prisma/schema.prisma', SCHEMA, ctx);
  const where = r.problems.map((p) => `${p.code} ${p.location.file}:${p.location.line}:${p.location.column}`);
  assert.deepEqual(where, ['RG004 /w/prisma/schema.prisma:20:7', 'RG002 /w/prisma/schema.prisma:22:7']);
  assert.match(r.problems[0].message, /did you mean "@category"/);
  // A model whose fields carry no valid tag is not listed.
  assert.equal(r.models.some((m) => m.name === 'Log'), false);
});

test('the schema is found where Prisma looks for it', () => {
  const files = new Map<string, string>([
    ['/a/prisma/schema.prisma', ''],
    ['/b/package.json', JSON.stringify({ prisma: { schema: 'db/main.prisma' } })],
    ['/b/db/main.prisma', ''],
    ['/c/prisma/schema/user.prisma', ''],
    ['/c/prisma/schema/post.prisma', ''],
  ]);
  const read = (p: string): string | undefined => files.get(p);
  const list = (dir: string): string[] => [...files.keys()].filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1)).filter((n) => !n.includes('/'));
  assert.deepEqual(prismaSchemaFiles('/a', read, list), ['/a/prisma/schema.prisma']);
  assert.deepEqual(prismaSchemaFiles('/b', read, list), ['/b/db/main.prisma']);
  assert.deepEqual(prismaSchemaFiles('/c/', read, list), ['/c/prisma/schema/post.prisma', '/c/prisma/schema/user.prisma']);
  assert.deepEqual(prismaSchemaFiles('/d', read, list), []);
});
