/** The gate's problems in an editor's words: grouped, counted, each with what to do. */
import { describe, expect, it } from 'vitest';
import { groupProblems, verdict } from '../../../src/renderer/src/export/gate-advice';

const claim = (text: string) => ({ code: 'open-claim', message: `The figure “${text}” is not found in any attached source, and no reviewer has verified it.` });

describe('groupProblems', () => {
  it('groups by kind, counts each group, keeps every message in order, and puts the quickest fixes first', () => {
    const groups = groupProblems([
      claim('38,000'),
      { code: 'editor-note', message: '“TK” is left in the text (block 3).' },
      claim('€2.1 million'),
      { code: 'no-headline', message: 'The article has no headline.' },
    ]);
    expect(groups.map((g) => [g.code, g.title])).toEqual([
      ['no-headline', 'The headline is missing'],
      ['editor-note', 'A TK or editor’s note is left in the text'],
      ['open-claim', '2 claims are open'],
    ]);
    expect(groups[2]!.messages).toEqual([claim('38,000').message, claim('€2.1 million').message]);
    expect(groups[2]!.advice).toMatch(/review mode/);
  });

  it('says what to do for every kind of problem the gate knows', () => {
    const codes = ['no-headline', 'editor-note', 'disputed-claim', 'open-claim', 'ai-undisclosed', 'broken-related', 'missing-source'];
    const groups = groupProblems(codes.map((code) => ({ code, message: code })));
    expect(groups.map((g) => g.code)).toEqual(codes);
    for (const group of groups) {
      expect(group.advice).not.toBe('Fix what each line says.');
      expect(group.title).not.toMatch(/other problem/);
    }
  });

  it('keeps a kind it does not know, last, in the host’s own words', () => {
    const groups = groupProblems([{ code: 'embargo', message: 'Embargoed until 06:00.' }, claim('19')]);
    expect(groups.map((g) => g.code)).toEqual(['open-claim', 'embargo']);
    expect(groups[1]).toMatchObject({ title: '1 other problem', messages: ['Embargoed until 06:00.'] });
  });
});

describe('verdict', () => {
  it('is “Ready to export” with no problems, and counts them otherwise', () => {
    expect(verdict([])).toBe('Ready to export');
    expect(verdict([claim('1')])).toBe('Not ready: 1 problem stops publication');
    expect(verdict([claim('1'), claim('2')])).toBe('Not ready: 2 problems stop publication');
  });
});
