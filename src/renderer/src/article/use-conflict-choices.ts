/**
 * The ways out when the file on disk and the article on screen part: keep mine (written
 * over theirs), load theirs (mine kept in the history), or, when the file is gone or
 * unreadable, save what is on screen as a new article. Each throws what went wrong.
 */
import type { LexicalEditor } from 'lexical';
import { useRef, type RefObject } from 'react';
import type { Article, ArticleMeta } from '../../../shared/article';
import { bodyOfEditorState } from '../../../document/serialized-body';
import { api } from '../api';
import { editableMeta, shownMeta } from './article-meta';
import type { OutsideChange } from './use-external-changes';
import type { Autosave } from './use-autosave';

interface ConflictOptions {
  id: string;
  meta: ArticleMeta;
  editorRef: RefObject<LexicalEditor | null>;
  autosave: Autosave;
  setOutside: (outside: OutsideChange) => void;
  /** Starts the form afresh on another version of the article. */
  replace: (article: Article) => void;
  /** Opens another article (this one, saved anew). */
  onOpen: (id: string) => void;
}

export function useConflictChoices({ id, meta, editorRef, autosave, setOutside, replace, onOpen }: ConflictOptions) {
  // Kept so a retry after a failed body save does not create a second copy.
  const savedAsNew = useRef<{ id: string; revision: string } | null>(null);
  const currentBody = () => {
    const editor = editorRef.current;
    return editor ? bodyOfEditorState(editor.getEditorState()) : undefined;
  };

  /** Writes this version, all of it, over the one on disk. */
  const keepMine = async () => {
    // Their version goes into the article's history before it is written over.
    await api.articles.keepVersion({ id });
    const current = await api.articles.get({ id });
    autosave.setRevision(current.revision);
    autosave.editMeta(shownMeta(meta));
    if (editorRef.current) autosave.editBody(editorRef.current.getEditorState());
    setOutside(null);
    if (!(await autosave.flush())) throw new Error('Your version could not be saved yet; it is still here.');
  };

  /** Shows the version on disk; this one goes into the article's history first. */
  const loadTheirs = async () => {
    const body = currentBody();
    await api.articles.keepVersion({ id, meta: shownMeta(meta), ...(body ? { body } : {}) });
    const theirs = await api.articles.get({ id });
    autosave.discard();
    replace(theirs);
  };

  /** The file is gone or unreadable: writes what is on screen as a new article. */
  const saveAsNew = async () => {
    savedAsNew.current ??= await api.articles.create({ meta: { ...editableMeta(meta), slugLocked: false } });
    const body = currentBody();
    const { id: newId, revision } = savedAsNew.current;
    if (body) await api.articles.save({ id: newId, baseRevision: revision, body });
    autosave.discard();
    onOpen(newId);
  };

  return { keepMine, loadTheirs, saveAsNew };
}
