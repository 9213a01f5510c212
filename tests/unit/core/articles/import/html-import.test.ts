/**
 * A saved web page into an article: only the article reaches the body (not the page's
 * navigation, asides, footer, scripts or styles); its <h1> is the headline, its meta
 * description the dek, its author the byline, <html lang> the language; subheads, quotes,
 * lists, safe links and emphasis are kept, unsafe and relative links unwrapped.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle, type ImportedArticle } from '../../../../../src/core/articles/import/import-article';
import { plainTextFromBody } from '../../../../../src/document/plain-text';
import { expectArticleBody, formattedRuns, links, outline } from './body-outline';

const FIXTURE = path.join(__dirname, '../../../../fixtures/articles/saved-page-ferry-subsidy.html');

async function imported(fileName: string, source: string | Uint8Array): Promise<ImportedArticle> {
  const result = await importArticle(fileName, typeof source === 'string' ? new TextEncoder().encode(source) : source);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('importArticle: a saved web page', () => {
  it('takes the headline from the article <h1>, the dek from the description, the byline and the language from the page', async () => {
    const { meta } = await imported('ferry.html', await readFile(FIXTURE));
    expect(meta).toEqual({
      headline: 'Island ferry keeps its subsidy, for now',
      dek: 'The province will pay for 135 crossings a week until 2028, but the operator wants a longer deal.',
      bylines: ['Ilse Brandt'],
      language: 'nl',
    });
  });

  it('imports the article alone: no navigation, comments, aside, footer, script or style text', async () => {
    const { body, warnings } = await imported('ferry.html', await readFile(FIXTURE));
    expectArticleBody(body);
    expect(warnings).toEqual([]);
    const text = plainTextFromBody(body);
    for (const outside of ['NAVLINK', 'COMMENT', 'ASIDE', 'FOOTER', 'SCRIPT', 'STYLE', 'injected', 'tracker', 'Northsea Courier', 'By Ilse Brandt']) {
      expect(text).not.toContain(outside);
    }
    expect(outline(body)).toEqual([
      'paragraph The province will keep paying for the ferry to Vlieborg for another three years, the transport committee decided on Tuesday, ending a dispute that had left 9,400 islanders unsure how they would reach the mainland next winter.',
      'paragraph Under the agreement the operator receives €4.2 million a year for 135 crossings a week, eleven fewer than it runs today. Crossings at night and on Sunday mornings are the ones that go.',
      'h2 What the operator wanted',
      'paragraph The company had asked for a ten-year contract, saying it could not order a new vessel on a three-year horizon. “Nobody builds a ship for three years,” its director told the committee.',
      'quote “We are not walking away from the islanders, but we cannot run a public service on goodwill alone.”\n— Henk Dijkstra, director of the ferry company',
      "paragraph Committee members were split. Read the committee minutes or the operator's statement for the full debate.",
      'h3 Who pays what',
      'list:bullet',
      '- The province: €4.2 million a year',
      '- The municipality: harbour dues, waived',
      '  list:bullet',
      '  - until the end of 2026',
      '- Passengers: fares rise by 6 percent',
      'paragraph A new tender is due in 2027. Until then, the timetable published in March stays in force, with the changes listed above taking effect on 1 September.',
    ]);
  });

  it('keeps emphasis and safe links; a javascript: link is only text', async () => {
    const { body } = await imported('ferry.html', await readFile(FIXTURE));
    expect(formattedRuns(body)).toEqual(['1:€4.2 million a year', '2:“Nobody builds a ship for three years,”']);
    expect(links(body)).toEqual(['committee minutes -> https://example.org/committee/minutes']);
    expect(JSON.stringify(body)).not.toContain('javascript:');
  });

  it('unwraps relative and unsafe links in the article, keeps line breaks, and reads a windows-1252 page', async () => {
    const page = Buffer.from(
      '<html><head><meta charset="windows-1252"><title>Quay</title></head><body><article><h1>Quay café reopens</h1>' +
        '<p>The café on the quay reopened on Monday after a winter of repairs to its terrace and its roof.</p>' +
        '<p>See <a href="/menu">the menu</a>, <a href="data:text/html,x">a data link</a> and <a href="vbscript:x">another</a>.</p>' +
        '<p>Opening hours:<br>Monday to Friday<br>Weekends</p></article></body></html>',
      'latin1',
    );
    const { meta, body, warnings } = await imported('quay.htm', new Uint8Array(page));
    expect(meta.headline).toBe('Quay café reopens');
    expect(links(body)).toEqual([]);
    expect(outline(body)).toContain('paragraph See the menu, a data link and another.');
    expect(outline(body)).toContain('paragraph Opening hours:\nMonday to Friday\nWeekends');
    expect(warnings.some((w) => /links? with an unsafe or relative address/.test(w))).toBe(true);
  });

  it('keeps lists nested 40 deep within the body limits', async () => {
    const page = `<h1>Deep</h1><p>The dek.</p>${'<ul><li>level'.repeat(40)}${'</li></ul>'.repeat(40)}`;
    const { body } = await imported('deep.html', page);
    expectArticleBody(body);
    expect(plainTextFromBody(body).match(/level/g)).toHaveLength(40);
  });

  it('reads a page nested thousands deep (as deep as an imported page may be) without running out of stack', async () => {
    const deep = 4_990;
    const page =
      `<h1>Deep</h1><p>The dek.</p>${'<div>'.repeat(deep)}deep blocks${'</div>'.repeat(deep)}` +
      `<p>${'<b>'.repeat(deep)}deep text${'</b>'.repeat(deep)}</p>` +
      `<ul>${'<li><ul>'.repeat(deep / 2)}deep list${'</ul></li>'.repeat(deep / 2)}</ul>`;
    const { body, warnings } = await imported('deep.html', page);
    expectArticleBody(body);
    expect(plainTextFromBody(body)).toBe('deep blocks\n\ndeep text\n\ndeep list');
    expect(warnings).toContain('the page has no article Copydesk could tell apart; its whole text was imported, without navigation, headers and footers');
  });

  it('takes the first paragraph as the dek when the page has no description', async () => {
    const page =
      '<!doctype html><html><head><title>Dunes closed | Coast Post</title></head><body><nav><a href="/">Home</a></nav>' +
      '<article><h1>Dunes closed to walkers</h1><p>The dunes south of the lighthouse are closed until May.</p>' +
      '<p>Rangers say 40 pairs of plovers nest there this year, twice as many as last spring, and the paths cross their nests.</p></article></body></html>';
    const { meta, body } = await imported('dunes.html', page);
    expect(meta).toEqual({ headline: 'Dunes closed to walkers', dek: 'The dunes south of the lighthouse are closed until May.' });
    expect(outline(body)).toEqual(['paragraph Rangers say 40 pairs of plovers nest there this year, twice as many as last spring, and the paths cross their nests.']);
  });
});
