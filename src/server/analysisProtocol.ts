/**
 * The messages between the language server and its analysis worker (analysisWorker.ts): the server owns
 * the LSP connection and the open documents, the worker owns the analysis sessions and runs every check,
 * under the analysis budget (a capped heap, a time limit per file, watched by analysisSupervisor.ts).
 */
import type { OverBudget } from '../core/engine';
import type { CheckResult } from '../core/report/model';

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
  | { readonly kind: 'dispose'; readonly root: string };

/** A CheckResult as plain data (flows and declarations made), as it crosses to the server. */
export type PlainResult = CheckResult;

/** From the worker: a file's analysis starts (undefined: a step of no one file), the result, a cancelled run, a failure. */
export type FromWorker =
  | { readonly kind: 'file'; readonly id: number; readonly file: string | undefined }
  | { readonly kind: 'result'; readonly id: number; readonly result: PlainResult; readonly describe: string }
  | { readonly kind: 'cancelled'; readonly id: number }
  | { readonly kind: 'failed'; readonly id: number; readonly error: string };

