/**
 * Plain text into an article: the first line is the headline, a "By …" line the byline,
 * the next paragraph the dek; hard-wrapped lines join into paragraphs, bulleted lines make
 * a list, and only a short line that reads like a subhead, with text after it, is an h2.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle, type ImportedArticle } from '../../../../../src/core/articles/import/import-article';
import { countWords, plainTextFromBody } from '../../../../../src/document/plain-text';
import { expectArticleBody, outline } from './body-outline';

const FIXTURE = path.join(__dirname, '../../../../fixtures/articles/night-buses.txt');

async function imported(fileName: string, source: string | Uint8Array): Promise<ImportedArticle> {
  const result = await importArticle(fileName, typeof source === 'string' ? new TextEncoder().encode(source) : source);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('importArticle: a .txt file', () => {
  it('reads the headline, byline, dek, paragraphs, subheads and a list', async () => {
    const { meta, body, warnings } = await imported('night-buses.txt', await readFile(FIXTURE));
    expectArticleBody(body);
    expect(meta).toEqual({
      headline: 'Night buses return to the northern districts',
      dek: 'The city will run night buses to Noordwijk and Veldhoven again from October, after a six-month pause that left shift workers paying for taxis.',
      bylines: ['Pieter Gall'],
    });
    expect(outline(body)).toEqual([
      'paragraph Three routes come back first, each running every 40 minutes between midnight and five in the morning. The fourth, to the hospital, follows in January once drivers are hired.',
      'h2 Why the service stopped',
      'paragraph The operator withdrew the night network in April, citing a shortage of 62 drivers. Unions said pay, not recruitment, was the problem.',
      'h2 What changes for riders',
      'list:bullet',
      '- Night fares stay at the day rate',
      '- Tickets bought on the app are valid on all three routes',
      '- The last tram connects with every departure',
      'paragraph "We heard from nurses who were spending half a shift\'s wages getting home," said councillor Ana Ferreira. "That could not go on."',
      'paragraph Further changes are expected when the new contract is signed in 2026.',
    ]);
    expect(warnings).toEqual([]);
  });

  it('loses and adds no word', async () => {
    const source = await readFile(FIXTURE, 'utf8');
    const { meta, body } = await imported('night-buses.txt', source);
    const words = countWords(meta.headline) + countWords(meta.bylines!.join(' ')) + countWords(meta.dek) + countWords(plainTextFromBody(body));
    expect(words).toBe(countWords(source.replace(/^By /m, '')));
  });

  it('makes a subhead only of a short capitalised line without closing punctuation, with running text after it', async () => {
    const { body } = await imported(
      'short-lines.txt',
      [
        'Council agrees budget',
        'The dek paragraph.',
        '',
        'a lowercase line without a period',
        '',
        'Running text that follows, ending as a sentence does.',
        '',
        'Ends with a colon:',
        '',
        'Running text again.',
        '',
        'A line far too long to be a subhead, even though it has no period at its very end',
        '',
        'More running text.',
        '',
        'Followed by another short line',
        '',
        'Still short',
        '',
        'Closing sentence.',
        '',
        'Last line without a period',
      ].join('\n'),
    );
    expect(outline(body).filter((line) => line.startsWith('h'))).toEqual(['h2 Still short']);
  });

  it('makes each line a paragraph when the file has no blank line at all, and reads CRLF and a byte-order mark', async () => {
    const text = '\uFEFFFerry fares rise\r\nFares go up by 6 percent in September.\r\nThe province pays the rest.\r\nA review follows in 2027.\r\n';
    const { meta, body } = await imported('fares.txt', text);
    expect(meta).toEqual({ headline: 'Ferry fares rise', dek: 'Fares go up by 6 percent in September.' });
    expect(outline(body)).toEqual(['paragraph The province pays the rest.', 'paragraph A review follows in 2027.']);
  });

  it('turns tabs into spaces and drops control characters, which an article never holds', async () => {
    // Two stray controls in a page of text (many more would mark it as binary data).
    const tides = 'The harbour master publishes the tide table every Friday for the following week. '.repeat(3);
    const { body } = await imported('tabs.txt', `Tide table\n\nThe dek.\n\n${tides}High\twater at 06:40,\u0007 low at 12:55.\u001b\n`);
    expect(outline(body)).toEqual([`paragraph ${tides}High water at 06:40, low at 12:55.`]);
  });

  it('reads UTF-16 text with its byte-order mark', async () => {
    const bytes = new Uint8Array(Buffer.from('\uFEFFSluice repaired\n\nThe sluice at Kruiszand works again.\n', 'utf16le'));
    const { meta } = await imported('sluice.txt', bytes);
    expect(meta).toEqual({ headline: 'Sluice repaired', dek: 'The sluice at Kruiszand works again.' });
  });
});
