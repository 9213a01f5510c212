/**
 * Links in the body: Ctrl/Cmd+K (and the toolbar's Link) opens a small editor on the
 * selection to create a link, or to change, open or remove the one the caret is in; a
 * floating bar shows on a link the caret is in (its address, Open, Edit, Remove). Only
 * http, https and mailto are taken; any other scheme is refused with a message.
 */
import { $createLinkNode, $isLinkNode, $toggleLink, type LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $createTextNode,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  SELECTION_CHANGE_COMMAND,
  type NodeKey,
  type RangeSelection,
} from 'lexical';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { linkAddress, openLink } from '../blocks/link-address';
import { OPEN_LINK_EDITOR_COMMAND } from '../blocks/editor-commands';
import { placeBeside } from '../popover-place';
import './LinkEditor.css';

interface Editing {
  anchor: DOMRect;
  selection: RangeSelection | null;
  /** The link being changed, when the caret was in one. */
  link: { key: NodeKey; url: string } | null;
  /** The selected words, as a reminder. */
  text: string;
}

interface Shown {
  key: NodeKey;
  url: string;
  anchor: DOMRect;
}

function $linkAtSelection(): LinkNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
  return link && $findMatchingParent(selection.focus.getNode(), $isLinkNode) === link ? link : null;
}

function selectionRect(): DOMRect | null {
  const dom = window.getSelection();
  if (!dom?.rangeCount) return null;
  const range = dom.getRangeAt(0);
  return range.collapsed ? (range.getClientRects()[0] ?? null) : range.getBoundingClientRect();
}

export function LinkEditorPlugin() {
  const [editor] = useLexicalComposerContext();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const close = useCallback(
    (refocus = true) => {
      setEditing(null);
      setProblem(null);
      if (refocus) editor.focus();
    },
    [editor],
  );

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          OPEN_LINK_EDITOR_COMMAND,
          () => {
            if (!editor.isEditable()) return false;
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return false;
            const link = $linkAtSelection();
            const element = link ? editor.getElementByKey(link.getKey()) : null;
            const anchor = element?.getBoundingClientRect() ?? selectionRect() ?? editor.getRootElement()!.getBoundingClientRect();
            setEditing({
              anchor,
              selection: selection.clone(),
              link: link ? { key: link.getKey(), url: link.getURL() } : null,
              text: link ? link.getTextContent() : selection.getTextContent(),
            });
            setAddress(link?.getURL() ?? '');
            setProblem(null);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        // The floating bar follows the caret into and out of links.
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            const link = $linkAtSelection();
            const element = link ? editor.getElementByKey(link.getKey()) : null;
            setShown(link && element ? { key: link.getKey(), url: link.getURL(), anchor: element.getBoundingClientRect() } : null);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(() => {
            const link = $linkAtSelection();
            if (!link) setShown(null);
          });
        }),
      ),
    [editor],
  );

  useLayoutEffect(() => {
    if (editing && box.current) {
      placeBeside(box.current, editing.anchor);
      input.current?.focus();
      input.current?.select();
    }
  }, [editing]);

  useLayoutEffect(() => {
    if (shown && bar.current) placeBeside(bar.current, shown.anchor, 4);
  }, [shown]);

  const apply = () => {
    if (!editing) return;
    const checked = linkAddress(address);
    if (!checked.ok) {
      setProblem(checked.message);
      input.current?.focus();
      return;
    }
    editor.update(() => {
      if (editing.link) {
        const node = $getNodeByKey(editing.link.key);
        if ($isLinkNode(node)) {
          node.setURL(checked.url);
          return;
        }
      }
      if (editing.selection) $setSelection(editing.selection.clone());
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      if (selection.isCollapsed()) {
        // No words chosen: the address itself becomes the linked words.
        const link = $createLinkNode(checked.url).append($createTextNode(address.trim()));
        selection.insertNodes([link]);
        link.selectNext();
      } else {
        $toggleLink(checked.url, { rel: 'noopener noreferrer' });
      }
    });
    close();
  };

  const remove = (key: NodeKey) => {
    editor.update(() => {
      const node = $getNodeByKey(key);
      if (!$isLinkNode(node)) return;
      for (const child of node.getChildren()) node.insertBefore(child);
      node.remove();
    });
    setShown(null);
    close();
  };

  return (
    <>
      {editing && (
        <div
          className="link-editor"
          role="dialog"
          aria-label={editing.link ? 'Edit link' : 'Add link'}
          ref={box}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close();
            }
          }}
        >
          {editing.text.trim() && <p className="link-editor__words">{editing.text.trim().slice(0, 120)}</p>}
          <label htmlFor={`${id}-address`}>Link address</label>
          <input
            id={`${id}-address`}
            ref={input}
            type="text"
            inputMode="url"
            spellCheck={false}
            value={address}
            placeholder="https://example.org/report"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(event) => {
              setAddress(event.target.value);
              setProblem(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                apply();
              }
            }}
          />
          {problem && (
            <p className="link-editor__problem" id={`${id}-problem`} role="alert">
              {problem}
            </p>
          )}
          <div className="link-editor__actions">
            <button type="button" className="primary" onClick={apply}>
              {editing.link ? 'Save link' : 'Add link'}
            </button>
            {editing.link && (
              <>
                <button type="button" onClick={() => openLink(editing.link!.url)}>
                  Open
                </button>
                <button type="button" onClick={() => remove(editing.link!.key)}>
                  Remove link
                </button>
              </>
            )}
            <button type="button" onClick={() => close()}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {shown && !editing && (
        <div className="link-bar" role="group" aria-label="Link" ref={bar} onMouseDown={(event) => event.preventDefault()}>
          <span className="link-bar__url" title={shown.url}>
            {shown.url}
          </span>
          <button type="button" onClick={() => openLink(shown.url)}>
            Open
          </button>
          <button type="button" onClick={() => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined)}>
            Edit
          </button>
          <button type="button" onClick={() => remove(shown.key)}>
            Remove
          </button>
        </div>
      )}
    </>
  );
}
