/**
 * Work kept per block and redone only where an edit landed (the counts, the find matches):
 * after edits in the middle of a long body, splits, merges, deletions, a new block and an
 * undo to an older state, the kept values are those of a full recount, only the blocks
 * touched are computed again, and the cache holds no more blocks than the body.
 */
import { $createHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $countedText, allChanged, BlockCache, noteChanges, resetChanges, type ChangedBlocks } from '../../../src/document/changed-blocks';
import { $createTableCellNode, $createTableNode, $createTableRowNode } from '@lexical/table';
import { $createImageNode } from '../../../src/document/ImageNode';
import { $createHorizontalRuleNode } from '../../../src/document/HorizontalRuleNode';
import { bodyStats } from '../../../src/document/body-stats';
import { createDocumentEditor } from '../../../src/document/headless';
import { countWords } from '../../../src/document/plain-text';
import { $findMatches, findPattern, LiveMatches } from '../../../src/renderer/src/editor/find/find-matches';

const PARAGRAPHS = 400;

function longBody(editor: LexicalEditor): void {
  editor.update(
    () => {
      const root = $getRoot().clear();
      for (let i = 0; i < PARAGRAPHS; i++) {
        root.append($createParagraphNode().append($createTextNode(`Paragraph ${i} says the council will meet the union on Monday about pay.`)));
      }
    },
    { discrete: true },
  );
}

/** The editor with a tracker of the changes since the last pass, as the shared pass keeps them. */
function tracked(editor: LexicalEditor): ChangedBlocks {
  const changes = allChanged();
  editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => noteChanges(changes, dirtyElements, dirtyLeaves));
  return changes;
}

const edit = (editor: LexicalEditor, fn: () => void) => editor.update(fn, { discrete: true });
const middle = () => $getRoot().getChildAtIndex(PARAGRAPHS / 2)!;
const textOf = (node: LexicalNode): LexicalNode => ($isElementNode(node) ? (node.getFirstDescendant() ?? node) : node);

describe('BlockCache', () => {
  it('keeps word counts right through edits in the middle of a long body, recounting only the blocks touched', () => {
    const editor = createDocumentEditor();
    longBody(editor);
    const changes = tracked(editor);
    let computed = 0;
    const cache = new BlockCache((block) => {
      computed++;
      return countWords(block.getTextContent());
    });
    const pass = () => {
      const total = editor.getEditorState().read(() => cache.$blocks(changes).reduce((sum, { value }) => sum + value, 0));
      resetChanges(changes);
      const full = editor.getEditorState().read(() => countWords($getRoot().getTextContent()));
      expect(total).toBe(full);
      expect(cache.size).toBe(editor.getEditorState().read(() => $getRoot().getChildrenSize()));
      const count = computed;
      computed = 0;
      return count;
    };

    expect(pass()).toBe(PARAGRAPHS);
    expect(pass()).toBe(0); // nothing changed: nothing recounted

    // Typing words into the middle paragraph.
    edit(editor, () => {
      const text = textOf(middle());
      if ($isTextNode(text)) text.setTextContent(`${text.getTextContent()} Three more words`);
    });
    const before = editor.getEditorState();
    expect(pass()).toBe(1);

    // Splitting a paragraph in two, then a new subhead, then deleting a paragraph.
    edit(editor, () => {
      const text = textOf(middle());
      if ($isTextNode(text)) text.select(10, 10);
      const paragraph = middle();
      if ($isElementNode(paragraph)) {
        const [, after] = $isTextNode(text) ? text.splitText(10) : [];
        const next = $createParagraphNode();
        paragraph.insertAfter(next);
        if (after) next.append(after);
      }
    });
    expect(pass()).toBeLessThanOrEqual(3);
    edit(editor, () => {
      middle().insertBefore($createHeadingNode('h2').append($createTextNode('A new subhead here')));
    });
    expect(pass()).toBeLessThanOrEqual(3); // the subhead and the blocks either side
    edit(editor, () => {
      $getRoot().getChildAtIndex(10)!.remove();
    });
    expect(pass()).toBeLessThanOrEqual(2);

    // Merging two paragraphs.
    edit(editor, () => {
      const a = $getRoot().getChildAtIndex(20);
      const b = $getRoot().getChildAtIndex(21);
      if ($isElementNode(a) && $isElementNode(b)) {
        a.append(...b.getChildren());
        b.remove();
      }
    });
    expect(pass()).toBeLessThanOrEqual(2);

    // An undo puts an older state back: the same keys may hold other text.
    editor.setEditorState(before);
    expect(pass()).toBe(editor.getEditorState().read(() => $getRoot().getChildrenSize()));
  });
});

describe('LiveMatches', () => {
  it('finds what a full search finds after each edit, searching only the blocks touched', () => {
    const editor = createDocumentEditor();
    longBody(editor);
    const changes = tracked(editor);
    const pattern = findPattern('union', { matchCase: false, wholeWord: true })!;
    const live = new LiveMatches(pattern);
    const check = () => {
      const got = editor.getEditorState().read(() => live.$matches(changes));
      resetChanges(changes);
      expect(got).toEqual(editor.getEditorState().read(() => $findMatches(pattern)));
      return got.length;
    };
    expect(check()).toBe(PARAGRAPHS);
    edit(editor, () => {
      const text = textOf(middle());
      if ($isTextNode(text)) text.setTextContent('The union, the union and the Union.');
    });
    expect(check()).toBe(PARAGRAPHS + 2);
    const before = editor.getEditorState();
    edit(editor, () => {
      $getRoot().getChildAtIndex(3)!.remove();
      const text = textOf($getRoot().getChildAtIndex(7)!);
      if ($isTextNode(text)) text.setTextContent('no match left here');
    });
    expect(check()).toBe(PARAGRAPHS);
    editor.setEditorState(before);
    expect(check()).toBe(PARAGRAPHS + 2);
  });
});

describe('the words a block counts for', () => {
  it('leaves out a picture’s caption and credit and a rule, as the file’s word count does', () => {
    const editor = createDocumentEditor();
    edit(editor, () => {
      $getRoot()
        .clear()
        .append(
          $createParagraphNode().append($createTextNode('The cranes arrive in March.')),
          $createImageNode({ asset: 'assets/0000000000000000000000000000000000000000000000000000000000000000.png', caption: 'A crane on the quay', credit: 'Photo: A. Writer' }),
          $createHorizontalRuleNode(),
          $createParagraphNode().append($createTextNode('Twelve more follow.')),
          $createTableNode().append(
            $createTableRowNode().append(
              $createTableCellNode().append($createParagraphNode().append($createTextNode('North'))),
              $createTableCellNode().append($createParagraphNode().append($createTextNode('99,000'))),
            ),
          ),
        );
    });
    const words = editor.getEditorState().read(() => $getRoot().getChildren().reduce((sum, block) => sum + countWords($countedText(block)), 0));
    expect(words).toBe(10);
    expect(bodyStats(editor.getEditorState().toJSON()).words).toBe(words);
  });
});
