#!/usr/bin/env node
// Annotates brocoders/nestjs-boilerplate (pinned commit in corpus.json) the way a privacy team would.
//   node annotate-nestjs-boilerplate.mjs [projectDir]     (prepare.mjs runs it on a fresh extraction)
//
// What is annotated, and why:
// Sources (Japanese users' personal data; class-level `@residency jp-with-basis`, field `@category`):
// - users/domain/user.ts `User` (the domain model every layer maps to), persistence/relational `UserEntity`
//   (TypeORM; it does NOT implement User, the mappers copy fields, so it is tagged itself) and
//   persistence/document `UserSchemaClass` (Mongoose; its `_id` lives in the shared EntityDocumentHelper
//   and is left untagged): id → identifier (internal id, linkable), email,
//   firstName, lastName → contact, password (bcrypt hash) → credentials, socialId → identifier (Google /
//   Facebook / Apple account id), photo → media. provider, role, status and the timestamps are
//   `@residency unrestricted` (not about the person).
// - users/dto/create-user.dto.ts `CreateUserDto` (admin API input): the same personal fields.
//   users/dto/update-user.dto.ts `UpdateUserDto` is deliberately left untagged: it `extends
//   PartialType(CreateUserDto)` and redeclares the members, so SPEC §3.1 (v2) inheritance must cover it.
// - auth DTOs (the public API inputs): AuthRegisterLoginDto, AuthEmailLoginDto, AuthForgotPasswordDto,
//   AuthUpdateDto (email/names → contact, password/oldPassword → credentials, photo → media),
//   AuthResetPasswordDto (password, reset hash → credentials).
// - social login: SocialInterface (profile returned by Google/Facebook/Apple: id → identifier, names/email
//   → contact; emailVerified unrestricted), FacebookInterface (Graph API /me response), and the login DTOs'
//   provider tokens (AuthFacebookLoginDto.accessToken, AuthGoogleLoginDto.idToken, AuthAppleLoginDto.idToken
//   → credentials; Apple's firstName/lastName → contact).
// - session/domain/session.ts Session.hash (refresh-token hash → credentials). Session.user is typed User.
// Destinations (`@recipient`, parties declared in residency.config.json):
// - mailer/mailer.service.ts: the nodemailer `transporter` (SMTP relay from MAIL_HOST; the team's relay is a
//   US mail vendor) → `@recipient smtp-relay`. Every mail (sign-up confirmation, password reset, new-email
//   confirmation) goes through MailerService.sendMail → this.transporter.sendMail.
// - auth-facebook/auth-facebook.service.ts: class AuthFacebookService → `@recipient meta-graph-api`: it
//   sends the user's Facebook access token to graph.facebook.com (/debug_token, /me, token exchange).
// Deliberately NOT tagged as destinations: AuthGoogleService / AuthAppleService (google-auth-library and
// apple-signin-auth verify the ID token locally against downloaded public keys; the token is not sent),
// S3 (files/*: the photo upload is streamed by multer-s3 middleware and never appears as a value in code;
// the presigned flow sends only a random key and a size; region comes from AWS_S3_REGION, not in code).
import { Annotator, annotationRoot } from './lib.mjs';

const a = new Annotator(annotationRoot('nestjs-boilerplate'), 'nestjs-boilerplate');
const R = '@residency jp-with-basis';
const U = '@residency unrestricted';

// --- the three user models: domain, TypeORM entity, Mongoose schema class
const userModels = [
  ['src/users/domain/user.ts', 'export class User {', 'A registered user (users in Japan).', true],
  ['src/users/infrastructure/persistence/relational/entities/user.entity.ts', 'export class UserEntity extends', 'The user table (TypeORM).', true],
  // its _id is declared in EntityDocumentHelper, shared by every collection: not tagged
  ['src/users/infrastructure/persistence/document/entities/user.schema.ts', 'export class UserSchemaClass extends', 'The users collection (Mongoose).', false],
];
for (const [file, cls, text, hasId] of userModels) {
  // the class: tag after its decorators (directly before `export class`)
  a.tag(file, cls, `${text} ${R}`);
  if (hasId) a.tag(file, '  id: ', '@category identifier', { within: cls });
  a.tag(file, '  email: string | null;', '@category contact', { within: cls });
  a.tag(file, '  password?: string;', '@category credentials', { within: cls });
  a.tag(file, '  provider: string;', U, { within: cls });
  a.tag(file, '  socialId?: string | null;', '@category identifier', { within: cls });
  a.tag(file, '  firstName: string | null;', '@category contact', { within: cls });
  a.tag(file, '  lastName: string | null;', '@category contact', { within: cls });
  a.tag(file, '  photo?: ', '@category media', { within: cls });
  a.tag(file, '  role?: ', U, { within: cls });
  a.tag(file, '  status?: ', U, { within: cls });
  a.tag(file, '  createdAt: Date;', U, { within: cls });
  a.tag(file, '  updatedAt: Date;', U, { within: cls });
  a.tag(file, '  deletedAt: Date;', U, { within: cls });
}

