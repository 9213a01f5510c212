/**
 * The body has one level of subhead, H2. Headings of any other level (pasted from the web
 * or Word, or typed as "# " / "### ") become H2, so every article has the same structure.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, HeadingNode } from '@lexical/rich-text';
import { useEffect } from 'react';

export function SubheadPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!editor.hasNodes([HeadingNode])) return;
    return editor.registerNodeTransform(HeadingNode, (node) => {
      if (node.getTag() !== 'h2') node.replace($createHeadingNode('h2'), true);
    });
  }, [editor]);
  return null;
}
