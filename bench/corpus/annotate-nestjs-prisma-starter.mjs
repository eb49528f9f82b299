#!/usr/bin/env node
// Annotates notiz-dev/nestjs-prisma-starter (pinned commit in corpus.json) the way a privacy team would.
//   node annotate-nestjs-prisma-starter.mjs [projectDir]     (prepare.mjs runs it on a fresh extraction)
//
// What is annotated, and why:
// Sources in the Prisma schema (prisma/schema.prisma, `///` doc comments, SPEC §3.1 v2 — the source of
// truth for the database; nothing is written into generated code, and here the client is not even generated:
// `prisma generate` downloads engine binaries, which this machine cannot do):
// - model User: `@residency jp-with-basis` on the model; email, firstname, lastname → contact, password
//   (bcrypt hash) → credentials; id → identifier (cuid, linkable); createdAt, updatedAt, role → unrestricted.
//   posts (relation) is left to the Post model's own tags.
// - model Post: posts are written by users (published publicly, but still linked to their author):
//   `@residency jp-with-basis` on the model, title/content → default category `personal`, authorId (and the
//   author relation) → identifier; id, createdAt, updatedAt, published → unrestricted.
// Sources in hand-written TypeScript (GraphQL code-first types, not generated):
// - users/models/user.model.ts GraphQL `User` object type: email, firstname, lastname → contact, password →
//   credentials (per field; the class is not tagged as a whole, so `posts` and `role` stay neutral).
// - GraphQL inputs: SignupInput (email, firstname, lastname → contact, password → credentials), LoginInput
//   (email, password), ChangePasswordInput (oldPassword, newPassword → credentials), UpdateUserInput
//   (firstname, lastname → contact), RefreshTokenInput.token and the Token object type (JWTs → credentials).
//   Class-level comments here are put ABOVE the decorators (the other NestJS project puts them between the
//   decorators and `export class`, so both placements are exercised).
// Destinations: none. The code sends nothing to any outside service (no mail, no HTTP client, no SaaS SDK);
// its only egress is its own PostgreSQL database through Prisma (DATABASE_URL, self). The expected result is
// therefore no finding at all; the project tests false positives, Prisma schema reading and speed.
import { Annotator, annotationRoot } from './lib.mjs';

const a = new Annotator(annotationRoot('nestjs-prisma-starter'), 'nestjs-prisma-starter');
const R = '@residency jp-with-basis';
const U = '@residency unrestricted';
const P = { style: '///' };

// --- Prisma schema
{
  const f = 'prisma/schema.prisma';
  a.tag(f, 'model User {', `A registered user (users in Japan). ${R}`, P);
  const u = 'model User {';
  a.tag(f, '  id        String   @id @default(cuid())', '@category identifier', { ...P, within: u });
  a.tag(f, '  createdAt DateTime @default(now())', U, { ...P, within: u });
  a.tag(f, '  updatedAt DateTime @updatedAt', U, { ...P, within: u });
  a.tag(f, '  email     String   @unique', '@category contact', { ...P, within: u });
  a.tag(f, '  password  String', '@category credentials', { ...P, within: u });
  a.tag(f, '  firstname String?', '@category contact', { ...P, within: u });
  a.tag(f, '  lastname  String?', '@category contact', { ...P, within: u });
  a.tag(f, '  role      Role', U, { ...P, within: u });

  a.tag(f, 'model Post {', `A post written by a user. ${R}`, P);
  const p = 'model Post {';
  a.tag(f, '  id        String   @id @default(cuid())', U, { ...P, within: p });
  a.tag(f, '  createdAt DateTime @default(now())', U, { ...P, within: p });
  a.tag(f, '  updatedAt DateTime @updatedAt', U, { ...P, within: p });
  a.tag(f, '  published Boolean', U, { ...P, within: p });
  a.tag(f, '  author    User?', '@category identifier', { ...P, within: p });
  a.tag(f, '  authorId  String?', '@category identifier', { ...P, within: p });
}

// --- GraphQL object type User (hand-written)
{
  const f = 'src/users/models/user.model.ts';
  const c = 'export class User extends BaseModel {';
  a.tag(f, '  email: string;', `${R} @category contact`, { within: c });
  a.tag(f, '  firstname?: string;', `${R} @category contact`, { within: c });
  a.tag(f, '  lastname?: string;', `${R} @category contact`, { within: c });
  a.tag(f, '  password: string;', `${R} @category credentials`, { within: c });
}

// --- GraphQL inputs (class comments above the decorators)
{
  const f = 'src/auth/dto/signup.input.ts';
  a.tag(f, '@InputType()\nexport class SignupInput {', `Sign-up form. ${R}`);
  a.tag(f, '  email: string;', '@category contact');
  a.tag(f, '  password: string;', '@category credentials');
  a.tag(f, '  firstname?: string;', '@category contact');
  a.tag(f, '  lastname?: string;', '@category contact');
}
{
  const f = 'src/auth/dto/login.input.ts';
  a.tag(f, '@InputType()\nexport class LoginInput {', `Login form. ${R}`);
  a.tag(f, '  email: string;', '@category contact');
  a.tag(f, '  password: string;', '@category credentials');
}
a.tag('src/users/dto/change-password.input.ts', '@InputType()\nexport class ChangePasswordInput {', `Password change form. ${R} @category credentials`);
{
  const f = 'src/users/dto/update-user.input.ts';
  a.tag(f, '@InputType()\nexport class UpdateUserInput {', `Profile update form. ${R} @category contact`);
}
a.tag('src/auth/dto/refresh-token.input.ts', '  token: string;', `Refresh JWT. ${R} @category credentials`);
a.tag('src/auth/models/token.model.ts', '@ObjectType()\nexport class Token {', `JWTs issued to the user. ${R} @category credentials`);

a.create('residency.config.json', `{
  // Residency Guard configuration written by bench/corpus/annotate-nestjs-prisma-starter.mjs (corpus harness).
  // The code hands personal data to no outside party: only the built-in party self (own systems in Japan).
  "pack": "jp"
}
`);
a.finish();
