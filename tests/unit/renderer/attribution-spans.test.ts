/**
 * What the sources panel counts and lists: every attribution of the body with its source,
 * locator and words, in reading order; "cited N×" per source; sources cited but not
 * attached; and taking every attribution of a source away with its words kept.
 */
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $attributeSelection } from '../../../src/document/AttributionNode';
import { buildBody, loadBody } from '../../../src/document/headless';
import {
  $attributionSpans,
  $removeAttributionsTo,
  citationsBySource,
  listedSourceIds,
  sameSpans,
  spanLabel,
} from '../../../src/renderer/src/editor/attribution-spans';

const PARAGRAPHS = [
  'Anna Verhoeven called the session “difficult but businesslike” on Monday.',
  'The union wants 7% over two years; the offer is 4.5%.',
  'Maasgate said it had “moved a long way in a short time”.',
];

/** Attributes `words` (found in the paragraph at `index`) to `sourceId`, as a user would: select, then attribute. */
function attribute(index: number, words: string, sourceId: string, locator = '') {
  const text = $getRoot().getChildAtIndex<ReturnType<typeof $createParagraphNode>>(index)!.getLastDescendant() as TextNode;
  const at = text.getTextContent().indexOf(words);
  text.select(at, at + words.length);
  $attributeSelection(sourceId, locator);
}

function editorWithAttributions(): LexicalEditor {
  const body = buildBody(() => {
    for (const paragraph of PARAGRAPHS) $getRoot().append($createParagraphNode().append($createTextNode(paragraph)));
    attribute(0, '“difficult but businesslike”', 'northsea-wire', 'para 3');
    attribute(1, '7% over two years', 'union-statement');
    attribute(2, '“moved a long way in a short time”', 'northsea-wire');
  });
  const loaded = loadBody(body);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.value;
}

describe('attribution spans', () => {
  it('lists every attribution in reading order with its source, locator and words', () => {
    const spans = editorWithAttributions().getEditorState().read($attributionSpans);
    expect(spans.map(({ sourceId, locator, text }) => ({ sourceId, locator, text }))).toEqual([
      { sourceId: 'northsea-wire', locator: 'para 3', text: '“difficult but businesslike”' },
      { sourceId: 'union-statement', locator: '', text: '7% over two years' },
      { sourceId: 'northsea-wire', locator: '', text: '“moved a long way in a short time”' },
    ]);
    expect(new Set(spans.map((s) => s.key)).size).toBe(3);
  });

  it('counts citations per source, and lists sources cited but not attached after the attached ones', () => {
    const spans = editorWithAttributions().getEditorState().read($attributionSpans);
    const cited = citationsBySource(spans);
    expect(cited.get('northsea-wire')).toHaveLength(2);
    expect(cited.get('union-statement')).toHaveLength(1);
    expect(cited.get('attached-but-unused')).toBeUndefined();
    expect(listedSourceIds(['attached-but-unused', 'northsea-wire'], spans)).toEqual(['attached-but-unused', 'northsea-wire', 'union-statement']);
  });

  it('counts again after an edit: a removed attribution no longer counts, its words stay', () => {
    const editor = editorWithAttributions();
    let removed = 0;
    editor.update(() => {
      removed = $removeAttributionsTo('northsea-wire');
    }, { discrete: true });
    expect(removed).toBe(2);
    const spans = editor.getEditorState().read($attributionSpans);
    expect(citationsBySource(spans).get('northsea-wire')).toBeUndefined();
    expect(spans).toHaveLength(1);
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('tells an unchanged list from a changed one, so the panel redraws only when it must', () => {
    const spans = editorWithAttributions().getEditorState().read($attributionSpans);
    expect(sameSpans(spans, spans.map((s) => ({ ...s })))).toBe(true);
    expect(sameSpans(spans, [...spans.slice(0, 2), { ...spans[2]!, text: 'moved' }])).toBe(false);
    expect(sameSpans(spans, spans.slice(1))).toBe(false);
  });

  it('quotes a span once, on one line, shortened', () => {
    expect(spanLabel('“difficult but businesslike”')).toBe('“difficult but businesslike”');
    expect(spanLabel('“moved a long way”.')).toBe('“moved a long way”.');
    expect(spanLabel('7% over\ntwo years')).toBe('“7% over two years”');
    expect(spanLabel('word '.repeat(40), 20)).toBe('“word word word word…”');
  });
});
