/**
 * The contract between server and client for finding personal data in the editor (SPEC §7.4, issue 15): the
 * "Residency Guard: Find Personal Data" request and the command the "Mark as personal data" code action runs.
 */

/** Request: the candidates of the workspace folders (the `init` plan's proposals), with ready-made edits. */
export const FIND_PERSONAL_DATA_REQUEST = 'residencyGuard/findPersonalData';

/** The client command of the Find Personal Data palette entry. */
export const FIND_PERSONAL_DATA_COMMAND = 'residencyGuard.findPersonalData';

export interface PersonalDataCandidate {
  /** `User.email`. */
  readonly symbol: string;
  readonly category: string;
  /** The annotation proposed, as written. */
  readonly tags: string;
  /** Why it was proposed, in the editor's language. */
  readonly reasons: string;
  /** The file (URI) and the insertion that writes the annotation (0-based line and character). */
  readonly uri: string;
  readonly position: { readonly line: number; readonly character: number };
  readonly text: string;
  /** Root-relative file and 1-based line of the field, for display. */
  readonly where: string;
}

export interface FindPersonalDataResult {
  readonly candidates: readonly PersonalDataCandidate[];
}
