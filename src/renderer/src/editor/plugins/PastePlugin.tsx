/**
 * Paste into the body. Markup (from a web page, Google Docs, Word) is cleaned and
 * sanitized (paste/clean-pasted-html) before Lexical reads it into nodes, so structure
 * stays (subheads, lists, tables, links, emphasis, quotes, image placeholders) and no
 * handler or unsafe address ever reaches the page. Plain text with line breaks becomes
 * paragraphs, never empty ones. A copy from the editor itself, and pasted image files
 * (ImagePlugin), are left to their own handlers. A paste over the size limit
 * (paste/paste-limit) goes in as plain text, or is refused before it is read, with the limit named.
 */
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createParagraphNode, $createTextNode, $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, type LexicalEditor } from 'lexical';
import { useEffect, useState } from 'react';
import { cleanPastedHtml } from '../paste/clean-pasted-html';
import { pastePlan } from '../paste/paste-limit';
import { plainParagraphs } from '../paste/plain-paragraphs';

/** Inserts pasted markup as the editor's nodes; false when there was nothing to insert. */
export function pasteHtml(editor: LexicalEditor, html: string): boolean {
  const root = cleanPastedHtml(html);
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  const nodes = $generateNodesFromDOM(editor, root);
  if (!nodes.length) return true;
  $insertGeneratedNodes(editor, nodes, selection);
  return true;
}

/** Inserts plain text with line breaks as paragraphs. */
export function pastePlainText(text: string): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  const paragraphs = plainParagraphs(text);
  if (paragraphs.length <= 1) {
    selection.insertText(paragraphs[0] ?? '');
    return true;
  }
  selection.insertNodes(paragraphs.map((words) => $createParagraphNode().append($createTextNode(words))));
  return true;
}

export function PastePlugin() {
  const [editor] = useLexicalComposerContext();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          if (!data || data.types.includes('application/x-lexical-editor')) return false;
          if (Array.from(data.files).some((file) => file.type.startsWith('image/'))) return false;
          const html = data.getData('text/html');
          const text = data.getData('text/plain');
          const plan = pastePlan(html, text);
          setProblem(plan.kind === 'refused' ? plan.message : plan.kind === 'text' ? plan.note : null);
          if (plan.kind === 'refused') {
            event.preventDefault();
            return true;
          }
          if (plan.kind === 'text' && !plan.note && !/\n/.test(text)) return false;
          event.preventDefault();
          editor.update(() => {
            if (plan.kind === 'markup') pasteHtml(editor, html);
            else pastePlainText(text);
          });
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  if (!problem) return null;
  return (
    <div className="paste-problem" role="alert">
      <p>{problem}</p>
      <button type="button" onClick={() => setProblem(null)}>
        Dismiss
      </button>
    </div>
  );
}
