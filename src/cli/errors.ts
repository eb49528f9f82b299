/**
 * The CLI's error kinds: a UsageError (bad arguments, unreadable files: the usage text follows, exit 2) and an
 * InputError (an input the command cannot use, such as a malformed report for `merge`: its message only, exit 2);
 * and `pick`, an option's value among the allowed ones.
 */
export class UsageError extends Error {}

export class InputError extends Error {}

/** `value` when it is one of `allowed`, `fallback` when absent; else a UsageError naming the option. */
export function pick<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Invalid value "${value}" for ${option}; expected one of: ${allowed.join(', ')}`);
}
