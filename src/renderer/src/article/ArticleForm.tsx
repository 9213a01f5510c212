/**
 * The fields and body of one open article, with autosave. Changes made on disk by another
 * program are taken in when nothing is pending here, and offered as a choice when
 * something is; a file that disappears can be saved again as a new article.
 */
import { $getRoot, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Article, ArticleMeta, ArticleMetaPatch } from '../../../shared/article';
import type { ApiResponse } from '../../../shared/contract';
import { readingMinutes } from '../../../document/plain-text';
import { bodyOfEditorState } from '../../../document/serialized-body';
import { RETRYABLE_ERROR_CODES } from '../../../shared/errors';
import { api } from '../api';
import type { FieldSuggestions } from '../library/suggestions';
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
  const { createdAt: _created, updatedAt: _updated, status: _status, ...rest } = meta;
  return rest;
}

/** The fields this form shows: what "Keep mine" writes over the version on disk. */
function shownMeta(meta: ArticleMeta): ArticleMetaPatch {
  const { headline, dek, kicker, section, bylines, dateline } = meta;
  return { headline, dek, kicker, section, bylines, dateline };
}

/** What the app needs of the open article when it switches away from it. */
export interface OpenArticle {
  id: string;
  /** Saves pending edits; false when they could not be saved. */
  flush: () => Promise<boolean>;
  /**
   * Freezes the article (nothing typed from now on can reach it) and saves its pending
   * edits. True when the app may show something else; false when the edits could not be
   * saved, and the article is editable again.
   */
  leave: () => Promise<boolean>;
  /** Makes a frozen article editable again, when the app stays on it after all. */
  resume: () => void;
  /** True for a draft nobody has written anything in. */
  isBlank: () => boolean;
}

/** How the form was started afresh on a new version, to carry on where the editor was. */
export interface ReplaceContext {
  notice?: string;
  scrollTop?: number;
}

interface ArticleFormProps {
  article: Article;
  /** Starts the form afresh on another version of the article. */
  replace: (article: Article, context?: ReplaceContext) => void;
  /** Set when this form replaced an earlier one. */
  context?: ReplaceContext | undefined;
  onDeleted: (deleted: { trashId: string; headline: string }) => void;
  onOpen: (id: string) => void;
  registerOpenArticle: (open: OpenArticle | null) => void;
  suggestions: FieldSuggestions;
}

