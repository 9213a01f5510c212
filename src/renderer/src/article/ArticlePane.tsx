/**
 * One article open for editing: loads it, says so if it cannot be opened, and starts the
 * form (and its editor) afresh on each version taken from disk.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Article } from '../../../shared/article';
import { api } from '../api';
import type { FieldSuggestions } from '../library/suggestions';
import { ArticleForm } from './ArticleForm';
import type { ReplaceContext } from './use-external-changes';
import type { OpenArticle } from './use-leave';

interface ArticlePaneProps {
  id: string;
  onDeleted: (deleted: { trashId: string; headline: string }) => void;
  /** Kickers and sections already used in the workspace, offered while typing. */
  suggestions: FieldSuggestions;
  /** Opens another article (a duplicate, or this one saved anew). */
  onOpen: (id: string) => void;
  /** Leaves the article although its edits could not be saved, saying what became of them. */
  onLeaveUnsaved: (notice: string) => void;
  /** Tells the app which article is open and how to leave it; null when it closes. */
  registerOpenArticle: (open: OpenArticle | null) => void;
}

export function ArticlePane({ id, suggestions, onDeleted, onOpen, onLeaveUnsaved, registerOpenArticle }: ArticlePaneProps) {
  const [article, setArticle] = useState<Article | null>(null);
  const [context, setContext] = useState<ReplaceContext | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Bumped to remount the editor on a body loaded from disk.
  const [generation, setGeneration] = useState(0);

  /** Shows this version of the article, starting the form and editor afresh. */
  const replace = useCallback((next: Article, how?: ReplaceContext) => {
    setArticle(next);
    setContext(how);
    setGeneration((g) => g + 1);
    setLoadError(null);
  }, []);

  const load = useCallback(async () => {
    try {
      replace(await api.articles.get({ id }));
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, [id, replace]);

  useEffect(() => {
    void load();
  }, [load]);

  if (loadError) {
    return (
      <div className="pane-message" role="alert">
        <h2>This article cannot be opened</h2>
        <p>{loadError}</p>
      </div>
    );
  }
  if (!article) return <div className="pane-message pane-message--quiet">Opening…</div>;
  return (
    <ArticleForm
      key={`${id}:${generation}`}
      article={article}
      replace={replace}
      context={context}
      onDeleted={onDeleted}
      onOpen={onOpen}
      onLeaveUnsaved={onLeaveUnsaved}
      registerOpenArticle={registerOpenArticle}
      suggestions={suggestions}
    />
  );
}
