/**
 * Finding an attributed span in a source's snapshot, and the find-in-snapshot matches: the
 * same words are found whatever the quote marks, dashes, spacing and case, and every match
 * maps back to its place in the snapshot as captured.
 */
import { describe, expect, it } from 'vitest';
import { findMatches, findPassage, prepareText } from '../../../src/renderer/src/sources/text-match';

const SNAPSHOT = [
  'ROTTERDAM, Nov 10 (Northsea Wire) - Talks to end the strike at Maasgate broke up on Monday evening.',
  '',
  '"Today\'s session was difficult, but very businesslike," Anna Verhoeven said.   "On pay, the distance is',
  'no longer the main thing keeping us apart."',
  '',
  'The union is seeking a 7% rise over two years \u2014 the company offers 4.5%.',
].join('\n');

describe('text matching', () => {
  it('maps each normalized character back to the original text', () => {
    const prepared = prepareText('A \u201cQuote\u201d\n\n  here');
    expect(prepared.normalized).toBe('a "quote" here');
    const [match] = findMatches(prepared, '\u201cquote\u201d here');
    expect(prepared.original.slice(match!.start, match!.end)).toBe('\u201cQuote\u201d\n\n  here');
  });

  it('finds a span typed with curly quotes, other line breaks and another case', () => {
    const passage = findPassage(prepareText(SNAPSHOT), '\u201cOn pay, the distance is no longer the main thing keeping us apart\u201d');
    expect(passage).not.toBeNull();
    expect(passage!.match).toBe('On pay, the distance is no longer the main thing keeping us apart');
    const original = SNAPSHOT.slice(passage!.range.start, passage!.range.end);
    expect(original).toContain('distance is\nno longer');
    // The passage shows what is around the match, on one line, cut at word boundaries.
    expect(passage!.before).toMatch(/Anna Verhoeven said\. "$/);
    expect(passage!.after.startsWith('."')).toBe(true);
    expect(passage!.before).not.toContain('\n');
    // It stays in its paragraph: what the previous one says is no context for this quote.
    expect(passage!.before.startsWith('"Today\'s session')).toBe(true);
    expect(passage!.clippedStart).toBe(false);
  });

  it('treats dashes alike and ignores the quote marks around the attributed span', () => {
    const passage = findPassage(prepareText(SNAPSHOT), '\u201Ctwo years - the company offers 4.5%\u201D');
    expect(passage?.match).toBe('two years \u2014 the company offers 4.5%');
    expect(passage?.clippedEnd).toBe(false);
  });

  it('keeps the passage to about the radius asked for, either side', () => {
    const long = `${'word '.repeat(200)}needle in the middle ${'word '.repeat(200)}`;
    const passage = findPassage(prepareText(long), 'needle in the middle', 100)!;
    expect(passage.before.length).toBeLessThanOrEqual(100);
    expect(passage.before.length).toBeGreaterThan(80);
    expect(passage.after.length).toBeLessThanOrEqual(101);
    expect(passage.before.startsWith('word')).toBe(true);
    expect(passage.clippedStart && passage.clippedEnd).toBe(true);
  });

  it('says when the attributed text is not in the snapshot', () => {
    expect(findPassage(prepareText(SNAPSHOT), 'difficult but businesslike')).toBeNull();
    expect(findPassage(prepareText(SNAPSHOT), '\u201c \u201d')).toBeNull();
  });

  it('counts every match of a search, in order, and none for an empty query', () => {
    const prepared = prepareText(SNAPSHOT);
    const matches = findMatches(prepared, 'the');
    expect(matches.map((m) => SNAPSHOT.slice(m.start, m.end).toLowerCase())).toEqual(['the', 'the', 'the', 'the', 'the']);
    expect(matches.map((m) => m.start)).toEqual([...matches.map((m) => m.start)].sort((a, b) => a - b));
    expect(findMatches(prepared, '   ')).toEqual([]);
    expect(findMatches(prepared, 'the', 2)).toHaveLength(2);
  });

  it('drops invisible characters and lowercases letters outside ASCII', () => {
    const prepared = prepareText('\uFEFFÉCOLE pri\u00ADmária');
    expect(prepared.normalized).toBe('école primária');
    const [match] = findMatches(prepared, 'primária');
    expect(prepared.original.slice(match!.start, match!.end)).toBe('pri\u00ADmária');
  });
});