export function ArticleForm({ article, replace, context, onDeleted, onOpen, registerOpenArticle, suggestions }: ArticleFormProps) {
  const [meta, setMeta] = useState<ArticleMeta>(article.meta);
  const [slug, setSlug] = useState(article.slug);
  const [words, setWords] = useState(0);
  // Typed as text ("Ana Lima, Tom Berg") and stored as a list.
  const [bylineText, setBylineText] = useState(article.meta.bylines.join(', '));
  /** What another program did to this article's file while it is open. */
  const [outside, setOutside] = useState<null | 'changed' | 'removed' | 'damaged'>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(context?.notice ?? null);
  /** Set while the app switches away: the article is frozen until it is gone (or stays). */
  const [leaving, setLeaving] = useState(false);
  // Back to where the reader was, after a reload from disk.
  useLayoutEffect(() => {
    const scroller = document.querySelector('.article-scroll');
    if (scroller && context?.scrollTop) scroller.scrollTop = context.scrollTop;
  }, [context]);
  const editorRef = useRef<LexicalEditor | null>(null);
  /** The revision this form's next save builds on, for telling a move from a rewrite. */
  const revisionRef = useRef(article.revision);
  const onSaved = useCallback((result: ApiResponse<'articles.save'>) => {
    setSlug(result.slug);
    revisionRef.current = result.revision;
  }, []);
  const autosave = useAutosave(article.id, article.revision, onSaved);
  const { hasPending, flush } = autosave;
  const stateRef = useRef(autosave.state);
  useEffect(() => {
    stateRef.current = autosave.state;
  }, [autosave.state]);

  // The window title names the article, with a dot while edits are unsaved.
  const unsaved = autosave.state.kind !== 'saved';
  useEffect(() => {
    document.title = `${unsaved ? '• ' : ''}${meta.headline || 'Untitled'} — Copydesk`;
    return () => {
      document.title = 'Copydesk';
    };
  }, [meta.headline, unsaved]);

  const metaRef = useRef(meta);
  useEffect(() => {
    metaRef.current = meta;
  }, [meta]);
  useEffect(() => {
    const isBlank = () => {
      const m = metaRef.current;
      const fieldsEmpty = !m.headline && !m.dek && !m.kicker && !m.section && !m.dateline && m.bylines.length === 0;
      const bodyEmpty = editorRef.current?.getEditorState().read(() => $getRoot().getTextContent().trim() === '') ?? false;
      return m.status === 'draft' && fieldsEmpty && bodyEmpty;
    };
    const freeze = (frozen: boolean) => {
      editorRef.current?.setEditable(!frozen);
      setLeaving(frozen);
    };
    const leave = async () => {
      freeze(true);
      const saved = await flush();
      if (!saved) freeze(false);
      return saved;
    };
    registerOpenArticle({ id: article.id, flush, leave, resume: () => freeze(false), isBlank });
    return () => registerOpenArticle(null);
  }, [registerOpenArticle, flush, article.id]);

  const edit = <K extends keyof ArticleMeta>(key: K, value: ArticleMeta[K]) => {
    setMeta((current) => ({ ...current, [key]: value }));
    autosave.editMeta({ [key]: value });
  };

  /** Set while a status change is on its way; the select waits for it. */
  const [statusChanging, setStatusChanging] = useState(false);
  /**
   * Saves what is pending, then moves the article to another status: its own call, where
   * the workspace may refuse it. A refusal is said above the headline and the select goes back.
   */
  const changeStatus = (status: ArticleMeta['status']) =>
    run(async () => {
      const before = meta.status;
      setMeta((m) => ({ ...m, status }));
      setStatusChanging(true);
      try {
        await autosave.change((baseRevision) => api.articles.setStatus({ id: article.id, baseRevision, status }));
      } catch (error) {
        setMeta((m) => ({ ...m, status: before }));
        throw new Error(`The status was not changed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      } finally {
        setStatusChanging(false);
      }
    });

  /** Takes the version on disk in, unless edits are waiting here: then the user chooses. */
  const takeFromDisk = useCallback(async () => {
    const fresh = await api.articles.get({ id: article.id });
    if (hasPending() || stateRef.current.kind !== 'saved') setOutside('changed');
    else
      replace(fresh, {
        notice: 'Updated from disk: another program changed this article.',
        scrollTop: document.querySelector('.article-scroll')?.scrollTop ?? 0,
      });
  }, [article.id, hasPending, replace]);

  useEffect(
    () =>
      api.on('library.changed', ({ changes }) => {
        // The last word on this article counts: a move arrives as "removed" then "added".
        const mine = changes.filter((c) => c.id === article.id && c.origin === 'external').at(-1);
        if (!mine) return;
        if (mine.kind === 'removed' || mine.kind === 'damaged') {
          setOutside(mine.kind);
          return;
        }
        setSlug(mine.slug);
        setOutside((current) => (current === 'removed' || current === 'damaged' ? null : current));
        // The file was moved, not rewritten: the revision is the one this form builds on.
        if (mine.revision !== null && mine.revision === revisionRef.current) return;
        void takeFromDisk().catch(() => setOutside('changed'));
      }),
    [article.id, takeFromDisk],
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
      // Their version goes into the article's history before it is written over.
      await api.articles.keepVersion({ id: article.id });
      const current = await api.articles.get({ id: article.id });
      autosave.setRevision(current.revision);
      autosave.editMeta(shownMeta(meta));
      if (editorRef.current) autosave.editBody(editorRef.current.getEditorState());
      setOutside(null);
      if (!(await flush())) throw new Error('Your version could not be saved yet; it is still here.');
    });

  /** The file is gone or unreadable: write what is on screen as a new article. */
  // Kept so a retry after a failed body save does not create a second copy.
  const savedAsNew = useRef<{ id: string; revision: string } | null>(null);
  const saveAsNew = () =>
    run(async () => {
      savedAsNew.current ??= await api.articles.create({ meta: { ...editableMeta(meta), slugLocked: false } });
      const editor = editorRef.current;
      const { id, revision } = savedAsNew.current;
      if (editor) await api.articles.save({ id, baseRevision: revision, body: bodyOfEditorState(editor.getEditorState()) });
      autosave.discard();
      onOpen(id);
    });

  const failed = autosave.state.kind === 'error' ? autosave.state.code : null;
  const gone = outside === 'removed' || outside === 'damaged' || failed === 'not-found' || failed === 'damaged';
  const conflict = !gone && (autosave.state.kind === 'conflict' || outside === 'changed');

  const header = (
    <header className="article-header">
      <div className="article-header__row">
        <input
          className="field-kicker"
          list="copydesk-kickers"
          aria-label="Kicker"
          placeholder="Kicker"
          value={meta.kicker}
          readOnly={leaving}
          onChange={(e) => edit('kicker', e.target.value)}
        />
        <span className="dot">·</span>
        <input
          className="field-section"
          list="copydesk-sections"
          aria-label="Section"
          placeholder="Section"
          value={meta.section}
          readOnly={leaving}
          onChange={(e) => edit('section', e.target.value)}
        />
        <select
          className={`status-select status--${meta.status}`}
          aria-label="Status"
          value={meta.status}
          disabled={leaving || statusChanging}
          onChange={(e) => void changeStatus(e.target.value as ArticleMeta['status'])}
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
          change={autosave.change}
          onRenamed={(locked) => setMeta((m) => ({ ...m, slugLocked: locked }))}
          onDeleted={(trashId) => onDeleted({ trashId, headline: meta.headline })}
          onDuplicated={onOpen}
        />
      </div>
      <AutoGrowTextarea
        className="field-headline"
        ariaLabel="Headline"
        placeholder="Headline"
        value={meta.headline}
        readOnly={leaving}
        autoFocus={article.meta.headline === ''}
        onChange={(value) => edit('headline', value)}
        onEnter={() => focusField('Dek')}
      />
      <AutoGrowTextarea
        className="field-dek"
        ariaLabel="Dek"
        placeholder="Dek: one paragraph that tells the reader why this matters"
        value={meta.dek}
        readOnly={leaving}
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
          readOnly={leaving}
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
          readOnly={leaving}
          onChange={(e) => edit('dateline', e.target.value)}
        />
      </div>
      {meta.aiDisclosure && <p className="ai-disclosure">{meta.aiDisclosure}</p>}
      <datalist id="copydesk-kickers">
        {suggestions.kickers.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <datalist id="copydesk-sections">
        {suggestions.sections.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
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
          <span>
            This article was changed on disk by another program while you were editing. Whichever you choose, the other
            version is kept in the article’s history (.copydesk/history).
          </span>
          <button
            type="button"
            onClick={() =>
              void run(async () => {
                // This version goes into the article's history before the screen shows theirs.
                const editor = editorRef.current;
                const body = editor ? bodyOfEditorState(editor.getEditorState()) : undefined;
                await api.articles.keepVersion({ id: article.id, meta: shownMeta(meta), ...(body ? { body } : {}) });
                const theirs = await api.articles.get({ id: article.id });
                autosave.discard();
                replace(theirs);
              })
            }
          >
            Load the version on disk
          </button>
          <button type="button" onClick={() => void keepMine()}>
            Keep mine
          </button>
        </div>
      )}
      {autosave.state.kind === 'error' && !gone && (
        <div className="banner banner--warning" role="alert">
          <span>
            Not saved: {autosave.state.message}{' '}
            {RETRYABLE_ERROR_CODES.has(autosave.state.code)
              ? 'Copydesk will try again by itself; your text is still here.'
              : 'Your text is still here.'}
          </span>
          <button type="button" onClick={() => void flush()}>
            Try now
          </button>
        </div>
      )}
      {info && (
        <div className="banner banner--info" role="status">
          <span>{info}</span>
          <button type="button" onClick={() => setInfo(null)}>
            OK
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
    // While the app switches away, the pane takes no clicks, focus or keys (inert), and says it is busy.
    <div
      className="article-pane"
      data-article-id={article.id}
      data-leaving={leaving ? '' : undefined}
      aria-busy={leaving || undefined}
      inert={leaving}
    >
      {notices}
      <ArticleEditor header={header} body={article.body} onChange={autosave.editBody} onWordCount={setWords} editorRef={editorRef} />
      <StatusBar
        words={words}
        minutes={readingMinutes(words)}
        save={gone ? { kind: 'error', code: 'not-found', message: 'The article’s file is gone or unreadable.' } : autosave.state}
        slug={slug}
      />
    </div>
  );
}
