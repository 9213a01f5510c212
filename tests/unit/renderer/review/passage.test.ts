/** A claim's source passage with the matched words marked, and a close quote's word diff. */
import { describe, expect, it } from 'vitest';
import { diffRuns, hasDifference, passageParts } from '../../../../src/renderer/src/review/passage';

const PASSAGE = '"Today\'s session was difficult, but very businesslike," Anna Verhoeven said.';

describe('passages', () => {
  it('mark the matched words, placed by the snapshot offsets', () => {
    // As the check gives them: the passage starts at 528 of the snapshot, the match at 549.
    expect(passageParts({ passage: PASSAGE, passageStart: 528, matchStart: 549, matchEnd: 581 })).toEqual({
      before: '"Today\'s session was ',
      match: 'difficult, but very businesslike',
      after: '," Anna Verhoeven said.',
    });
  });

  it('are cut to the words around the match when long', () => {
    const long = `${'word '.repeat(60)}MATCH${' more'.repeat(60)}`;
    const at = long.indexOf('MATCH');
    const parts = passageParts({ passage: long, passageStart: 100, matchStart: 100 + at, matchEnd: 105 + at }, 40)!;
    expect(parts.match).toBe('MATCH');
    expect(parts.before.startsWith('…')).toBe(true);
    expect(parts.before.length).toBeLessThanOrEqual(41);
    expect(parts.after.endsWith('…')).toBe(true);
    expect(parts.after.length).toBeLessThanOrEqual(41);
  });

  it('show all of themselves without a match, and nothing without a passage', () => {
    expect(passageParts({ passage: 'A passage.', passageStart: 0, matchStart: null, matchEnd: null })).toEqual({ before: 'A passage.', match: '', after: '' });
    expect(passageParts({ passage: null, passageStart: null, matchStart: null, matchEnd: null })).toBeNull();
  });

  it('keep a match that overruns the passage inside it', () => {
    expect(passageParts({ passage: 'short', passageStart: 10, matchStart: 12, matchEnd: 99 })).toEqual({ before: 'sh', match: 'ort', after: '' });
  });
});

describe('word diffs', () => {
  it('say which words only the article has and which only the source has', () => {
    const runs = diffRuns([
      { op: 'equal', text: 'Every week this' },
      { op: 'deleted', text: 'lasts' },
      { op: 'inserted', text: 'goes on' },
      { op: 'equal', text: 'some of that cargo' },
    ]);
    expect(runs).toEqual([
      { side: 'same', text: 'Every week this' },
      { side: 'article', text: 'lasts' },
      { side: 'source', text: 'goes on' },
      { side: 'same', text: 'some of that cargo' },
    ]);
    expect(hasDifference(runs)).toBe(true);
    expect(hasDifference(diffRuns([{ op: 'equal', text: 'same words' }]))).toBe(false);
    expect(diffRuns(null)).toEqual([]);
  });
});
