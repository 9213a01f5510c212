/**
 * A link with a scheme other than http, https, mailto or tel (javascript:, data:, file:)
 * never enters the article: pasted or typed, it is unwrapped and its text kept.
 */
import { $isLinkNode, LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { isSafeLinkUrl } from '../../../../shared/safe-url';

export function SafeLinkPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!editor.hasNodes([LinkNode])) return;
    return editor.registerNodeTransform(LinkNode, (node) => {
      if (!$isLinkNode(node) || isSafeLinkUrl(node.getURL())) return;
      for (const child of node.getChildren()) node.insertBefore(child);
      node.remove();
    });
  }, [editor]);
  return null;
}
