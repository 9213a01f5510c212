/**
 * The one tagged result type: reads, parses and migrations return it instead of throwing
 * or answering in shapes told apart by which keys happen to be present.
 */
export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
