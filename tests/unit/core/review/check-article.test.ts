import { describe, expect, it } from 'vitest';
import { checkArticle, createReviewChecker } from '../../../../src/core/review/check-article';
import type { CheckSource } from '../../../../src/core/review/review-types';
import type { LexicalBody } from '../../../../src/shared/article';
import { bodyOf } from '../../../helpers/temp';
import { bodyFromMarkup } from './fixture-corpus';

const WIRE: CheckSource = {
  id: 'wire',
  title: 'Northsea Wire',
  snapshot:
    'Talks broke up on Monday. "Today\'s session was difficult, but very businesslike," Anna Verhoeven said in a statement. ' +
    'An estimated 37,600 containers were waiting on the quay. The strike by 1,240 workers began on November 2.\n\n' +
    'Pieter Bakels said the company had "moved a long way in a short time" on pay.',
};
const REPORT: CheckSource = { id: 'report', title: 'Port report', snapshot: 'The port handled 2.3 million containers in 2025, up 4% on the year.' };
const body = (...paragraphs: string[]) => bodyOf(...paragraphs) as LexicalBody;

describe('checkArticle', () => {
  it('backs verbatim quotes and figures with the passage around them, and says where', () => {
    const { claims, warnings } = checkArticle({ body: body('Bakels said the company had “moved a long way in a short time”. A strike by 1,240 workers.'), sources: [WIRE], attachedSourceIds: ['wire'] });
    expect(claims.map((c) => [c.kind, c.status, c.sourceId])).toEqual([
      ['quote', 'backed', 'wire'],
      ['figure', 'backed', 'wire'],
    ]);
    const [quote, figure] = claims;
    expect(quote!.passage).toBe('Pieter Bakels said the company had "moved a long way in a short time" on pay.');
    expect(WIRE.snapshot!.slice(quote!.matchStart!, quote!.matchEnd!)).toBe('moved a long way in a short time');
    expect(WIRE.snapshot!.slice(quote!.passageStart!, quote!.passageEnd!)).toBe(quote!.passage);
    expect(quote!.speakerConfirmed).toBe(true);
    expect(figure!.context).toEqual({ article: 'a short time”. A strike by 1,240 workers', source: 'on the quay. The strike by 1,240 workers began on November 2.', shared: ['strike', 'worker'] });
    expect(warnings).toEqual([]);
  });

  it('gives a close quote its similarity and a word diff', () => {
    const [claim] = checkArticle({ body: body('She called the session “difficult but businesslike.”'), sources: [WIRE], attachedSourceIds: ['wire'] }).claims;
    expect(claim).toMatchObject({ status: 'close', sourceId: 'wire' });
    expect(claim!.similarity).toBeCloseTo(6 / 7, 5);
    expect(claim!.diff).toEqual([
      { op: 'equal', text: 'difficult but' },
      { op: 'inserted', text: 'very' },
      { op: 'equal', text: 'businesslike' },
    ]);
  });

  it('takes a rounded figure as close when the words around it agree, and an unrelated one as not found', () => {
    const { claims } = checkArticle({ body: body('Some 38,000 containers wait on the quay.', 'The union has 37,600 members.'), sources: [WIRE], attachedSourceIds: ['wire'] });
    expect(claims.map((c) => [c.text, c.status])).toEqual([
      ['38,000', 'close'],
      ['37,600', 'not-found'],
    ]);
    expect(claims[1]!.note).toMatch(/has this number, but about something else/);
  });

  it('says speaker-unconfirmed when the source does not name the speaker near the words', () => {
    const [claim] = checkArticle({ body: body('“Today’s session was difficult, but very businesslike,” said Lotte Brinkman.'), sources: [WIRE], attachedSourceIds: ['wire'] }).claims;
    expect(claim).toMatchObject({ status: 'speaker-unconfirmed', speaker: 'Lotte Brinkman', speakerConfirmed: false, sourceId: 'wire' });
    expect(claim!.note).toBe('“Northsea Wire” does not name Lotte Brinkman near this passage.');
    // Within 300 characters is near enough: Bakels is named in the next paragraph.
    const [near] = checkArticle({ body: body('“Today’s session was difficult, but very businesslike,” said Pieter Bakels.'), sources: [WIRE], attachedSourceIds: ['wire'] }).claims;
    expect(near).toMatchObject({ status: 'backed', speakerConfirmed: true });
    const [role] = checkArticle({ body: body('“Today’s session was difficult, but very businesslike,” said the negotiator.'), sources: [WIRE], attachedSourceIds: ['wire'] }).claims;
    expect(role).toMatchObject({ status: 'backed', speakerIsRole: true, speakerConfirmed: null });
  });

  it('finds an attributed claim only in its own source: elsewhere it is wrong-source, naming where it is', () => {
    const markup = 'The port {{wire|handled 2.3 million containers in 2025}}.\n\n{{report|“moved a long way in a short time”}}, he said.';
    const { claims, warnings } = checkArticle({ body: bodyFromMarkup(markup), sources: [WIRE, REPORT], attachedSourceIds: ['wire', 'report'] });
    expect(claims.map((c) => [c.kind, c.text, c.status, c.attributedSourceId, c.sourceId])).toEqual([
      ['attribution', 'handled 2.3 million containers in 2025', 'wrong-source', 'wire', 'report'],
      ['figure', '2.3 million', 'wrong-source', 'wire', 'report'],
      ['figure', '2025', 'wrong-source', 'wire', 'report'],
      ['quote', 'moved a long way in a short time', 'wrong-source', 'report', 'wire'],
    ]);
    expect(claims[0]!.note).toBe('It is attributed to “Northsea Wire”, but it is in “Port report”.');
    expect(warnings).toEqual([]);
  });

  it('gives a clear result for an attribution whose source is gone', () => {
    const { claims, warnings } = checkArticle({ body: bodyFromMarkup('{{gone-source|“moved a long way in a short time”}}'), sources: [WIRE], attachedSourceIds: ['wire'] });
    expect(claims[0]).toMatchObject({ status: 'wrong-source', sourceId: 'wire', attributedSourceId: 'gone-source' });
    expect(claims[0]!.note).toMatch(/“gone-source”, which is no longer in the library; it is in “Northsea Wire”/);
    expect(warnings).toContain('An attribution points at “gone-source”, which is not in the library.');
  });

  it('only attached sources back a claim; one found elsewhere is not found, with a note', () => {
    const [claim] = checkArticle({ body: body('Bakels said they had “moved a long way in a short time”.'), sources: [WIRE, REPORT], attachedSourceIds: ['report'] }).claims;
    expect(claim).toMatchObject({ status: 'not-found', sourceId: null, passage: null });
    expect(claim!.note).toBe('It is in “Northsea Wire”, which is not attached to this article.');
  });

  it('warns about no sources, sources without a snapshot, unused sources, TKs and editor notes', () => {
    const none = checkArticle({ body: body('“We will sign,” she said.'), sources: [], attachedSourceIds: [] });
    expect(none.claims.map((c) => c.status)).toEqual(['not-found']);
    expect(none.warnings).toEqual(['No sources are attached, so no claim can be backed.']);
    const sources: CheckSource[] = [WIRE, REPORT, { id: 'empty', title: 'Empty capture', snapshot: '' }, { id: 'scan', title: 'A scan', snapshot: null }];
    const { warnings } = checkArticle({ body: body('A strike by 1,240 workers. TK [[check the date]]'), sources, attachedSourceIds: ['wire', 'report', 'empty', 'scan', 'lost'] });
    expect(warnings).toEqual([
      '“Port report” is attached but backs no claim.',
      '“Empty capture” has no snapshot, so nothing can be checked against it.',
      '“A scan” has no snapshot, so nothing can be checked against it.',
      'The attached source “lost” is not in the library, so nothing can be checked against it.',
      '“TK” is left in the text (block 0).',
      'An editor’s note is left in the text: “[[check the date]]” (block 0).',
    ]);
  });

  it('flags a quote never closed, ending it at its block, and still checks it', () => {
    const { claims, warnings } = checkArticle({ body: body('Bakels said the company had “moved a long way in a short time', 'A strike by 1,240 workers.'), sources: [WIRE], attachedSourceIds: ['wire'] });
    expect(claims.map((c) => [c.kind, c.text, c.status, c.unclosed ?? false])).toEqual([
      ['quote', 'moved a long way in a short time', 'backed', true],
      ['figure', '1,240', 'backed', false],
    ]);
    expect(warnings).toEqual(['A quotation mark is never closed: “moved a long way in a short time” (block 0).']);
  });

  it('never throws on bad input: a missing body, odd sources, a stale sha-256', () => {
    expect(checkArticle({ body: null as unknown as LexicalBody, sources: [], attachedSourceIds: [] })).toEqual({ claims: [], warnings: ['No sources are attached, so no claim can be backed.'] });
    const odd = checkArticle({ body: body('A strike by 1,240 workers.'), sources: [null, { id: 'x' }, WIRE] as unknown as CheckSource[], attachedSourceIds: 'wire' as unknown as string[] });
    expect(odd.claims.map((c) => c.status)).toEqual(['not-found']);
    const stale = { ...WIRE, sha256: 'f'.repeat(64) };
    const checker = createReviewChecker();
    checker.check({ body: body('x'), sources: [{ ...REPORT, sha256: 'f'.repeat(64) }], attachedSourceIds: ['report'] });
    expect(checker.check({ body: body('A strike by 1,240 workers.'), sources: [stale], attachedSourceIds: ['wire'] }).claims[0]!.status).toBe('backed');
  });

  it('checks a 100,000-word article, and a 100,000-word unclosed quote, in bounded time', () => {
    const sentence = 'The strike by 1,240 workers began on November 2, and “today’s session was difficult, but very businesslike,” Anna Verhoeven said. ';
    const paragraphs = Array.from({ length: 1000 }, () => sentence.repeat(5));
    const started = Date.now();
    const big = checkArticle({ body: body(...paragraphs), sources: [WIRE, REPORT], attachedSourceIds: ['wire', 'report'] });
    expect(big.claims).toHaveLength(15_000);
    expect(new Set(big.claims.map((c) => c.status))).toEqual(new Set(['backed']));
    const runaway = checkArticle({ body: body(`“${'words of a quote that never ends '.repeat(14_300)}`), sources: [WIRE], attachedSourceIds: ['wire'] });
    expect(runaway.claims).toHaveLength(1);
    expect(runaway.claims[0]).toMatchObject({ unclosed: true, status: 'not-found' });
    expect(Date.now() - started).toBeLessThan(25_000);
  });

  it('answers again when a source’s snapshot changes', () => {
    const checker = createReviewChecker();
    const article = body('A strike by 1,240 workers.');
    expect(checker.check({ body: article, sources: [WIRE], attachedSourceIds: ['wire'] }).claims[0]!.status).toBe('backed');
    const recaptured = { ...WIRE, snapshot: WIRE.snapshot!.replace('1,240', '1,420') };
    expect(checker.check({ body: article, sources: [recaptured], attachedSourceIds: ['wire'] }).claims[0]!.status).toBe('not-found');
  });

  it('keeps claim ids across an edit in another paragraph, and a re-check agrees with a fresh check', () => {
    const checker = createReviewChecker();
    const first = checker.check({ body: body('“Moved a long way in a short time,” Bakels said.', 'A strike by 1,240 workers.'), sources: [WIRE], attachedSourceIds: ['wire'] });
    const edited = body('“Moved a long way in a short time,” Bakels said.', 'A long strike by 1,240 dock workers, the union said.', 'Some 38,000 containers wait on the quay.');
    const second = checker.check({ body: edited, sources: [WIRE], attachedSourceIds: ['wire'] });
    expect(second.claims.slice(0, 2).map((c) => c.id)).toEqual(first.claims.map((c) => c.id));
    expect(second).toEqual(createReviewChecker().check({ body: edited, sources: [WIRE], attachedSourceIds: ['wire'] }));
  });
});
