/**
 * An article whose fields and body hold what an attacker or a careless paste would put
 * there — `javascript:` and `data:` links, raw HTML typed as text, `</script>` in the
 * headline, YAML syntax in the tags — comes out inert in every file, with its text intact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildBundle } from '../../../../src/core/export/build-bundle';
import type { Bundle } from '../../../../src/core/export/bundle-types';
import { BOLD, CODE, ITALIC, STRIKE, UNDERLINE, attribution, body, heading, item, link, linebreak, list, paragraph, quote, text } from '../../../fixtures/export/body-nodes';
import { activeParts, AT, jsonOf, pageOf, sampleWorkspace, textOf, validators } from './export-helpers';

const SOURCE = 'grauwvalk-lindemeer-plant-announcement-2026-11-06';
const HEADLINE = 'Talks </script><script>alert(1)</script> & "quotes": yes # no';
const DEK = 'Line one\n---\ntitle: evil\u2028after a line separator';
const TAGS = ['a: b', '- c', '"q"', '[x]', '#hash'];
const BYLINES = ['Anna "The Pen" de Vries', 'B <b>bold</b>'];

describe('a hostile article', () => {
  let bundle: Bundle;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const opened = await sampleWorkspace();
    cleanup = opened.cleanup;
    const article = await opened.workspace.articles.create(
      { headline: HEADLINE, dek: DEK, kicker: 'Analysis', section: 'Politics', bylines: BYLINES, tags: TAGS, sourceIds: [SOURCE] },
      body(
        paragraph(
          text('Visit '),
          link('javascript:alert(1)', text('this')),
          text(', '),
          link('  JaVaScRiPt:alert(2)', text('that')),
          text(', '),
          link('data:text/html,<script>alert(5)</script>', text('data')),
          text(', '),
          link('//evil.example/x', text('relative')),
          text(', '),
          link('https://example.org/a?b=1&c="2"', text('the report')),
          text(' or '),
          link('mailto:desk@example.org', text('the desk')),
          text('.'),
        ),
        paragraph(text('<img src=x onerror=alert(1)> and <script>alert(3)</script> and [link](javascript:alert(4)) and **not bold** # not a heading')),
        heading('h2', text('A subhead with '), text('weight', BOLD)),
        paragraph(text('bold', BOLD), text(' '), text('italic', ITALIC), text(' '), text('under', UNDERLINE), text(' '), text('struck', STRIKE), text(' '), text('a`b', CODE), linebreak(), text('1. not a list')),
        paragraph(text('The plant '), attribution(SOURCE, 'para 2', text('will employ 150 people')), text(', the company said.')),
        quote(text('A pull quote', ITALIC)),
        list('number', 3, item(3, text('third')), item(4, text('fourth')), item(5, list('bullet', 1, item(1, text('nested'))))),
      ),
    );
    bundle = await buildBundle(opened.workspace, article.id, { at: AT, override: 'testing hostile input' });
  });
  afterAll(() => cleanup());

  it('renders a page with nothing active, unsafe links unwrapped and safe ones kept', () => {
    const html = textOf(bundle, 'index.html');
    expect(activeParts(html)).toEqual([]);
    // The only "javascript" left is the text the writer typed, shown as text.
    expect(html.match(/javascript|vbscript|data:text|evil\.example/gi)).toEqual(['javascript']);
    expect(html).toContain('[link](javascript:alert(4))');
    const { all, document } = pageOf(html);
    const hrefs = all.filter((e) => e.tagName === 'A').map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://example.org/a?b=1&c=%222%22');
    expect(hrefs).toContain('mailto:desk@example.org');
    expect(hrefs).toContain('#source-1');
    const firstParagraph = document.querySelector('.body p')!.textContent!;
    expect(firstParagraph).toBe('Visit this, that, data, relative, the report or the desk.');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; and &lt;script&gt;alert(3)&lt;/script&gt;');
    expect(html).toContain('<strong>bold</strong> <em>italic</em> <u>under</u> <s>struck</s> <code>a`b</code><br />1. not a list');
    expect(html).toContain('<span class="attribution">will employ 150 people</span><sup class="source-note"><a href="#source-1" title="para 2">[1]</a></sup>');
    expect(html).toMatch(/<ol start="3">\s*<li>third<\/li>/);
    expect(document.querySelector('#source-1')?.textContent).toMatch(/Grauwvalk/);
  });

  it('keeps the JSON-LD from closing its script, and it reads back to the same headline', () => {
    const html = textOf(bundle, 'index.html');
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(script).not.toMatch(/<\/?script|<!--/i);
    const { scripts } = pageOf(html);
    expect(scripts).toHaveLength(1);
    const ld = JSON.parse(scripts[0]!.textContent!) as { headline: string; description: string; author: Array<{ name: string }>; '@type': string };
    expect(ld.headline).toBe(HEADLINE);
    expect(ld.description).toBe(DEK);
    expect(ld.author.map((a) => a.name)).toEqual(BYLINES);
    expect(ld['@type']).toBe('AnalysisNewsArticle');
  });

  it('writes Markdown where typed markup stays text and only safe links are links', () => {
    const markdown = textOf(bundle, 'article.md');
    const front = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]!) as Record<string, unknown>;
    expect(front.title).toBe(HEADLINE);
    expect(front.description).toBe(DEK);
    expect(front.tags).toEqual(TAGS);
    expect(front.authors).toEqual(BYLINES);
    const bodyText = markdown.slice(markdown.indexOf('\n---\n', 4) + 5);
    expect(bodyText).not.toMatch(/(?<!\\)\]\((?!<https:|<mailto:)/);
    expect(bodyText).not.toMatch(/(^|[^\\])<(img|script)/m);
    expect(bodyText).toContain('Visit this, that, data, relative, [the report](<https://example.org/a?b=1&c=%222%22>) or [the desk](<mailto:desk@example.org>).');
    expect(bodyText).toContain('\\<img src=x onerror=alert(1)\\> and \\<script\\>alert(3)\\</script\\> and \\[link\\](javascript:alert(4)) and \\*\\*not bold\\*\\* \\# not a heading');
    expect(bodyText).toContain('**bold** *italic* <u>under</u> ~~struck~~ ``a`b``\\\n1\\. not a list');
    expect(bodyText).toContain('The plant will employ 150 people[^1], the company said.');
    expect(bodyText).toContain('## A subhead with **weight**');
    expect(bodyText).toContain('> *A pull quote*');
    expect(bodyText).toContain('3. third\n4. fourth\n5. - nested');
    expect(bodyText).toMatch(/\n\[\^1\]: Grauwvalk/);
  });

  it('gives a valid ninjs whose HTML body is inert too', async () => {
    const { ninjs } = await validators();
    const newsItem = jsonOf(bundle, 'ninjs.json');
    expect(ninjs(newsItem), JSON.stringify(ninjs.errors)).toBe(true);
    const html = (newsItem.bodies as Array<{ contentType: string; value: string }>).find((b) => b.contentType === 'text/html')!.value;
    const page = `<html><head><script type="application/ld+json">{}</script></head><body>${html}</body></html>`;
    expect(activeParts(page)).toEqual([]);
    expect(html.match(/javascript|data:text/gi)).toEqual(['javascript']);
  });
});
