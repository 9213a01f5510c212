/**
 * Reports the body's word count a moment after typing pauses, in the editor's shared
 * document pass, recounting only the blocks an edit touched.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalNode } from 'lexical';
import { useEffect } from 'react';
import { $countedText, BlockCache } from '../../../../document/changed-blocks';
import { countWords } from '../../../../document/plain-text';
import { registerDocumentTask } from '../document-pass';

const blockWords = (block: LexicalNode) => countWords($countedText(block));

export function WordCountPlugin({ onCount }: { onCount: (words: number) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const cache = new BlockCache(blockWords);
    return registerDocumentTask(editor, (changes) => onCount(cache.$blocks(changes).reduce((sum, { value }) => sum + value, 0)));
  }, [editor, onCount]);
  return null;
}
