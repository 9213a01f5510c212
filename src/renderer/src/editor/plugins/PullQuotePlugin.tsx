/**
 * The attribution of a pull quote (who said it): a small field opened from the toolbar
 * with the caret in a pull quote, written into the node (shown after the words, exported
 * as the quote's caption).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getSelection, $isRangeSelection, COMMAND_PRIORITY_EDITOR, createCommand, type LexicalCommand, type NodeKey } from 'lexical';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { $isPullQuoteNode } from '../../../../document/PullQuoteNode';
import { placeBeside } from '../popover-place';
import './LinkEditor.css';

/** Opens the attribution field of the pull quote the caret is in. */
export const OPEN_PULL_QUOTE_ATTRIBUTION_COMMAND: LexicalCommand<void> = createCommand('OPEN_PULL_QUOTE_ATTRIBUTION_COMMAND');

export function PullQuotePlugin() {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState<{ key: NodeKey; anchor: DOMRect } | null>(null);
  const [value, setValue] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_PULL_QUOTE_ATTRIBUTION_COMMAND,
        () => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection) || !editor.isEditable()) return false;
          const quote = selection.anchor.getNode().getTopLevelElement();
          if (!$isPullQuoteNode(quote)) return false;
          const element = editor.getElementByKey(quote.getKey());
          if (!element) return false;
          setValue(quote.getAttribution());
          setOpen({ key: quote.getKey(), anchor: element.getBoundingClientRect() });
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );

  useLayoutEffect(() => {
    if (open && box.current) {
      placeBeside(box.current, open.anchor);
      input.current?.focus();
    }
  }, [open]);

  if (!open) return null;
  const close = () => {
    setOpen(null);
    editor.focus();
  };
  const save = () => {
    editor.update(() => {
      const quote = $getNodeByKey(open.key);
      if ($isPullQuoteNode(quote)) quote.setAttribution(value.trim());
    });
    close();
  };
  return (
    <div
      className="link-editor"
      role="dialog"
      aria-label="Pull quote attribution"
      ref={box}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor={`${id}-by`}>Who said it</label>
      <input
        id={`${id}-by`}
        ref={input}
        type="text"
        value={value}
        placeholder="Name, role"
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            save();
          }
        }}
      />
      <div className="link-editor__actions">
        <button type="button" className="primary" onClick={save}>
          Save attribution
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </div>
  );
}
