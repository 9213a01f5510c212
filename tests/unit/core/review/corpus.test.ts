/**
 * The review corpus (tests/fixtures/review): six fictional articles in English, French
 * and German typography against nine fictional sources, every claim with a known answer
 * — verbatim and reworded quotes, figures written every which way, rounded and invented
 * ones, wrong speakers, wrong sources. The check must give every answer; the test prints
 * precision and recall of "backed" (quotes, figures) and of "close".
 */
import { describe, expect, it } from 'vitest';
import { createReviewChecker } from '../../../../src/core/review/check-article';
import type { ClaimResult } from '../../../../src/core/review/review-types';
import { loadCorpus, type ExpectedClaim } from './fixture-corpus';

interface Pair {
  expected: ExpectedClaim;
  actual: ClaimResult;
}

function score(pairs: Pair[], status: string, kinds: string[]) {
  const relevant = pairs.filter((p) => kinds.includes(p.expected.kind));
  const truePositive = relevant.filter((p) => p.actual.status === status && p.expected.status === status).length;
  const predicted = relevant.filter((p) => p.actual.status === status).length;
  const expected = relevant.filter((p) => p.expected.status === status).length;
  return { precision: predicted ? truePositive / predicted : 1, recall: expected ? truePositive / expected : 1, predicted, expected, truePositive };
}

describe('the review corpus', () => {
  const { sources, articles } = loadCorpus();
  const checker = createReviewChecker();
  const pairs: Pair[] = [];
  const mismatches: string[] = [];

  for (const article of articles) {
    const result = checker.check({ body: article.body, sources, attachedSourceIds: article.attached, language: article.language });
    const actual = result.claims;
    const listed = article.claims.map((c) => `${c.kind}: ${c.text}`);
    const found = actual.map((c) => `${c.kind}: ${c.text}`);
    if (listed.join('\n') !== found.join('\n')) mismatches.push(`${article.file}: claims differ from the key\n  key:   ${listed.join(' | ')}\n  found: ${found.join(' | ')}`);
    article.claims.forEach((expected, k) => {
      const claim = actual[k];
      if (!claim || claim.text !== expected.text) return;
      pairs.push({ expected, actual: claim });
      const source = expected.source ?? null;
      if (claim.status !== expected.status || (expected.status !== 'not-found' && claim.sourceId !== source)) {
        mismatches.push(`${article.file}: ${expected.kind} “${expected.text}”: expected ${expected.status} (${source}), got ${claim.status} (${claim.sourceId}) ${claim.note ?? ''}`);
      }
    });
  }

  it('holds at least 40 quotes and 40 figures with known answers', () => {
    expect(articles.flatMap((a) => a.claims).filter((c) => c.kind === 'quote').length).toBeGreaterThanOrEqual(40);
    expect(articles.flatMap((a) => a.claims).filter((c) => c.kind === 'figure').length).toBeGreaterThanOrEqual(40);
  });

  it('judges every claim as the key says, with 100 % precision and recall', () => {
    const rows = [
      ['backed, quotes and spans', score(pairs, 'backed', ['quote', 'attribution'])],
      ['backed, figures', score(pairs, 'backed', ['figure'])],
      ['close, quotes and figures', score(pairs, 'close', ['quote', 'figure', 'attribution'])],
      ['speaker-unconfirmed', score(pairs, 'speaker-unconfirmed', ['quote'])],
      ['wrong-source', score(pairs, 'wrong-source', ['quote', 'figure', 'attribution'])],
      ['not-found', score(pairs, 'not-found', ['quote', 'figure', 'attribution'])],
    ] as const;
    const pct = (x: number) => `${(100 * x).toFixed(1)} %`.padStart(7);
    const lines = rows.map(([label, s]) => `${label.padEnd(28)} precision ${pct(s.precision)}  recall ${pct(s.recall)}  (${s.truePositive} of ${s.predicted} predicted, ${s.expected} expected)`);
    process.stdout.write(`\nReview corpus: ${pairs.length} claims\n${lines.join('\n')}\n`);
    expect(mismatches).toEqual([]);
    for (const [, s] of rows) {
      expect(s.precision).toBe(1);
      expect(s.recall).toBe(1);
    }
  });
});
