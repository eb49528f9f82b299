/**
 * What `init` proposes (SPEC §7.4): candidate personal-data fields, each with a proposed category, the
 * reasons it was proposed, and where its annotation goes (an insertion into a source file or Prisma schema).
 */
import type { Loc } from '../model';

/** A text to insert at an offset of a file. */
export interface Insertion {
  /** Absolute path. */
  readonly file: string;
  readonly offset: number;
  readonly text: string;
}

export interface Candidate {
  /** `User.email`, `userSchema.email`, or a Prisma model's `User.email`. */
  readonly symbol: string;
  readonly category: string;
  readonly residency: string;
  /** Why it was proposed, in order: the name, the ORM or validation metadata. */
  readonly reasons: readonly CandidateReason[];
  /** The field's declaration (absolute path while in the engine). */
  readonly location: Loc;
  /** The annotation to write, as written (`@residency jp-with-basis @category contact`). */
  readonly tags: string;
  readonly insertion: Insertion;
}

/** One reason, language-neutral: the report renders it. */
export type CandidateReason =
  | { readonly kind: 'name'; readonly word: string; readonly romanised: boolean }
  | { readonly kind: 'validator'; readonly decorator: string }
  | { readonly kind: 'typeorm'; readonly entity: string }
  | { readonly kind: 'mongoose'; readonly schema: string }
  | { readonly kind: 'prisma'; readonly model: string };
