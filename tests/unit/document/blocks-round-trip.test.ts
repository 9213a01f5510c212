/**
 * Every node type an article body may hold survives save → open unchanged, headless in
 * Node: built with Lexical's own functions, written as an article file, parsed back,
 * loaded into a fresh editor and serialized again. The export renderers and the plain
 * text read each of them.
 */
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createTableCellNode, $createTableNode, $createTableRowNode, TableCellHeaderStates } from '@lexical/table';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, type TextFormatType } from 'lexical';
import { describe, expect, it } from 'vitest';
import { newArticleFile, parseArticleText, serializeArticle } from '../../../src/core/articles/article-file';
import { bodyHtml } from '../../../src/core/export/body-html';
import { bodyMarkdown } from '../../../src/core/export/body-markdown';
import type { BodyNode } from '../../../src/core/export/body-nodes';
import { gateProblems } from '../../../src/core/export/export-gate';
import { sanitizeFragment, inertProblem } from '../../../src/core/export/sanitize-page';
import { $createAttributionNode } from '../../../src/document/AttributionNode';
import { $createEditorNoteNode } from '../../../src/document/EditorNoteNode';
import { editorNotesIn } from '../../../src/document/editor-note-json';
import { buildBody, loadBody } from '../../../src/document/headless';
import { $createHorizontalRuleNode } from '../../../src/document/HorizontalRuleNode';
import { $createImageNode } from '../../../src/document/ImageNode';
import { ARTICLE_NODES } from '../../../src/document/nodes';
import { positionedText } from '../../../src/document/plain-text';
import { $createPullQuoteNode } from '../../../src/document/PullQuoteNode';
import { bodyOfEditorState } from '../../../src/document/serialized-body';
import type { LexicalBody } from '../../../src/shared/article';

const ASSET = `assets/${'a'.repeat(64)}.png`;
const FORMATS: TextFormatType[] = ['bold', 'italic', 'underline', 'strikethrough', 'code', 'superscript', 'subscript'];

function formatted(text: string, format: TextFormatType) {
  return $createTextNode(text).toggleFormat(format);
}

/** One body holding every node type and every inline format. */
function everyNode(): LexicalBody {
  return buildBody(() => {
    const cell = (text: string, header = false) =>
      $createTableCellNode(header ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS).append($createParagraphNode().append($createTextNode(text)));
    const table = $createTableNode().append(
      $createTableRowNode().append(cell('Region', true), cell('Households', true)),
      $createTableRowNode().append(cell('North'), cell('99,000')),
    );
    $getRoot().append(
      $createHeadingNode('h2').append($createTextNode('Talks resume')),
      $createHeadingNode('h3').append($createTextNode('The first day')),
      $createParagraphNode().append(
        ...FORMATS.map((format) => formatted(`${format} `, format)),
        $createLinkNode('https://example.org/report', { title: 'The report' }).append($createTextNode('the report')),
        $createTextNode(' and '),
        $createAttributionNode('ministry-report', 'p. 4').append($createTextNode('448 drones')),
        $createLineBreakNode(),
        $createEditorNoteNode('TK confirm the figure'),
      ),
      $createQuoteNode().append($createTextNode('Difficult but businesslike.')),
      $createPullQuoteNode('Maria Rossi, negotiator').append($createTextNode('We are closer than we have ever been.')),
      $createListNode('bullet').append(
        $createListItemNode().append($createTextNode('first')),
        $createListItemNode().append($createListNode('number').append($createListItemNode().append($createTextNode('nested')))),
      ),
      $createHorizontalRuleNode(),
      $createImageNode({ asset: ASSET, alt: 'Delegates at the table', caption: 'The second round opened on Monday.', credit: 'Photo: A. Writer' }),
      $createImageNode({ alt: 'A chart', caption: 'A chart that was not imported' }),
      table,
    );
  });
}

const typesIn = (node: { type?: unknown; children?: unknown }, into = new Set<string>()): Set<string> => {
  if (typeof node.type === 'string') into.add(node.type);
  if (Array.isArray(node.children)) for (const child of node.children) typesIn(child as never, into);
  return into;
};

