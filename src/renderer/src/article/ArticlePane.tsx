/**
 * One article open for editing: kicker and section, headline, dek, the body, and a status
 * bar with word count, reading time and save state. Changes made on disk by another
 * program are taken in when nothing is pending here, and offered as a choice when
 * something is.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article, ArticleMeta } from '../../../shared/article';
import type { ApiResponse } from '../../../shared/contract';
import { readingMinutes } from '../../../shared/lexical-text';
import { api } from '../api';
import { ArticleEditor } from '../editor/ArticleEditor';
import { ArticleActions } from './ArticleActions';
import { AutoGrowTextarea } from './AutoGrowTextarea';
import { StatusBar } from './StatusBar';
import { useAutosave } from './use-autosave';

interface ArticlePaneProps {
  id: string;
  onDeleted: () => void;
  onDuplicated: (id: string) => void;
}

export function ArticlePane({ id, onDeleted, onDuplicated }: ArticlePaneProps) {
  const [article, setArticle] = useState<Article | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Bumped to remount the editor on a body loaded from disk.
  const [generation, setGeneration] = useState(0);

  const load = useCallback(async () => {
    try {
      setArticle(await api.articles.get({ id }));
      setGeneration((g) => g + 1);
      setLoadError(null);
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, [id]);

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
      reload={load}
      onDeleted={onDeleted}
      onDuplicated={onDuplicated}
    />
  );
}

/** Moves the caret to a field of the article pane, by its accessible name. */
function focusField(label: string): void {
  document.querySelector<HTMLElement>(`.article-pane [aria-label="${label}"]`)?.focus();
}

interface ArticleFormProps {
  article: Article;
  reload: () => Promise<void>;
  onDeleted: () => void;
  onDuplicated: (id: string) => void;
}

function ArticleForm({ article, reload, onDeleted, onDuplicated }: ArticleFormProps) {
  const [meta, setMeta] = useState<ArticleMeta>(article.meta);
  const [slug, setSlug] = useState(article.slug);
  const [words, setWords] = useState(0);
  // Typed as text ("Ana Lima, Tom Berg") and stored as a list.
  const [bylineText, setBylineText] = useState(article.meta.bylines.join(', '));
  const [notice, setNotice] = useState<string | null>(null);
  const onSaved = useCallback((result: ApiResponse<'articles.save'>) => setSlug(result.slug), []);
  const autosave = useAutosave(article.id, article.revision, onSaved);
  const pendingRef = useRef(autosave.state);
  useEffect(() => {
    pendingRef.current = autosave.state;
  }, [autosave.state]);

  const edit = <K extends keyof ArticleMeta>(key: K, value: ArticleMeta[K]) => {
    setMeta((current) => ({ ...current, [key]: value }));
    autosave.editMeta({ [key]: value });
  };

  // Another program changed this article's file.
  useEffect(
    () =>
      api.on('library.changed', ({ changes }) => {
        const mine = changes.find((c) => c.id === article.id && c.origin === 'external');
        if (!mine) return;
        if (mine.kind === 'removed') {
          setNotice('This article’s file was removed from disk by another program. Keep editing to write it again, or close it.');
        } else if (mine.kind === 'changed' && pendingRef.current.kind === 'saved') {
          void reload();
        } else if (mine.kind === 'changed') {
          setNotice('This article was changed on disk by another program while you were editing.');
        }
      }),
    [article.id, reload],
  );

  const keepMine = async () => {
    const current = await api.articles.get({ id: article.id });
    autosave.setRevision(current.revision);
    setNotice(null);
    await autosave.flush();
  };

  const conflict = autosave.state.kind === 'conflict' || notice !== null;

  const header = (
    <header className="article-header">
      <div className="article-header__row">
        <input
          className="field-kicker"
          aria-label="Kicker"
          placeholder="Kicker"
          value={meta.kicker}
          onChange={(e) => edit('kicker', e.target.value)}
        />
        <span className="dot">·</span>
        <input
          className="field-section"
          aria-label="Section"
          placeholder="Section"
          value={meta.section}
          onChange={(e) => edit('section', e.target.value)}
        />
        <select
          className={`status-select status--${meta.status}`}
          aria-label="Status"
          value={meta.status}
          onChange={(e) => edit('status', e.target.value as ArticleMeta['status'])}
        >
          <option value="draft">Draft</option>
          <option value="in-review">In review</option>
          <option value="approved">Approved</option>
        </select>
        <ArticleActions
          id={article.id}
          slug={slug}
          slugLocked={meta.slugLocked}
          flush={autosave.flush}
          onRenamed={(result, locked) => {
            setSlug(result.slug);
            autosave.setRevision(result.revision);
            setMeta((m) => ({ ...m, slugLocked: locked }));
          }}
          onDeleted={onDeleted}
          onDuplicated={onDuplicated}
        />
      </div>
      {conflict && (
        <div className="banner banner--warning" role="alert">
          <span>{notice ?? (autosave.state.kind === 'conflict' ? autosave.state.message : '')}</span>
          <button type="button" onClick={() => void reload()}>
            Load the version on disk
          </button>
          <button type="button" onClick={() => void keepMine()}>
            Keep mine
          </button>
        </div>
      )}
      <AutoGrowTextarea
        className="field-headline"
        ariaLabel="Headline"
        placeholder="Headline"
        value={meta.headline}
        autoFocus={article.meta.headline === ''}
        onChange={(value) => edit('headline', value)}
        onEnter={() => focusField('Dek')}
      />
      <AutoGrowTextarea
        className="field-dek"
        ariaLabel="Dek"
        placeholder="Dek: one paragraph that tells the reader why this matters"
        value={meta.dek}
        onChange={(value) => edit('dek', value)}
        onEnter={() => focusField('Article body')}
      />
      <div className="article-header__byline">
        <span>By</span>
        <input
          className="field-byline"
          aria-label="Bylines"
          placeholder="Reporter, Reporter"
          value={bylineText}
          onChange={(e) => {
            setBylineText(e.target.value);
            edit(
              'bylines',
              e.target.value
                .split(',')
                .map((name) => name.trim())
                .filter(Boolean),
            );
          }}
        />
        <span className="dot">·</span>
        <input
          className="field-dateline"
          aria-label="Dateline"
          placeholder="Dateline"
          value={meta.dateline}
          onChange={(e) => edit('dateline', e.target.value)}
        />
      </div>
      {meta.aiDisclosure && <p className="ai-disclosure">{meta.aiDisclosure}</p>}
    </header>
  );

  return (
    <div className="article-pane">
      <ArticleEditor header={header} body={article.body} onChange={autosave.editBody} onWordCount={setWords} />
      <StatusBar words={words} minutes={readingMinutes(words)} save={autosave.state} slug={slug} />
    </div>
  );
}
