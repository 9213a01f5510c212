/**
 * JSON with a stable key order (keys sorted by code unit at every level), so the same
 * data always gives the same bytes whatever order it was assembled in.
 */

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sorted(v);
  }
  return out;
}

export function stableJson(value: unknown, indent = 2): string {
  return JSON.stringify(sorted(value), null, indent);
}

/** JSON bytes of a bundle file: stable keys, two-space indent, a final newline. */
export function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${stableJson(value)}\n`);
}
