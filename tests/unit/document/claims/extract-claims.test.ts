import { describe, expect, it } from 'vitest';
import { ClaimExtractor, extractClaims } from '../../../../src/document/claims/extract-claims';
import { positionedText } from '../../../../src/document/plain-text';
import { bodyOf } from '../../../helpers/temp';

const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, detail: 0, mode: 'normal', style: '' });
const block = (type: string, ...children: object[]) => ({ type, version: 1, direction: null, format: '', indent: 0, children });
const attribution = (sourceId: string, t: string, locator = '') => ({ ...block('attribution', text(t)), sourceId, locator });
const bodyWith = (...children: object[]) => ({ root: { ...block('root', ...children), type: 'root' as const } });

describe('claim extraction', () => {
  it('gives quotes, figures and attributions in document order with block paths and offsets', () => {
    const body = bodyOf('The union wants a 7% rise. “We will not sign,” Anna Verhoeven said.', 'Rail operators cancelled 85 trains.');
    const { claims } = extractClaims(body, { language: 'en' });
    expect(claims.map((c) => [c.kind, c.text, c.path])).toEqual([
      ['figure', '7%', [0]],
      ['quote', 'We will not sign,', [0]],
      ['figure', '85', [1]],
    ]);
    const { blocks } = positionedText(body);
    for (const claim of claims) {
      const blockText = blocks.find((b) => b.path.join() === claim.path.join())!.text;
      expect(blockText.slice(claim.start, claim.end)).toBe(claim.text);
    }
    expect(claims[1]).toMatchObject({ speaker: 'Anna Verhoeven', normalized: 'we will not sign' });
  });

  it('names speakers written after, before and around the quote, and skips roles', () => {
    const { claims } = extractClaims(
      bodyOf(
        '“It is over,” said Anna Verhoeven.',
        'Marieke Dekker, the alderman for social affairs, told the committee: “The money is there.”',
        'Verhoeven said: “We will strike.” “And we will win,” she added.',
        '“Nothing is agreed,” according to the minister.',
        '“We are close,” she said.',
      ),
      { language: 'en' },
    );
    expect(claims.map((c) => [c.speaker, c.speakerIsRole ?? false])).toEqual([
      ['Anna Verhoeven', false],
      ['Marieke Dekker', false],
      ['Verhoeven', false],
      ['Verhoeven', false],
      ['the minister', true],
      [undefined, false],
    ]);
  });

  it('joins a quote interrupted by its attribution into one claim with two parts', () => {
    const { claims } = extractClaims(bodyOf('“We will,” she said, “sign nothing.” Anna Verhoeven left.'), { language: 'en' });
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ kind: 'quote', text: 'We will sign nothing.', parts: [{ start: 1, end: 9 }, { start: 22, end: 35 }] });
  });

  it('takes a block quotation as one quote, its speaker from the lead-in, its figures inside it', () => {
    const body = bodyWith(block('paragraph', text('Mr Bakels set out the case in a letter to staff:')), block('quote', text('We now handle 2.3 million containers, with the same cranes.')));
    const { claims } = extractClaims(body, { language: 'en' });
    expect(claims.map((c) => [c.kind, c.text, c.speaker])).toEqual([['quote', 'We now handle 2.3 million containers, with the same cranes.', 'Mr Bakels']]);
  });

  it('stops a quote never closed at the end of its block and flags it', () => {
    const { claims } = extractClaims(bodyOf('“We will not sign this, she said.', 'A new paragraph with 12 cranes.'), { language: 'en' });
    expect(claims.map((c) => [c.kind, c.text, c.unclosed ?? false])).toEqual([
      ['quote', 'We will not sign this, she said.', true],
      ['figure', '12', false],
    ]);
  });

  it('marks quotes and figures inside an attribution with its source; a longer span is an attribution claim', () => {
    const body = bodyWith(
      block('paragraph', text('She called it '), attribution('wire', '“difficult but businesslike”', 'para 3'), text('.')),
      block('paragraph', attribution('report', 'The review puts the cost at €9,400 per pupil'), text('.')),
    );
    const { claims } = extractClaims(body, { language: 'en' });
    expect(claims.map((c) => [c.kind, c.text, c.sourceId])).toEqual([
      ['quote', 'difficult but businesslike', 'wire'],
      ['attribution', 'The review puts the cost at €9,400 per pupil', 'report'],
      ['figure', '€9,400', 'report'],
    ]);
    expect(claims[0]!.locator).toBe('para 3');
  });

  it('reports TKs and editor notes, and finds no claim inside a note', () => {
    const { claims, notes } = extractClaims(bodyOf('The plant will employ TK people. [[check the 148 jobs figure]]'), { language: 'en' });
    expect(notes.map((n) => [n.kind, n.text])).toEqual([
      ['tk', 'TK'],
      ['note', '[[check the 148 jobs figure]]'],
    ]);
    expect(claims).toEqual([]);
  });

  it('gives ids from kind, text and occurrence, which survive edits in other paragraphs', () => {
    const before = extractClaims(bodyOf('“We will sign,” she said.', 'Costs rose 12%.', '“We will sign,” he said again.'), { language: 'en' }).claims;
    expect(before.map((c) => c.id)).toEqual([expect.stringMatching(/^q:[0-9a-z]+#1$/), expect.stringMatching(/^f:[0-9a-z]+#1$/), expect.stringMatching(/^q:[0-9a-z]+#2$/)]);
    expect(before[0]!.id.split('#')[0]).toBe(before[2]!.id.split('#')[0]);
    const after = extractClaims(bodyOf('“We will sign,” she said.', 'Costs rose sharply, by 12% in a year, the report says.', '“We will sign,” he said again.', 'A new paragraph with 40 cranes.'), { language: 'en' }).claims;
    expect(after.filter((c) => c.kind === 'quote').map((c) => c.id)).toEqual([before[0]!.id, before[2]!.id]);
    expect(after.find((c) => c.text === '12%')!.id).toBe(before[1]!.id);
    // The same figure written another way is the same claim.
    expect(extractClaims(bodyOf('Costs rose 12 per cent.'), { language: 'en' }).claims[0]!.id).toBe(before[1]!.id);
  });

  it('re-extracts only changed blocks when kept in a ClaimExtractor, with the same answer', () => {
    const extractor = new ClaimExtractor();
    const body = bodyOf('“One,” said Anna Verhoeven.', 'It cost €3 million.');
    const first = extractor.extract(body, { language: 'en' });
    const moved = bodyOf('A new first paragraph.', '“One,” said Anna Verhoeven.', 'It cost €3 million.');
    const second = extractor.extract(moved, { language: 'en' });
    expect(second.claims.map((c) => c.id)).toEqual(first.claims.map((c) => c.id));
    expect(second.claims.map((c) => c.path)).toEqual([[1], [2]]);
  });

  it('handles an empty or missing body', () => {
    expect(extractClaims(null)).toEqual({ claims: [], notes: [] });
    expect(extractClaims(bodyOf())).toEqual({ claims: [], notes: [] });
  });
});

describe('speakers in French and German', () => {
  it('reads verbs with accents and inverted French forms', () => {
    const { claims } = extractClaims(
      bodyOf('Claire Fontanel a déclaré\u00a0: «\u202fNous commencerons en juin\u202f».', '«\u202fCe n’est pas un luxe\u202f», a précisé Julien Marchetti.', '„Wir bauen aus“, sagte Geschäftsführerin Miriam Albrecht.', '»Das ist machbar«, so Albrecht.'),
      { language: 'fr' },
    );
    expect(claims.filter((c) => c.kind === 'quote').map((c) => c.speaker)).toEqual(['Claire Fontanel', 'Julien Marchetti', 'Geschäftsführerin Miriam Albrecht', 'Albrecht']);
  });
});
