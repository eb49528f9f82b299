/**
 * What the analysis knows about library functions whose bodies are not in the program: which methods
 * take callbacks over a receiver's elements, which mutate their receiver, and which return nothing
 * personal (booleans, indexes, counts). Every other library call returns the labels of its arguments
 * and receiver (SPEC §6.2).
 */

/** Callback methods whose first callback parameter receives an element of the receiver. */
export const ELEMENT_CALLBACK_METHODS = new Set([
  'forEach', 'map', 'filter', 'find', 'findLast', 'some', 'every', 'flatMap', 'sort', 'findIndex', 'findLastIndex', 'toSorted',
]);

/** Callback methods whose result is what the callback returns. */
export const RESULT_FROM_CALLBACK = new Set(['map', 'flatMap', 'then', 'catch', 'reduce', 'reduceRight']);

/** Callback methods whose result is (a part of) the receiver. */
export const RESULT_FROM_RECEIVER = new Set(['filter', 'find', 'findLast', 'sort', 'toSorted', 'finally']);

export const REDUCE_METHODS = new Set(['reduce', 'reduceRight']);
export const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

/** Methods that store their arguments into the receiver. */
export const MUTATING_METHODS = new Map<string, number>([
  ['push', 0], ['unshift', 0], ['add', 0], ['set', 0], ['append', 0], ['splice', 2], ['fill', 0], ['write', 0],
]);

/** Methods and functions whose result carries nothing personal. */
export const CLEAN_RESULT_METHODS = new Set([
  'includes', 'indexOf', 'lastIndexOf', 'has', 'some', 'every', 'test', 'startsWith', 'endsWith', 'findIndex',
  'findLastIndex', 'localeCompare', 'getTime', 'log', 'info', 'warn', 'error', 'debug', 'trace', 'delete', 'clear',
  'forEach', 'isArray', 'isInteger', 'isNaN', 'isFinite', 'keys', 'now', 'random', 'randomUUID', 'hasOwnProperty',
  'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'addEventListener', 'removeEventListener', 'require',
]);

/** Properties whose value carries nothing personal. */
export const CLEAN_PROPERTIES = new Set(['length', 'size', 'byteLength']);
