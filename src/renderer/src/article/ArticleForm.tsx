/**
 * The fields and body of one open article, with autosave. Changes made on disk by another
 * program are taken in when nothing is pending here, and offered as a choice when
 * something is; a file that disappears can be saved again as a new article.
 */
import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article, ArticleMeta, ArticleMetaPatch } from '../../../shared/article';
import type { ApiResponse } from '../../../shared/contract';
import { readingMinutes } from '../../../shared/lexical-text';
import { api } from '../api';
import { ArticleEditor } from '../editor/ArticleEditor';
import { ArticleActions } from './ArticleActions';
import { AutoGrowTextarea } from './AutoGrowTextarea';
import { StatusBar } from './StatusBar';
import { useAutosave } from './use-autosave';

/** Moves the caret to a field of the article pane, by its accessible name. */
function focusField(label: string): void {
  document.querySelector<HTMLElement>(`.article-pane [aria-label="${label}"]`)?.focus();
}

/** The fields a save may write: everything but the dates the workspace keeps. */
function editableMeta(meta: ArticleMeta): ArticleMetaPatch {
  const { createdAt: _created, updatedAt: _updated, ...rest } = meta;
  return rest;
}

interface ArticleFormProps {
  article: Article;
  reload: () => Promise<void>;
  onDeleted: () => void;
  onOpen: (id: string) => void;
  registerFlush: (flush: (() => Promise<boolean>) | null) => void;
}

export function ArticleForm({ article, reload, onDeleted, onOpen, registerFlush }: ArticleFormProps) {
  const [meta, setMeta] = useState<ArticleMeta>(article.meta);
  const [slug, setSlug] = useState(article.slug);
  const [words, setWords] = useState(0);
  // Typed as text ("Ana Lima, Tom Berg") and stored as a list.
  const [bylineText, setBylineText] = useState(article.meta.bylines.join(', '));
  /** What another program did to this article's file while it is open. */
  const [outside, setOutside] = useState<null | 'changed' | 'removed' | 'damaged'>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const editorRef = useRef<LexicalEditor | null>(null);
  const onSaved = useCallback((result: ApiResponse<'articles.save'>) => setSlug(result.slug), []);
  const autosave = useAutosave(article.id, article.revision, onSaved);
  const { hasPending, flush } = autosave;
  const stateRef = useRef(autosave.state);
  useEffect(() => {
    stateRef.current = autosave.state;
  }, [autosave.state]);

  useEffect(() => {
    registerFlush(flush);
    return () => registerFlush(null);
  }, [registerFlush, flush]);

  const edit = <K extends keyof ArticleMeta>(key: K, value: ArticleMeta[K]) => {
    setMeta((current) => ({ ...current, [key]: value }));
    autosave.editMeta({ [key]: value });
  };

  useEffect(
    () =>
      api.on('library.changed', ({ changes }) => {
        const mine = changes.find((c) => c.id === article.id && c.origin === 'external');
        if (!mine) return;
        if (mine.kind === 'removed' || mine.kind === 'damaged') setOutside(mine.kind);
        else if (stateRef.current.kind === 'saved' && !hasPending()) void reload();
        else setOutside('changed');
      }),
    [article.id, reload, hasPending],
  );

  const run = async (action: () => Promise<void>) => {
    try {
      await action();
      setActionError(null);
    } catch (error) {
      setActionError(error instanceof Error ? error.message : String(error));
    }
  };

  /** Writes this version, all of it, over the one on disk. */
  const keepMine = () =>
    run(async () => {
      const current = await api.articles.get({ id: article.id });
      autosave.setRevision(current.revision);
      autosave.editMeta(editableMeta(meta));
      if (editorRef.current) autosave.editBody(editorRef.current.getEditorState());
      setOutside(null);
      if (!(await flush())) throw new Error('Your version could not be saved yet; it is still here.');
    });

  /** The file is gone or unreadable: write what is on screen as a new article. */
  const saveAsNew = () =>
    run(async () => {
      const created = await api.articles.create({ meta: { ...editableMeta(meta), slugLocked: false } });
      const body = editorRef.current?.getEditorState().toJSON();
      if (body) await api.articles.save({ id: created.id, baseRevision: created.revision, body: body as unknown as Article['body'] });
      onOpen(created.id);
    });

  const failed = autosave.state.kind === 'error' ? autosave.state.code : null;
  const gone = outside === 'removed' || outside === 'damaged' || failed === 'not-found' || failed === 'damaged';
  const conflict = !gone && (autosave.state.kind === 'conflict' || outside === 'changed');

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
          onDuplicated={onOpen}
        />
      </div>
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

  // Outside the scrolling part, so they stay in view wherever the caret is.
  const notices = (
    <div className="article-notices">
      {gone && (
        <div className="banner banner--warning" role="alert">
          <span>
            {outside === 'damaged'
              ? 'This article’s file was changed by another program into something Copydesk cannot read.'
              : 'This article’s file was moved or removed by another program.'}{' '}
            Your text is still here.
          </span>
          <button type="button" onClick={() => void saveAsNew()}>
            Save as a new article
          </button>
        </div>
      )}
      {conflict && (
        <div className="banner banner--warning" role="alert">
          <span>This article was changed on disk by another program while you were editing.</span>
          <button type="button" onClick={() => void reload()}>
            Load the version on disk
          </button>
          <button type="button" onClick={() => void keepMine()}>
            Keep mine
          </button>
        </div>
      )}
      {actionError && (
        <p className="banner banner--warning" role="alert">
          {actionError}
        </p>
      )}
    </div>
  );

  return (
    <div className="article-pane">
      {notices}
      <ArticleEditor header={header} body={article.body} onChange={autosave.editBody} onWordCount={setWords} editorRef={editorRef} />
      <StatusBar words={words} minutes={readingMinutes(words)} save={autosave.state} slug={slug} />
    </div>
  );
}
