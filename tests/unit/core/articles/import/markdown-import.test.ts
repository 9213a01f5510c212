/**
 * Markdown into an article: front matter fills the meta, the first `# ` heading is the
 * headline and the next paragraph the dek, the rest keeps its order and kinds (subheads,
 * quotes with their attribution lines, nested lists, safe links, emphasis), and no word of
 * the text is lost or added on the way.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle, type ImportedArticle } from '../../../../../src/core/articles/import/import-article';
import { countWords, plainTextFromBody } from '../../../../../src/document/plain-text';
import { expectArticleBody, formattedRuns, links, outline } from './body-outline';

const FIXTURE = path.join(__dirname, '../../../../fixtures/articles/port-terms.md');

async function imported(fileName: string, source: string | Uint8Array): Promise<ImportedArticle> {
  const result = await importArticle(fileName, typeof source === 'string' ? new TextEncoder().encode(source) : source);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The source's words as a reader sees them: no front matter, link targets or list numbers. */
function wordsOfSource(markdown: string): number {
  const text = markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/\]\((?:[^()]|\([^()]*\))*\)/g, ']')
    .replace(/^\s*\d+\.\s/gm, ' ');
  return countWords(text);
}

describe('importArticle: a Markdown file', () => {
  it('takes the meta from the front matter, the headline from the first # heading and the dek from the paragraph after it', async () => {
    const { meta } = await imported('port-terms.md', await readFile(FIXTURE));
    expect(meta).toEqual({
      headline: 'Harbour deal: what the port’s new terms mean',
      dek: 'The agreement gives the authority 448 new berths, but the money runs out in 2027.',
      kicker: 'Analysis',
      bylines: ['Mara Voss', 'Tom Ekdahl'],
      language: 'en-GB',
    });
  });

  it('keeps the blocks in order and of their kinds: subheads, quotes with attribution lines, nested lists; H1 → h2, H4 → h3', async () => {
    const { body } = await imported('port-terms.md', await readFile(FIXTURE));
    expectArticleBody(body);
    expect(outline(body)).toEqual([
      'h2 What was agreed',
      "paragraph After eleven weeks of talks the port authority and the shipping lines signed a five-year agreement on Friday. It covers berth fees, dredging and the PX-7 tariff code, and it was published in full on the authority's website.",
      'quote “Difficult but businesslike,” said the chief negotiator.\n— Lena Brandt, port authority',
      'h3 The figures',
      'paragraph The deal sets out three stages:',
      'list:number',
      '- Dredging of the outer channel, 2025',
      '- New berths, in two phases:',
      '  list:bullet',
      '  - 300 berths on the east quay',
      '  - 148 berths on the west quay',
      '- A review of fees in 2027',
      'h3 Who pays',
      "paragraph The shipping lines pay 60 percent; the rest comes from the regional fund, as described in the operator's statement.",
      'quote ‘We will watch the dredging closely,’ one harbour pilot said.',
      'h2 What happens next',
      'paragraph The council votes on the financing in March. Questions go to mailto:desk@example.org.',
    ]);
  });

  it('keeps links with safe addresses and turns a javascript: link into plain text, with a warning', async () => {
    const { body, warnings } = await imported('port-terms.md', await readFile(FIXTURE));
    expect(links(body)).toEqual(["authority's website -> https://example.org/port/agreement", 'mailto:desk@example.org -> mailto:desk@example.org']);
    expect(JSON.stringify(body)).not.toContain('javascript:');
    expect(warnings).toContain('1 link with an unsafe or relative address kept as plain text');
  });

  it('keeps bold, italic and code', async () => {
    const { body } = await imported('port-terms.md', await readFile(FIXTURE));
    expect(formattedRuns(body)).toEqual(['1:five-year agreement', '2:berth fees', '16:PX-7']);
  });

  it('loses and adds no word: headline, dek and body hold the words of the source minus its markup', async () => {
    const source = await readFile(FIXTURE, 'utf8');
    const { meta, body } = await imported('port-terms.md', source);
    const words = countWords(meta.headline) + countWords(meta.dek) + countWords(plainTextFromBody(body));
    // The fixture's count, pinned: a change to the stripping above cannot make both sides agree by accident.
    expect(wordsOfSource(source)).toBe(160);
    expect(words).toBe(160);
  });

  it('without front matter: the first # heading and the paragraph after it; a later # is a subhead, #### to ###### an h3', async () => {
    const { meta, body, warnings } = await imported(
      'notes.md',
      '# Tram line 4 opens\n\nThe first passengers rode at dawn.\n\nIt runs every *ten* minutes.\n\n# Stops\n\n#### Central\n\n###### Harbour\n\nSix stops in all.\n',
    );
    expect(meta).toEqual({ headline: 'Tram line 4 opens', dek: 'The first passengers rode at dawn.' });
    expect(outline(body)).toEqual(['paragraph It runs every ten minutes.', 'h2 Stops', 'h3 Central', 'h3 Harbour', 'paragraph Six stops in all.']);
    expect(warnings).toEqual([]);
  });

  it('reads setext headings, fenced code, images and thematic breaks without leaving markup in the text', async () => {
    const { meta, body, warnings } = await imported(
      'setext.md',
      'Quay works begin\n================\n\nThe dek.\n\nBefore.\n\n---\n\n![A crane at dawn](crane.jpg)\n\n```\nberths = 448\n```\n\nAfter\n-----\n\nEnd.\n',
    );
    expect(meta.headline).toBe('Quay works begin');
    expect(outline(body)).toEqual(['paragraph Before.', 'paragraph A crane at dawn', 'paragraph berths = 448', 'h2 After', 'paragraph End.']);
    expect(formattedRuns(body)).toEqual(['16:berths = 448']);
    expect(warnings).toContain("1 image left out (alt text kept); add images from the workspace's assets");
  });

  it('takes a "By …" line under the headline as the byline, not as the dek', async () => {
    const { meta, body } = await imported('byline.md', '# Dredging resumes\n\nBy Saar de Wit and Omar Haddad\n\nThe dredgers are back.\n\nBody text.\n');
    expect(meta).toEqual({ headline: 'Dredging resumes', dek: 'The dredgers are back.', bylines: ['Saar de Wit', 'Omar Haddad'] });
    expect(outline(body)).toEqual(['paragraph Body text.']);
    // A sentence that starts with "By" is no byline.
    const sentence = await imported('by-friday.md', '# Quay works\n\nBy Friday the crane was gone.\n\nBy then, 448 berths were free.\n');
    expect(sentence.meta).toEqual({ headline: 'Quay works', dek: 'By Friday the crane was gone.' });
    expect(outline(sentence.body)).toEqual(['paragraph By then, 448 berths were free.']);
  });

  it('keeps lists nested 40 deep within the body limits: past eight levels, items join the eighth', async () => {
    const items = Array.from({ length: 40 }, (_, level) => `${'    '.repeat(level)}- level ${level + 1}`);
    const { body } = await imported('deep.md', `# Deep lists\n\nThe dek.\n\n${items.join('\n')}\n`);
    expectArticleBody(body);
    const lines = outline(body);
    expect(lines.filter((line) => line.trim().startsWith('- level'))).toHaveLength(40);
    expect(lines.filter((line) => line.trim() === 'list:bullet')).toHaveLength(8);
    expect(lines.at(-1)).toBe(`${'  '.repeat(7)}- level 40`);
  });

  it('imports front matter with no body as a headline and a dek over an empty body, with a warning', async () => {
    const { meta, body, warnings } = await imported('stub.md', '---\ntitle: Ferry strike ends\ndescription: "Crossings resume at six."\n---\n');
    expect(meta).toEqual({ headline: 'Ferry strike ends', dek: 'Crossings resume at six.' });
    expectArticleBody(body);
    expect(outline(body)).toEqual(['paragraph ']);
    expect(warnings).toContain('the document has no text beyond its headline and dek; the body is empty');
  });

  it('names the file for its headline, with a warning, when it has no heading and no title', async () => {
    const { meta, warnings } = await imported('/drafts/quay-notes.md', 'Just a paragraph of notes.\n\nAnother one.\n');
    expect(meta.headline).toBe('quay-notes');
    expect(meta.dek).toBe('Just a paragraph of notes.');
    expect(warnings).toContain('no headline was found; the file\'s name was used ("quay-notes")');
  });
});
