/**
 * The DOM walk on its own, without Readability in front of it (a .docx's HTML takes this
 * way): what a reader never sees stays out of the body, and blocks nest as the editor
 * expects them to.
 */
import { describe, expect, it } from 'vitest';
import { $appendDomBlocks, type DomNode } from '../../../../../src/core/articles/import/dom-to-body';
import { parsePage } from '../../../../../src/core/articles/import/html-article';
import { buildBody } from '../../../../../src/document/headless';
import { plainTextFromBody } from '../../../../../src/document/plain-text';
import type { LexicalBody } from '../../../../../src/shared/article';
import { expectArticleBody, links, outline } from './body-outline';

function bodyOf(html: string): LexicalBody {
  const page = parsePage(html);
  return buildBody(() => {
    $appendDomBlocks(page.body as DomNode);
  });
}

describe('$appendDomBlocks', () => {
  it('never lets script, style, template or form-control text into the body', () => {
    const body = bodyOf(
      '<p>Kept <script>SCRIPT</script><style>STYLE</style>text<noscript>NOSCRIPT</noscript>.</p>' +
        '<template><p>TEMPLATE</p></template><select><option>OPTION</option></select><textarea>TEXTAREA</textarea><svg><text>SVG</text></svg>',
    );
    expectArticleBody(body);
    expect(plainTextFromBody(body)).toBe('Kept text.');
    // Past the depth where the walk takes an element's text as a whole, too.
    const deep = bodyOf(`<p>${'<span>'.repeat(300)}Deep <script>SCRIPT</script>text.${'</span>'.repeat(300)}</p>`);
    expect(plainTextFromBody(deep)).toBe('Deep text.');
  });

  it('turns blocks inside a quote or a list item into line breaks, stray text into paragraphs, table rows into lines', () => {
    const body = bodyOf(
      '<div>Loose <b>text</b><blockquote>Lead-in<p>One.</p><p>Two.</p></blockquote><ul><li><p>First.</p><p>More.</p></li></ul>' +
        '<table><tr><td>Quay</td><td>448</td></tr><tr><td>Dock</td><td>135</td></tr></table></div>',
    );
    expectArticleBody(body);
    expect(outline(body)).toEqual(['paragraph Loose text', 'quote Lead-in\nOne.\nTwo.', 'list:bullet', '- First.\nMore.', 'paragraph Quay 448', 'paragraph Dock 135']);
  });

  it('keeps a list whose first item holds only a nested list, and drops empty items', () => {
    const body = bodyOf('<ul><li><ul><li>inner</li></ul></li><li> </li><li>outer</li></ul><ol start="3"><li></li><li>third</li></ol>');
    expectArticleBody(body);
    expect(outline(body)).toEqual(['list:bullet', '  list:bullet', '  - inner', '- outer', 'list:number', '- third']);
  });

  it('makes links only of safe, absolute addresses', () => {
    const body = bodyOf(
      '<p><a href="https://example.org/a">web</a> <a href="mailto:desk@example.org">mail</a> <a href="javascript:alert(1)">script</a> ' +
        '<a href="data:text/html,x">data</a> <a href="/relative">relative</a> <a href="#note">anchor</a></p>',
    );
    expect(links(body)).toEqual(['web -> https://example.org/a', 'mail -> mailto:desk@example.org']);
    expect(plainTextFromBody(body)).toBe('web mail script data relative anchor');
  });
});
