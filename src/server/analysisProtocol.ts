/**
 * The messages between the language server and its analysis worker (analysisWorker.ts): the server owns
 * the LSP connection and the open documents, the worker owns the analysis sessions and runs every check,
 * under the analysis budget (a capped heap, a time limit per file, watched by analysisSupervisor.ts).
 */
import type { OverBudget } from '../core/engine';
import type { FlowRecord } from '../core/report/flows';
import type { AnnotatedDeclaration, CheckResult, Finding } from '../core/report/model';

export interface AnalyseRequest {
  readonly kind: 'analyse';
  readonly id: number;
  readonly root: string;
  readonly configFile: string;
  readonly lang: 'en' | 'ja';
  readonly maxFileBytes: number;
  readonly overBudget: OverBudget | undefined;
}

/** To the worker. A document text of undefined: the document was closed. */
export type ToWorker =
  | AnalyseRequest
  | { readonly kind: 'cancel'; readonly id: number }
  | { readonly kind: 'document'; readonly path: string; readonly text: string | undefined }
  | { readonly kind: 'forget'; readonly path: string }
  | { readonly kind: 'clearDisk' }
  | { readonly kind: 'watching'; readonly enabled: boolean }
  | { readonly kind: 'filesChanged'; readonly root: string }
  | { readonly kind: 'dispose'; readonly root: string }
  | { readonly kind: 'details'; readonly id: number; readonly root: string };

/**
 * A CheckResult as it crosses to the server after each run: findings, problems and the config. Its flows
 * and declarations (hovers, the data map, the transfer register) are asked for when needed (`details`):
 * making and copying them for a whole workspace on every edit cost more than the edit's analysis.
 */
export type PlainResult = Omit<CheckResult, 'flows' | 'declarations'>;

/**
 * A result on the wire: the findings of only the files whose findings changed since the worker's previous
 * result for the folder (`full` when there is none: a new worker), by root-relative file; a file sent with
 * no findings has none left. The supervisor keeps the rest (findingsStore.ts).
 */
export interface WireResult extends Omit<PlainResult, 'findings' | 'config'> {
  readonly findings: { readonly full: boolean; readonly files: ReadonlyArray<readonly [string, readonly Finding[]]> };
  /** Absent when it is the config sent with the folder's previous result (findingsStore.ts). */
  readonly config?: PlainResult['config'];
}

/** The flows and annotated declarations of a folder's newest result. */
export interface ResultDetails {
  readonly flows: readonly FlowRecord[];
  readonly declarations: readonly AnnotatedDeclaration[];
}

/** From the worker: a file's analysis starts (undefined: a step of no one file), the result, a cancelled run, a failure. */
export type FromWorker =
  | { readonly kind: 'file'; readonly id: number; readonly file: string | undefined }
  | { readonly kind: 'result'; readonly id: number; readonly result: WireResult; readonly describe: string }
  | { readonly kind: 'cancelled'; readonly id: number }
  | { readonly kind: 'details'; readonly id: number; readonly details: ResultDetails }
  | { readonly kind: 'failed'; readonly id: number; readonly error: string };

