import { $createParagraphNode, $createTextNode, $getRoot, $isTextNode, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { attributedSourceIds, withoutAttributionsTo } from '../../../src/document/attribution-json';
import { $attributeSelection, $isAttributionNode, $removeAttribution } from '../../../src/document/AttributionNode';
import { buildBody, createDocumentEditor, loadBody } from '../../../src/document/headless';
import { positionedText } from '../../../src/document/plain-text';
import { bodyOfEditorState } from '../../../src/document/serialized-body';

const SENTENCE = 'The negotiator called the talks “difficult but businesslike” on Monday.';

/** A body with one paragraph, the quote in it attributed as a user would: select, then attribute. */
function attributedBody(sourceId = 'northsea-wire-maasgate-talks-2026-11-10', locator = 'para 3') {
  const editor = createDocumentEditor();
  return buildBody(() => {
    const text = $createTextNode(SENTENCE);
    $getRoot().append($createParagraphNode().append(text));
    const start = SENTENCE.indexOf('“');
    text.select(start, SENTENCE.indexOf('”') + 1);
    expect($attributeSelection(sourceId, locator)).toBe(1);
  }, editor);
}

describe('attributions', () => {
  it('wrap the selected span, keep the text, and survive a JSON round trip headless', () => {
    const body = attributedBody();
    const json = JSON.stringify(body);
    expect(json).toContain('"type":"attribution"');
    expect(json).toContain('"sourceId":"northsea-wire-maasgate-talks-2026-11-10"');
    expect(json).toContain('"locator":"para 3"');
    expect(positionedText(body).text).toBe(SENTENCE);
    const loaded = loadBody(body);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(bodyOfEditorState(loaded.value.getEditorState())).toEqual(body);
    loaded.value.getEditorState().read(() => {
      const paragraph = $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>();
      const attribution = paragraph.getChildren().find($isAttributionNode);
      expect(attribution?.getTextContent()).toBe('“difficult but businesslike”');
      expect(attribution?.getSourceId()).toBe('northsea-wire-maasgate-talks-2026-11-10');
    });
    expect(attributedSourceIds(body)).toEqual(['northsea-wire-maasgate-talks-2026-11-10']);
  });

  it('re-attributing attributed text changes its source instead of nesting', () => {
    const editor = createDocumentEditor();
    const body = buildBody(() => {
      const text = $createTextNode(SENTENCE);
      $getRoot().append($createParagraphNode().append(text));
      text.select(0, 14);
      $attributeSelection('first');
      const inner = $getRoot().getFirstDescendant() as TextNode;
      expect($isTextNode(inner)).toBe(true);
      inner.select(0, inner.getTextContentSize());
      $attributeSelection('second');
    }, editor);
    expect(attributedSourceIds(body)).toEqual(['second']);
    expect(JSON.stringify(body).match(/"type":"attribution"/g)).toHaveLength(1);
  });

  it('can be removed in the editor and unwrapped in JSON, the text kept', () => {
    const body = attributedBody('x');
    expect(positionedText(withoutAttributionsTo(body, 'x')).text).toBe(SENTENCE);
    expect(attributedSourceIds(withoutAttributionsTo(body, 'x'))).toEqual([]);
    expect(attributedSourceIds(withoutAttributionsTo(body, 'other'))).toEqual(['x']);
    const loaded = loadBody(body);
    if (!loaded.ok) throw new Error(loaded.error);
    loaded.value.update(
      () => {
        const attribution = $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().getChildren().find($isAttributionNode);
        if (attribution) $removeAttribution(attribution);
      },
      { discrete: true },
    );
    const after = loaded.value.getEditorState().toJSON();
    expect(JSON.stringify(after)).not.toContain('attribution');
    expect(loaded.value.getEditorState().read(() => $getRoot().getTextContent())).toBe(SENTENCE);
  });
});
