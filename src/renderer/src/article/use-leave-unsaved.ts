/**
 * Leaving an article whose edits cannot be saved (a read-only workspace, a file gone or
 * damaged): what is on screen is first kept in the article's history, and the user is told
 * where; when even that fails, the user chooses: copy the text, leave anyway, or stay.
 */
import { $getRoot, type LexicalEditor } from 'lexical';
import { useState, type RefObject } from 'react';
import type { ArticleMeta } from '../../../shared/article';
import { bodyOfEditorState } from '../../../document/serialized-body';
import { api } from '../api';
import { editableMeta } from './article-meta';
import type { Autosave } from './use-autosave';

interface LeaveUnsavedOptions {
  id: string;
  meta: ArticleMeta;
  editorRef: RefObject<LexicalEditor | null>;
  autosave: Autosave;
  /** The file is gone or unreadable: there is no article to keep a version of. */
  gone: boolean;
  /** Leaves the article, saying what became of its edits. */
  onLeave: (notice: string) => void;
}

export function useLeaveUnsaved({ id, meta, editorRef, autosave, gone, onLeave }: LeaveUnsavedOptions) {
  /** Why no copy could be kept; the user then chooses. */
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const name = `“${meta.headline || 'Untitled'}”`;

  const leave = async () => {
    setBusy(true);
    try {
      if (gone) throw new Error('the article’s file is gone or unreadable, so there is no history to keep it in');
      const state = editorRef.current?.getEditorState();
      const { file } = await api.articles.keepVersion({ id, meta: editableMeta(meta), ...(state ? { body: bodyOfEditorState(state) } : {}) });
      autosave.discard();
      onLeave(`Not saved, but kept: ${name} as it was on screen is in ${file}.`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setProblem(/[.!?]$/.test(message) ? message : `${message}.`);
    } finally {
      setBusy(false);
    }
  };

  const leaveAnyway = () => {
    autosave.discard();
    onLeave(`The unsaved edits to ${name} were left behind.`);
  };

  const copyText = async () => {
    const body = editorRef.current?.getEditorState().read(() => $getRoot().getTextContent()) ?? '';
    const text = [meta.headline, meta.dek, body].filter(Boolean).join('\n\n');
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
      setProblem((p) => `${p ?? ''} The text could not be copied either; select it and copy it by hand.`);
    }
  };

  return { problem, busy, copied, leave, leaveAnyway, copyText, stay: () => setProblem(null) };
}
