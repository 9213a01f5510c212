/**
 * The versions of the open article: a version is kept when the session's edits settle
 * (the host keeps at most one every few minutes, never the same text twice) and when the
 * article is closed; the `versions` command (and the Article menu) opens the list, compare
 * and restore. A restore saves what is pending first, then the host keeps the current text
 * as a version and writes the one restored; the form starts afresh on it.
 */
import type { LexicalEditor } from 'lexical';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Article } from '../../../shared/article';
import { api } from '../api';
import type { Autosave, SaveState } from '../article/use-autosave';
import type { ReplaceContext } from '../article/use-external-changes';
import { useCommand } from '../shell/command-registry';
import { VersionsDialog } from './VersionsDialog';
import { useCurrentText } from './current-text';

/** How long the text must rest after a save before it counts as settled. */
export const SETTLE_MS = 15_000;

interface ArticleVersionsProps {
  id: string;
  meta: { kicker: string; section: string; headline: string; dek: string };
  editorRef: RefObject<LexicalEditor | null>;
  autosave: Pick<Autosave, 'change' | 'state'>;
  canRestore: boolean;
  replace: (article: Article, context?: ReplaceContext) => void;
}

/** Asks the host to keep a version once saves have rested a while, and when the article closes after a save. */
function useSettledVersions(id: string, state: SaveState) {
  const savedSince = useRef(false);
  const savedAt = state.kind === 'saved' ? state.at : null;
  useEffect(() => {
    if (savedAt === null) return;
    savedSince.current = true;
    const timer = setTimeout(() => {
      savedSince.current = false;
      void api.articles.keepSettledVersion({ id }).catch(() => undefined);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [id, savedAt]);
  useEffect(
    () => () => {
      if (savedSince.current) void api.articles.keepSettledVersion({ id }).catch(() => undefined);
    },
    [id],
  );
}

export function ArticleVersions({ id, meta, editorRef, autosave, canRestore, replace }: ArticleVersionsProps) {
  const [open, setOpen] = useState(false);
  useSettledVersions(id, autosave.state);
  useCommand('versions', () => setOpen(true));
  const { change } = autosave;
  const currentText = useCurrentText(editorRef, meta);

  const restore = async (versionId: string) => {
    await change((baseRevision) => api.articles.restoreVersion({ id, versionId, baseRevision }));
    const restored = await api.articles.get({ id });
    setOpen(false);
    replace(restored, { notice: 'Version restored. The text it replaced is kept in the versions list.' });
  };

  if (!open) return null;
  return <VersionsDialog id={id} currentText={currentText} canRestore={canRestore} onRestore={restore} onClose={() => setOpen(false)} />;
}