// --- admin API input (UpdateUserDto left to inheritance)
{
  const f = 'src/users/dto/create-user.dto.ts';
  a.tag(f, 'export class CreateUserDto {', `Admin input for a new user. ${R}`);
  a.tag(f, '  email: string | null;', '@category contact');
  a.tag(f, '  password?: string;', '@category credentials');
  a.tag(f, '  provider?: string;', U);
  a.tag(f, '  socialId?: string | null;', '@category identifier');
  a.tag(f, '  firstName: string | null;', '@category contact');
  a.tag(f, '  lastName: string | null;', '@category contact');
  a.tag(f, '  photo?: FileDto | null;', '@category media');
  a.tag(f, '  role?: RoleDto | null;', U);
  a.tag(f, '  status?: StatusDto;', U);
}

// --- public auth API inputs
{
  const f = 'src/auth/dto/auth-register-login.dto.ts';
  a.tag(f, 'export class AuthRegisterLoginDto {', `Sign-up form. ${R}`);
  a.tag(f, '  email: string;', '@category contact');
  a.tag(f, '  password: string;', '@category credentials');
  a.tag(f, '  firstName: string;', '@category contact');
  a.tag(f, '  lastName: string;', '@category contact');
}
{
  const f = 'src/auth/dto/auth-email-login.dto.ts';
  a.tag(f, 'export class AuthEmailLoginDto {', `Login form. ${R}`);
  a.tag(f, '  email: string;', '@category contact');
  a.tag(f, '  password: string;', '@category credentials');
}
{
  const f = 'src/auth/dto/auth-forgot-password.dto.ts';
  a.tag(f, '  email: string;', `${R} @category contact`);
}
{
  const f = 'src/auth/dto/auth-reset-password.dto.ts';
  a.tag(f, 'export class AuthResetPasswordDto {', `Password reset form. ${R} @category credentials`);
}
{
  const f = 'src/auth/dto/auth-update.dto.ts';
  a.tag(f, 'export class AuthUpdateDto {', `Profile update by the user. ${R}`);
  a.tag(f, '  photo?: FileDto | null;', '@category media');
  a.tag(f, '  firstName?: string;', '@category contact');
  a.tag(f, '  lastName?: string;', '@category contact');
  a.tag(f, '  email?: string;', '@category contact');
  a.tag(f, '  password?: string;', '@category credentials');
  a.tag(f, '  oldPassword?: string;', '@category credentials');
}

// --- social login
{
  const f = 'src/social/interfaces/social.interface.ts';
  a.tag(f, 'export interface SocialInterface {', `Profile from a social login provider. ${R}`);
  a.tag(f, '  id: string;', '@category identifier');
  a.tag(f, '  firstName?: string;', '@category contact');
  a.tag(f, '  lastName?: string;', '@category contact');
  a.tag(f, '  email?: string;', '@category contact');
  a.tag(f, '  emailVerified: boolean;', U);
}
{
  const f = 'src/auth-facebook/interfaces/facebook.interface.ts';
  a.tag(f, 'export interface FacebookInterface {', `Graph API /me response. ${R}`);
  a.tag(f, '  id: string;', '@category identifier');
  a.tag(f, '  first_name?: string;', '@category contact');
  a.tag(f, '  last_name?: string;', '@category contact');
  a.tag(f, '  email?: string;', '@category contact');
}
a.tag('src/auth-facebook/dto/auth-facebook-login.dto.ts', '  accessToken: string;', `The user's Facebook access token. ${R} @category credentials`);
a.tag('src/auth-google/dto/auth-google-login.dto.ts', '  idToken: string;', `The user's Google ID token. ${R} @category credentials`);
{
  const f = 'src/auth-apple/dto/auth-apple-login.dto.ts';
  a.tag(f, '  idToken: string;', `The user's Apple ID token. ${R} @category credentials`);
  a.tag(f, '  firstName?: string;', `${R} @category contact`);
  a.tag(f, '  lastName?: string;', `${R} @category contact`);
}
a.tag('src/session/domain/session.ts', '  hash: string;', `Refresh-token hash. ${R} @category credentials`);

// --- destinations
a.tag('src/mailer/mailer.service.ts', '  private readonly transporter: nodemailer.Transporter;', 'SMTP relay of our US mail vendor (MAIL_HOST). @recipient smtp-relay');
a.tag('src/auth-facebook/auth-facebook.service.ts', 'export class AuthFacebookService {', 'Calls the Facebook Graph API (Meta, US) with the user\'s access token. @recipient meta-graph-api');

a.create('residency.config.json', `{
  // Residency Guard configuration written by bench/corpus/annotate-nestjs-boilerplate.mjs (corpus harness).
  "pack": "jp",
  "parties": {
    // MAIL_HOST points at the vendor's SMTP relay; the vendor processes every mail (recipient address,
    // body with confirmation / reset links) in the US.
    "smtp-relay": { "name": "Twilio SendGrid (SMTP relay)", "access": "contractor-overseas", "country": "US" },
    // Meta is an independent third party (the identity provider), not a processor; the jp pack has no access
    // class for "third party abroad", so the nearest one that flags a foreign recipient is used.
    "meta-graph-api": { "name": "Meta Platforms, Inc. (Facebook Graph API)", "access": "contractor-overseas", "country": "US" }
  }
}
`);
a.finish();
