/** Counts in words that agree with their number. */

/**
 * "1 claim", "14 claims", "1 article matches", "2 articles match": the count, then the
 * singular or the plural (the singular + "s" unless another plural is given).
 */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