describe('every node type survives save → open', () => {
  const body = everyNode();

  it('holds every registered node type', () => {
    const registered = ARTICLE_NODES.map((klass) => klass.getType());
    const present = typesIn(body.root);
    for (const type of registered) expect(present, type).toContain(type);
  });

  it('comes back unchanged through the article file and a fresh editor', () => {
    const file = { ...newArticleFile({ headline: 'Round trip' }), body };
    const parsed = parseArticleText(serializeArticle(file));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.body).toEqual(body);
    const loaded = loadBody(parsed.value.body);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const again = bodyOfEditorState(loaded.value.getEditorState());
    expect(again).toEqual(body);
    // Twice over: nothing drifts on the second save either.
    const twice = loadBody(again);
    expect(twice.ok && bodyOfEditorState(twice.value.getEditorState())).toEqual(body);
  });

  it('keeps every inline format bit, the link, the pull quote attribution and the image fields', () => {
    const json = JSON.stringify(body);
    expect(json).toContain('"attribution":"Maria Rossi, negotiator"');
    expect(json).toContain(`"asset":"${ASSET}"`);
    expect(json).toContain('"credit":"Photo: A. Writer"');
    expect(json).toContain('"tag":"h3"');
    const formats = new Set<number>();
    JSON.stringify(body, (key, value) => (key === 'format' && typeof value === 'number' && formats.add(value), value));
    for (const bit of [1, 2, 4, 8, 16, 32, 64]) expect([...formats]).toContain(bit);
  });

  it('drops an image asset name that is not assets/<sha256>.<ext> when it is read', () => {
    const hostile = structuredClone(body);
    const image = (hostile.root.children as Array<Record<string, unknown>>).find((n) => n.type === 'image')!;
    image.asset = '../../etc/passwd';
    const loaded = loadBody(hostile);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(JSON.stringify(bodyOfEditorState(loaded.value.getEditorState()))).not.toContain('passwd');
  });
});

describe('the new nodes in plain text and export', () => {
  const body = everyNode();
  const root = body.root as unknown as BodyNode;

  it('reads pull quotes and table cells as blocks of text', () => {
    const { blocks } = positionedText(body);
    expect(blocks.find((b) => b.type === 'pullquote')?.text).toBe('We are closer than we have ever been.');
    // A table cell holds paragraphs: each is a block, with its path through the table.
    const cell = blocks.find((b) => b.text === '99,000')!;
    expect(cell.path).toEqual([9, 1, 1, 0]);
  });

  it('renders subheads, formats, pull quote, rule, image and table into HTML, without the editor note', () => {
    const html = sanitizeFragment(bodyHtml(root, () => 1));
    expect(html).toContain('<h3>The first day</h3>');
    for (const tag of ['strong', 'em', 'u', 's', 'code', 'sup', 'sub']) expect(html).toContain(`<${tag}>`);
    expect(html).toContain('<aside class="pullquote"><blockquote><p>We are closer than we have ever been.</p></blockquote><footer>— Maria Rossi, negotiator</footer></aside>');
    expect(html).toContain('<hr />');
    expect(html).toContain(`<figure><img src="${ASSET}" alt="Delegates at the table" /><figcaption>The second round opened on Monday. <small class="credit">Photo: A. Writer</small></figcaption></figure>`);
    expect(html).not.toContain('not imported');
    expect(html).toMatch(/<table><thead><tr><th>Region<\/th><th>Households<\/th><\/tr><\/thead><tbody><tr><td>North<\/td><td>99,000<\/td><\/tr><\/tbody><\/table>/);
    expect(html).not.toContain('TK confirm');
    expect(inertProblem(`<html><body>${html}</body></html>`)).toBeNull();
  });

  it('refuses an exported image that is not a bundle asset', () => {
    expect(sanitizeFragment('<img src="https://tracker.example/p.gif" alt="x"><img src="javascript:alert(1)">')).not.toContain('<img');
    expect(inertProblem('<html><body><img src="https://tracker.example/p.gif"></body></html>')).toMatch(/image/);
  });

  it('renders the same nodes into Markdown', () => {
    const md = bodyMarkdown(root, () => 1);
    expect(md).toContain('### The first day');
    expect(md).toContain('> We are closer than we have ever been.\n>\n> — Maria Rossi, negotiator');
    expect(md).toContain('\n---\n');
    expect(md).toContain(`![Delegates at the table](${ASSET})\n*The second round opened on Monday. — Photo: A. Writer*`);
    expect(md).toContain('| Region | Households |\n| --- | --- |\n| North | 99,000 |');
    expect(md).not.toContain('TK confirm');
  });

  it('lists editor notes, and the gate names how many and where', () => {
    expect(editorNotesIn(body)).toEqual([{ text: 'TK confirm the figure', path: [2, 11] }]);
    const article = { ...newArticleFile({ headline: 'Notes' }), body, slug: 'notes', revision: 'r' };
    const problems = gateProblems({ article: article as never, check: { claims: [] } as never, missingRelated: [], missingSources: [] });
    const notes = problems.filter((p) => p.code === 'editor-note');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toBe('Editor note 1 of 1 is unresolved in paragraph 3: “TK confirm the figure”. Resolve it in the editor (Editor notes list) before publishing.');
  });
});
