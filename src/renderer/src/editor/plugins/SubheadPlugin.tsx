/**
 * The body has two levels of subhead, H2 and H3. Headings of other levels (pasted from the
 * web or Word, or typed as "# " / "#### ") map to the nearest: H1 becomes H2 (the page's
 * H1 is the headline), H4–H6 become H3, so every article has the same structure.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, HeadingNode, type HeadingTagType } from '@lexical/rich-text';
import { useEffect } from 'react';

/** The subhead level a heading of any level becomes. */
export function subheadTag(tag: HeadingTagType): 'h2' | 'h3' {
  return tag === 'h1' || tag === 'h2' ? 'h2' : 'h3';
}

export function SubheadPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!editor.hasNodes([HeadingNode])) return;
    return editor.registerNodeTransform(HeadingNode, (node) => {
      const tag = subheadTag(node.getTag());
      if (node.getTag() !== tag) node.replace($createHeadingNode(tag), true);
    });
  }, [editor]);
  return null;
}
