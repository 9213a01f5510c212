// @vitest-environment happy-dom
/**
 * The undo history keeps at most its cap of editor states, however long the session.
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { createEmptyHistoryState, HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $createParagraphNode, $createTextNode, $getRoot, HISTORY_PUSH_TAG, type LexicalEditor } from 'lexical';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, it } from 'vitest';
import { HistoryCapPlugin } from '../../../src/renderer/src/editor/plugins/HistoryCapPlugin';

it('drops the oldest undo steps beyond the cap', async () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const historyState = createEmptyHistoryState();
  const editorRef: { current: LexicalEditor | null } = { current: null };
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () =>
    root.render(
      createElement(
        LexicalComposer,
        { initialConfig: { namespace: 'cap-test', onError: (error: Error) => { throw error; } } },
        createElement(RichTextPlugin, {
          contentEditable: createElement(ContentEditable),
          ErrorBoundary: LexicalErrorBoundary,
        }),
        createElement(HistoryPlugin, { externalHistoryState: historyState }),
        createElement(HistoryCapPlugin, { historyState, max: 5 }),
        createElement(EditorRefPlugin, { editorRef }),
      ),
    ),
  );
  const editor = editorRef.current!;
  for (let i = 0; i < 12; i++) {
    await act(async () => {
      editor.update(
        () => {
          $getRoot().append($createParagraphNode().append($createTextNode(`paragraph ${i}`)));
        },
        { tag: HISTORY_PUSH_TAG, discrete: true },
      );
    });
  }
  expect(historyState.undoStack.length).toBeGreaterThan(0);
  expect(historyState.undoStack.length).toBeLessThanOrEqual(5);
  await act(async () => root.unmount());
});
