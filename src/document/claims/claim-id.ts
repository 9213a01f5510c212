/**
 * Claim ids that survive edits elsewhere in the article: made of the claim's kind, its
 * normalized text and which occurrence of that text it is, never of offsets. Moving a
 * paragraph, or editing another, leaves every other claim's id (and so a reviewer's
 * decision on it) as it was.
 */
import type { Claim, ClaimKind } from './claim-types';

const PREFIX: Record<ClaimKind, string> = { quote: 'q', figure: 'f', attribution: 'a' };

/** cyrb53: a fast 53-bit string hash, the same in every JavaScript runtime. */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** What makes two claims the same claim: kind, normalized text, and for attributions the source. */
export function claimKey(claim: Pick<Claim, 'kind' | 'normalized' | 'sourceId'>): string {
  return claim.kind === 'attribution' ? `${claim.kind}|${claim.sourceId ?? ''}|${claim.normalized}` : `${claim.kind}|${claim.normalized}`;
}

/** Gives each claim, in document order, its id: `q:` + hash + `#n`, n counting equal claims from 1. */
export function assignClaimIds(claims: Array<Omit<Claim, 'id'> & { id?: string }>): Claim[] {
  const seen = new Map<string, number>();
  return claims.map((claim) => {
    const key = claimKey(claim);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return Object.assign({ id: '' }, claim, { id: `${PREFIX[claim.kind]}:${hash53(key)}#${n}` }) as Claim;
  });
}
