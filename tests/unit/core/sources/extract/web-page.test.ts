/**
 * Saved web pages: the article's text (paragraphs as blank lines, nothing from scripts,
 * styles, menus, asides or footers) and the fields the page states about itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bylineNames } from '../../../../../src/core/sources/extract/byline-names';
import { extractSource } from '../../../../../src/core/sources/extract/extract-source';
import { blockText, parseDocument } from '../../../../../src/core/sources/extract/html-text';
import { dateLabel } from '../../../../../src/core/sources/extract/page-metadata';
import { extractWebPage } from '../../../../../src/core/sources/extract/web-page';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'fixtures', 'sources');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

async function extracted(name: string) {
  const result = await extractSource(name, fixture(name));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('a saved news article', () => {
  it('fills title, byline, site, date, language, URL and type from the page', async () => {
    const source = await extracted('harbour-ledger-port-deal.html');
    expect(source.fields).toEqual({
      type: 'article-newspaper',
      title: 'Maasgate port deal signed after all-night talks',
      author: [
        { given: 'Ana', family: 'Lima' },
        { given: 'Tom', family: 'Berg' },
      ],
      issued: '2026-11-12',
      'container-title': 'The Harbour Ledger',
      language: 'en-GB',
      URL: 'https://harbourledger.example/port/2026/11/12/maasgate-deal-signed',
    });
    expect(source.snapshot).toMatchObject({ origin: 'web', fileName: 'harbour-ledger-port-deal.html', mediaType: 'text/html' });
  });

  it('keeps the article text, quotes and figures as printed, with paragraphs as blank lines', async () => {
    const text = (await extracted('harbour-ledger-port-deal.html')).snapshot!.text;
    expect(text.startsWith('The operator of the Maasgate container terminal')).toBe(true);
    expect(text).toContain('idled 14 cranes for most of October.\n\nThe talks, which ran from Wednesday afternoon');
    expect(text).toContain('were “difficult but businesslike”, said Ineke Smit');
    expect(text).toContain('448,000 containers in the third quarter');
    expect(text).toContain('\n\nWhat the agreement changes\n\n');
    expect(text).toContain('that is what 99,000 households in this region needed to hear.”');
    expect(text.endsWith('the union\'s board has recommended a yes vote.')).toBe(true);
    expect(text).not.toMatch(/\n{3,}/);
  });

  it('lets no script, style or noscript text, and no menu, aside or footer, into the snapshot', async () => {
    const text = (await extracted('harbour-ledger-port-deal.html')).snapshot!.text;
    for (const marker of ['SCRIPT-MARKER-7731', 'SCRIPT-MARKER-8802', 'AD-MARKER-4410', 'renderAd', 'dataLayer', 'STYLE-MARKER-2209', 'font-family', 'NOSCRIPT-MARKER-5520']) {
      expect(text).not.toContain(marker);
    }
    for (const furniture of ['Skip to content', 'Subscribe from', 'Opinion', 'Most read', 'Ferry timetable', 'All rights reserved', 'Contact us']) {
      expect(text).not.toContain(furniture);
    }
  });

  it('reads JSON-LD: headline, authors, publisher and datePublished', async () => {
    const source = await extracted('northsea-wire-quay-figures.html');
    expect(source.fields).toEqual({
      type: 'article-newspaper',
      title: 'Quay figures revised after audit',
      author: [
        { given: 'Marta', family: 'Quintela' },
        { given: 'Hugo', family: 'Brito' },
      ],
      issued: '2026-10-03',
      'container-title': 'Northsea Wire',
      language: 'en',
    });
    const text = source.snapshot!.text;
    expect(text).toContain('“We publish what we count, and this time we counted some boxes twice,” said Elif Demir');
    expect(text).not.toContain('SCRIPT-MARKER-3141');
    expect(text).not.toContain('"@context"');
    expect(text).not.toContain('morning briefing');
  });

  it('decodes the charset a page declares, and takes the date from <time datetime>', async () => {
    const source = await extracted('gemeente-openingstijden.html');
    expect(source.fields).toEqual({ type: 'webpage', title: 'Nieuwe openingstijden stadhuis', issued: '2026-09-01', language: 'nl' });
    expect(source.snapshot!.text).toContain('Het café in de hal blijft op zaterdag gesloten.');
  });
});

describe('page metadata, case by case', () => {
  const page = (head: string, body = '<article><p>The council met on Monday and agreed the budget after a long debate about the harbour fees and the ferry subsidy.</p></article>') =>
    extractWebPage(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, { fileName: 'page.html' });

  it('prefers article:published_time to a <time> element, and keeps the date as written', () => {
    const result = page('<meta property="article:published_time" content="2026-03-01T23:30:00-05:00">', '<time datetime="2020-01-01">old</time><article><p>Text of the story, long enough to be an article for the reader to find it here.</p></article>');
    expect(result.ok && result.value.fields.issued).toBe('2026-03-01');
  });

  it('uses og:url when there is no canonical link, and ignores addresses that are not absolute http(s)', () => {
    const withOg = page('<link rel="canonical" href="/relative/path"><meta property="og:url" content="https://site.example/story">');
    expect(withOg.ok && withOg.value.fields.URL).toBe('https://site.example/story');
    const none = page('<link rel="canonical" href="javascript:alert(1)">');
    expect(none.ok && none.value.fields.URL).toBeUndefined();
  });

  it('is a webpage unless og:type says article; the <title> loses the site name after a separator', () => {
    const result = page('<title>Budget agreed — Maasgate Courier</title><meta property="og:site_name" content="Maasgate Courier">');
    expect(result.ok && result.value.fields).toMatchObject({ type: 'webpage', title: 'Budget agreed', 'container-title': 'Maasgate Courier' });
  });

  it('reads a short page with no article whole, still without its scripts', () => {
    const result = extractWebPage('<html><body><p>Closed on Friday.</p><script>var x = "HIDDEN-SCRIPT"</script></body></html>', { fileName: 'short.html' });
    expect(result.ok && result.value.snapshot!.text).toBe('Closed on Friday.');
  });

  it('refuses a page with no readable text, naming the file', () => {
    const result = extractWebPage('<html><head><script>var only = "code";</script></head><body>   </body></html>', { fileName: 'empty.html' });
    expect(result).toEqual({ ok: false, error: 'empty.html: no readable text was found in this page' });
  });

  it('reads dates as pages write them', () => {
    expect(dateLabel('2026-11-12T06:30:00+01:00')).toBe('2026-11-12');
    expect(dateLabel('November 12, 2026')).toBe('2026-11-12');
    expect(dateLabel('2026-13-40')).toBe('');
    expect(dateLabel('yesterday')).toBe('');
  });
});

describe('the text walk', () => {
  it('gives blocks as blank-line paragraphs, <br> as a line break, cells spaced, and nothing a reader never sees', () => {
    const doc = parseDocument(
      '<body><h2>Figures</h2><p>One <b>bold</b>\n   word<br>next line</p><script>SCRIPT</script><style>STYLE</style><template>TEMPLATE</template>' +
        '<svg><text>SVG</text></svg><noscript>NOSCRIPT</noscript><button>BUTTON</button><table><tr><td>448</td><td>drones</td></tr></table><ul><li>a</li><li>b</li></ul></body>',
    );
    expect(blockText(doc.body!)).toBe('Figures\n\nOne bold word\nnext line\n\n448 drones\n\na\n\nb');
  });
});

describe('bylines as CSL names', () => {
  it('splits "By A and B" and lists, drops job titles and places', () => {
    expect(bylineNames('By Ana Lima and Tom Berg')).toEqual([{ given: 'Ana', family: 'Lima' }, { given: 'Tom', family: 'Berg' }]);
    expect(bylineNames('Marta Quintela, Hugo Brito & Elif Demir')).toHaveLength(3);
    expect(bylineNames('Ana Lima, Political Reporter')).toEqual([{ given: 'Ana', family: 'Lima' }]);
    expect(bylineNames('By Tom Berg in Maasgate')).toEqual([{ given: 'Tom', family: 'Berg' }]);
  });

  it('keeps family-name particles and writes bodies as literals', () => {
    expect(bylineNames('Ana da Silva')).toEqual([{ given: 'Ana', family: 'da Silva' }]);
    expect(bylineNames('Harbour Ledger Staff')).toEqual([{ literal: 'Harbour Ledger Staff' }]);
    expect(bylineNames('Northsea Wire')).toEqual([{ literal: 'Northsea Wire' }]);
    expect(bylineNames('https://social.example/ana')).toEqual([]);
  });
});

describe('pages built to be slow', () => {
  // Without the depth guards these take hours (Readability grows with the cube of the depth, linkedom's parser more than linearly).
  // 1,500 deep: parsed as it is, but Readability alone would take about 15 s; the limit says 10.
  it('reads a page nested 1,500 deep without handing it to Readability, furniture left out', { timeout: 10_000 }, () => {
    const html = `<html><body><nav>Menu</nav>${'<div>'.repeat(1_500)}<p>Deep paragraph.</p>${'</div>'.repeat(1_500)}</body></html>`;
    const result = extractWebPage(html, { fileName: 'deep.html' });
    expect(result.ok && result.value.snapshot!.text).toBe('Deep paragraph.');
  });

  it('reads a page nested 300,000 deep by flattening it first, metadata kept', () => {
    const html = `<html lang="en"><head><title>Deep page</title><script>var s = "SCRIPT-MARKER"</script></head><body>${'<div>'.repeat(300_000)}<p>First.</p><p>Second.</p>${'</div>'.repeat(300_000)}</body></html>`;
    const result = extractWebPage(html, { fileName: 'deeper.html' });
    expect(result.ok && result.value.snapshot!.text).toBe('First.\n\nSecond.');
    expect(result.ok && result.value.fields).toMatchObject({ title: 'Deep page', language: 'en' });
  });
});
