/**
 * Reports the counts of the body and of the selection in it (words, characters, reading
 * time) a moment after the text or the selection stops changing, in the editor's shared
 * document pass, so counting never sits on the keystroke path. Each block's counts are
 * kept and taken again only for the blocks an edit touched: a pause in a 20,000-word
 * article recounts a paragraph, not the article.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, type LexicalNode } from 'lexical';
import { useEffect } from 'react';
import { $countedText, BlockCache, type ChangedBlocks } from '../../../../document/changed-blocks';
import { readingMinutes } from '../../../../document/plain-text';
import { registerDocumentTask } from '../document-pass';
import { textCounts, type TextCounts } from './text-counts';

export interface BodyCounts {
  article: TextCounts;
  /** Null when nothing is selected. */
  selection: TextCounts | null;
}

/** The words and characters of one block (blocks are counted apart: a word never spans two). */
export function blockCounts(block: LexicalNode): { words: number; characters: number } {
  const { words, characters } = textCounts($countedText(block));
  return { words, characters };
}

/** Inside a read: the body's counts, from each block's, recounting only the changed blocks. */
export function $bodyCounts(cache: BlockCache<{ words: number; characters: number }>, changes: ChangedBlocks): TextCounts {
  let words = 0;
  let characters = 0;
  for (const { value } of cache.$blocks(changes)) {
    words += value.words;
    characters += value.characters;
  }
  return { words, characters, minutes: readingMinutes(words) };
}

export function CountsPlugin({ onCounts }: { onCounts: (counts: BodyCounts) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const cache = new BlockCache(blockCounts);
    let article: TextCounts | null = null;
    return registerDocumentTask(
      editor,
      (changes) => {
        if (changes.all || changes.keys.size || !article) article = $bodyCounts(cache, changes);
        const selection = $getSelection();
        const selected = $isRangeSelection(selection) && !selection.isCollapsed() ? selection.getTextContent() : '';
        onCounts({ article, selection: selected.trim() ? textCounts(selected) : null });
      },
      { selection: true },
    );
  }, [editor, onCounts]);
  return null;
}
