/**
 * What the review panel says about claims: the label of each status and decision, which
 * claims are still open (the approval gate's rule), the filters with their counts, and the
 * summary line ("33 claims · 16 open · 2 warnings").
 */
import type { ClaimDecision, ReviewDecision } from '../../../shared/article';
import type { ClaimStatus, ReviewCheck, ReviewedClaim } from '../../../shared/review';
import { isOpenClaim } from '../../../shared/review-rules';
import { formatCount } from '../format';

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  backed: 'Backed',
  close: 'Close',
  'not-found': 'Not found',
  'wrong-source': 'Wrong source',
  'speaker-unconfirmed': 'Speaker unconfirmed',
};

export const DECISION_LABELS: Record<ClaimDecision, string> = {
  verified: 'Verified',
  disputed: 'Disputed',
  'needs-source': 'Needs source',
};

export const CLAIM_KIND_LABELS: Record<ReviewedClaim['kind'], string> = {
  quote: 'Quote',
  figure: 'Figure',
  attribution: 'Attributed',
};

/** What the panel can show: every claim, the open ones, or those of one status. */
export type ClaimFilter = 'all' | 'open' | ClaimStatus;

export const CLAIM_FILTERS: ReadonlyArray<{ id: ClaimFilter; label: string }> = [
  { id: 'all', label: 'All' },
  { id: 'open', label: 'Open' },
  { id: 'backed', label: 'Backed' },
  { id: 'close', label: 'Close' },
  { id: 'not-found', label: 'Not found' },
  { id: 'wrong-source', label: 'Wrong source' },
  { id: 'speaker-unconfirmed', label: 'Speaker' },
];

export { isOpenClaim };

export function matchesFilter(claim: ReviewedClaim, filter: ClaimFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'open') return isOpenClaim(claim);
  return claim.status === filter;
}

/** The claims a filter shows, in reading order (by block, then by place in the block). */
export function filterClaims(claims: readonly ReviewedClaim[], filter: ClaimFilter): ReviewedClaim[] {
  return claims.filter((claim) => matchesFilter(claim, filter)).sort(byReadingOrder);
}

/** How many claims each filter shows. */
export function filterCounts(claims: readonly ReviewedClaim[]): Record<ClaimFilter, number> {
  const counts = Object.fromEntries(CLAIM_FILTERS.map((f) => [f.id, 0])) as Record<ClaimFilter, number>;
  for (const claim of claims) {
    counts.all += 1;
    counts[claim.status] += 1;
    if (isOpenClaim(claim)) counts.open += 1;
  }
  return counts;
}

/** The filters worth a button: All and Open always, a status when some claim has it (or it is the one picked). */
export function shownFilters(counts: Record<ClaimFilter, number>, current: ClaimFilter) {
  return CLAIM_FILTERS.filter((f) => f.id === 'all' || f.id === 'open' || f.id === current || counts[f.id] > 0);
}

export function byReadingOrder(a: Pick<ReviewedClaim, 'path' | 'start'>, b: Pick<ReviewedClaim, 'path' | 'start'>): number {
  const length = Math.min(a.path.length, b.path.length);
  for (let i = 0; i < length; i++) {
    const difference = a.path[i]! - b.path[i]!;
    if (difference !== 0) return difference;
  }
  return a.path.length - b.path.length || a.start - b.start;
}

/** "33 claims · 16 open · 2 warnings"; warnings only when there are some. */
export function reviewSummary(check: Pick<ReviewCheck, 'claims' | 'open' | 'warnings'>): string {
  const parts = [formatCount(check.claims.length, 'claim', 'claims'), `${check.open.toLocaleString('en-US')} open`];
  if (check.warnings.length) parts.push(formatCount(check.warnings.length, 'warning', 'warnings'));
  return parts.join(' · ');
}

/** "16 claims are open", "1 claim is open". */
export function openClaimsSentence(open: number): string {
  return open === 1 ? '1 claim is open' : `${open.toLocaleString('en-US')} claims are open`;
}

/** The check with one claim's decision replaced (shown before the next check confirms it), and the open count to match. */
export function withDecision(check: ReviewCheck, claimId: string, decision: ReviewDecision | null): ReviewCheck {
  const claims = check.claims.map((claim) => (claim.id === claimId ? { ...claim, decision } : claim));
  return { ...check, claims, open: claims.filter(isOpenClaim).length };
}
