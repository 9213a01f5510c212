/** Counts agree with their number, in the CLI as in the app. */
import { describe, expect, it } from 'vitest';
import { countOf } from '../../../src/shared/plural';

describe('countOf', () => {
  it('gives the singular for one and the plural for every other count', () => {
    expect(countOf(1, 'claim')).toBe('1 claim');
    expect(countOf(0, 'claim')).toBe('0 claims');
    expect(countOf(14, 'claim')).toBe('14 claims');
    expect(countOf(1, 'article matches', 'articles match')).toBe('1 article matches');
    expect(countOf(2, 'article matches', 'articles match')).toBe('2 articles match');
  });
});
