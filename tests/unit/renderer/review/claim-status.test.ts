/**
 * What the review panel counts and shows: open claims by the approval gate's rule, the
 * filters and their counts, reading order, and the summary line.
 */
import { describe, expect, it } from 'vitest';
import type { ReviewDecision } from '../../../../src/shared/article';
import type { ClaimStatus, ReviewedClaim } from '../../../../src/shared/review';
import {
  filterClaims,
  filterCounts,
  isOpenClaim,
  openClaimsSentence,
  reviewSummary,
  shownFilters,
  withDecision,
} from '../../../../src/renderer/src/review/claim-status';

const decided = (decision: ReviewDecision['decision']): ReviewDecision => ({ claimId: 'x', decision, by: 'Ana Lima', at: '2026-11-28T10:00:00.000Z' });

function claim(id: string, status: ClaimStatus, path: number[], start: number, decision: ReviewDecision | null = null): ReviewedClaim {
  return {
    id,
    kind: 'quote',
    text: id,
    path,
    blockType: 'paragraph',
    start,
    end: start + 4,
    status,
    sourceId: null,
    passage: null,
    passageStart: null,
    passageEnd: null,
    matchStart: null,
    matchEnd: null,
    diff: null,
    similarity: 0,
    decision,
  };
}

const CLAIMS = [
  claim('late', 'not-found', [9], 5),
  claim('backed', 'backed', [1], 40),
  claim('close', 'close', [1], 10),
  claim('verified', 'not-found', [2, 0], 0, decided('verified')),
  claim('disputed', 'backed', [2], 3, decided('disputed')),
  claim('speaker', 'speaker-unconfirmed', [3], 0, decided('needs-source')),
];

describe('open claims', () => {
  it('are those not backed and undecided, or decided other than verified', () => {
    expect(CLAIMS.filter(isOpenClaim).map((c) => c.id)).toEqual(['late', 'close', 'disputed', 'speaker']);
  });

  it('are counted again when a decision is shown before the next check', () => {
    const check = { article: { id: 'a', slug: 'a', headline: 'A', status: 'in-review' as const, revision: 'r' }, claims: CLAIMS, warnings: [], open: 4, checkedAt: '' };
    const verified = withDecision(check, 'close', { ...decided('verified'), claimId: 'close' });
    expect(verified.open).toBe(3);
    expect(verified.claims.find((c) => c.id === 'close')?.decision?.decision).toBe('verified');
    expect(withDecision(verified, 'verified', null).open).toBe(4);
  });
});

describe('filters', () => {
  it('show claims in reading order: by block, a nested block after its parent, then by place', () => {
    expect(filterClaims(CLAIMS, 'all').map((c) => c.id)).toEqual(['close', 'backed', 'disputed', 'verified', 'speaker', 'late']);
    expect(filterClaims(CLAIMS, 'open').map((c) => c.id)).toEqual(['close', 'disputed', 'speaker', 'late']);
    expect(filterClaims(CLAIMS, 'not-found').map((c) => c.id)).toEqual(['verified', 'late']);
    expect(filterClaims(CLAIMS, 'wrong-source')).toEqual([]);
  });

  it('count each status, and offer only the statuses the article has (and the one picked)', () => {
    const counts = filterCounts(CLAIMS);
    expect(counts).toEqual({ all: 6, open: 4, backed: 2, close: 1, 'not-found': 2, 'wrong-source': 0, 'speaker-unconfirmed': 1 });
    expect(shownFilters(counts, 'all').map((f) => f.label)).toEqual(['All', 'Open', 'Backed', 'Close', 'Not found', 'Speaker']);
    expect(shownFilters(counts, 'wrong-source').map((f) => f.id)).toContain('wrong-source');
  });
});

describe('the summary', () => {
  it('says how many claims, how many open, and the warnings when there are some', () => {
    const claims = Array.from({ length: 33 }, (_, i) => claim(`c${i}`, 'backed', [i], 0));
    expect(reviewSummary({ claims, open: 16, warnings: ['a', 'b'] })).toBe('33 claims · 16 open · 2 warnings');
    expect(reviewSummary({ claims: claims.slice(0, 1), open: 0, warnings: ['a'] })).toBe('1 claim · 0 open · 1 warning');
    expect(reviewSummary({ claims: [], open: 0, warnings: [] })).toBe('0 claims · 0 open');
  });

  it('says how many claims keep the article from approval', () => {
    expect(openClaimsSentence(16)).toBe('16 claims are open');
    expect(openClaimsSentence(1)).toBe('1 claim is open');
  });
});
