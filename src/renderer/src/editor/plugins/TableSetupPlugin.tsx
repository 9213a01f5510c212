/**
 * Tables in the body (@lexical/table), in two parts so that opening a long article stays
 * one drawing: the table commands and integrity transforms (cells never merged, no cell
 * colours) are registered before the body is attached, and the selection observer, which
 * needs each table's DOM, once it is. This is what Lexical's TablePlugin registers with
 * `hasCellMerge`, `hasCellBackgroundColor` and `hasHorizontalScroll` off.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerTableCellUnmergeTransform, registerTablePlugin, registerTableSelectionObserver, TableCellNode } from '@lexical/table';
import { mergeRegister } from '@lexical/utils';
import { useEffect } from 'react';

/** Commands and transforms: mount before the editable element. */
export function TableSetupPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        registerTablePlugin(editor),
        registerTableCellUnmergeTransform(editor),
        editor.registerNodeTransform(TableCellNode, (node) => {
          if (node.getBackgroundColor() !== null) node.setBackgroundColor(null);
        }),
      ),
    [editor],
  );
  return null;
}

/** Cell selection across a table: mount with the editable element. */
export function TableSelectionPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerTableSelectionObserver(editor, true), [editor]);
  return null;
}
