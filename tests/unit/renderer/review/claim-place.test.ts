/**
 * A claim's place in the editor: the check's block path and offsets (in the plain text
 * plain-text.ts makes of the saved body) lead to the same words in the editor's state,
 * through formatting, links, attributions, line breaks and nested lists; at the seam of
 * two text nodes the words are taken and nothing of their neighbours.
 */
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $createAttributionNode } from '../../../../src/document/AttributionNode';
import { buildBody, loadBody } from '../../../../src/document/headless';
import { positionedText } from '../../../../src/document/plain-text';
import type { LexicalBody } from '../../../../src/shared/article';
import { $claimPlace, pointInRuns, type TextRun } from '../../../../src/renderer/src/review/claim-place';
import rotterdam from '../../../../resources/sample-workspace/articles/rotterdam-terminal-strike-talks-narrow-pay-gap-but-stall-on-shift-rosters.json';

function editorOf(body: LexicalBody): LexicalEditor {
  const loaded = loadBody(body);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.value;
}

/** Every (start, end) in a block, checked against the block's plain text. */
function expectEveryRangeFound(body: LexicalBody) {
  const editor = editorOf(body);
  const { blocks } = positionedText(body);
  expect(blocks.length).toBeGreaterThan(0);
  editor.getEditorState().read(() => {
    for (const block of blocks) {
      for (let start = 0; start < block.text.length; start++) {
        for (let end = start + 1; end <= block.text.length; end++) {
          const place = $claimPlace(block.path, start, end);
          expect(place?.text, `${block.path.join('.')} ${start}–${end}`).toBe(block.text.slice(start, end));
        }
      }
    }
  });
}

const bold = (text: string) => $createTextNode(text).toggleFormat('bold');

describe('claim places', () => {
  it('find the same words through formatting, links, attributions and line breaks', () => {
    const body = buildBody(() => {
      $getRoot().append(
        $createHeadingNode('h2').append($createTextNode('Pay')),
        $createParagraphNode().append(
          $createTextNode('She called it '),
          $createAttributionNode('northsea-wire', 'para 3').append($createTextNode('“difficult but '), bold('businesslike')),
          $createTextNode('”, with '),
          $createLinkNode('https://example.org').append($createTextNode('1,240 workers')),
          $createLineBreakNode(),
          bold('out'),
          $createTextNode(' on strike.'),
        ),
        $createQuoteNode().append($createTextNode('We are not going to sign.')),
      );
    });
    expectEveryRangeFound(body);
  });

  it('find words in list items, a nested list apart from its item', () => {
    const body = buildBody(() => {
      const nested = $createListNode('bullet').append($createListItemNode().append($createTextNode('85 shuttle trains')));
      $getRoot().append(
        $createListNode('number').append(
          $createListItemNode().append($createTextNode('7% over '), bold('two'), $createTextNode(' years')),
          $createListItemNode().append(nested),
        ),
      );
    });
    expectEveryRangeFound(body);
  });

  it('find every block of a sample article', () => {
    const body = rotterdam.body as LexicalBody;
    const editor = editorOf(body);
    editor.getEditorState().read(() => {
      for (const block of positionedText(body).blocks) {
        expect($claimPlace(block.path, 0, block.text.length)?.text).toBe(block.text);
      }
    });
  });

  it('are null for a block that is no longer there', () => {
    const editor = editorOf(buildBody(() => $getRoot().append($createParagraphNode().append($createTextNode('One.')))));
    editor.getEditorState().read(() => {
      expect($claimPlace([3], 0, 2)).toBeNull();
      expect($claimPlace([0, 0, 0], 0, 2)).toBeNull();
      expect($claimPlace([0], 0, 9)).toBeNull();
    });
  });
});

describe('points in runs', () => {
  const runs: TextRun[] = [
    { key: 'a', length: 4, text: true },
    { key: 'b', length: 3, text: true },
    { key: 'br', length: 1, text: false },
    { key: 'c', length: 5, text: true },
  ];

  it('start in the run that begins at a seam, and end in the run that ends there', () => {
    expect(pointInRuns(runs, 4, 'start')).toEqual({ key: 'b', offset: 0 });
    expect(pointInRuns(runs, 4, 'end')).toEqual({ key: 'a', offset: 4 });
    expect(pointInRuns(runs, 0, 'start')).toEqual({ key: 'a', offset: 0 });
    expect(pointInRuns(runs, 13, 'end')).toEqual({ key: 'c', offset: 5 });
  });

  it('never land inside a line break', () => {
    expect(pointInRuns(runs, 7, 'start')).toEqual({ key: 'b', offset: 3 });
    expect(pointInRuns(runs, 8, 'start')).toEqual({ key: 'c', offset: 0 });
    expect(pointInRuns(runs, 8, 'end')).toEqual({ key: 'c', offset: 0 });
    expect(pointInRuns(runs, 7, 'end')).toEqual({ key: 'b', offset: 3 });
  });

  it('are null past the end of the text', () => {
    expect(pointInRuns(runs, 14, 'start')).toBeNull();
    expect(pointInRuns(runs, 14, 'end')).toBeNull();
    expect(pointInRuns([], 0, 'start')).toBeNull();
  });
});
