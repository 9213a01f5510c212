/**
 * One open article: its fields, its body and its status bar, with autosave. The parts live
 * beside it: the fields (ArticleHeader), the notices (ArticleNotices), what another program
 * does to the file (use-external-changes), the ways out of a conflict (use-conflict-choices),
 * how the app leaves the article (use-leave) or leaves it unsaved (use-leave-unsaved), its
 * sources beside the text (SourcesPanel), and its review (use-article-review: the workflow
 * line, the review panel in review mode, the claims marked in the text, approved copy locked).
 */
import type { EditorState, LexicalEditor } from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Article, ArticleMeta, ArticleMetaPatch, ArticleStatus } from '../../../shared/article';
import type { FieldSuggestions } from '../library/suggestions';
import { ArticleEditor } from '../editor/ArticleEditor';
import { ClaimHighlightsPlugin } from '../editor/plugins/ClaimHighlightsPlugin';
import { FindReplacePlugin } from '../editor/find/FindReplacePlugin';
import type { FindField } from '../editor/find/find-elsewhere';
import { CountsPlugin, type BodyCounts } from '../editor/counts/CountsPlugin';
import { NO_COUNTS } from '../editor/counts/text-counts';
import { jumpToSubhead, OutlinePlugin, type OutlineEntry } from '../editor/outline/OutlinePlugin';
import { OutlineMenu } from './OutlineMenu';
import { ArticleVersions } from '../versions/ArticleVersions';
import { ConflictDiff } from '../versions/ConflictDiff';
import { useCurrentText } from '../versions/current-text';
import { RecoveryNotice } from '../recovery/RecoveryNotice';
import { useCrashRecovery } from '../recovery/use-crash-recovery';
import { ApprovedLock } from '../review/ApprovedLock';
import { ReviewContext } from '../review/ReviewContext';
import { ReviewerNameDialog } from '../review/ReviewerNameDialog';
import { ReviewPanel } from '../review/ReviewPanel';
import { ReviewToggle } from '../review/ReviewToggle';
import { useArticleReview } from '../review/use-article-review';
import { WorkflowBar } from '../review/WorkflowBar';
import { RelatedSection } from '../related/RelatedSection';
import { ArticleSourcesProvider } from '../sources/ArticleSourcesProvider';
import { SourcesPanel } from '../sources/SourcesPanel';
import { ArticleActions } from './ArticleActions';
import { ArticleHeader, type HeaderField } from './ArticleHeader';
import { ArticleNotices } from './ArticleNotices';
import { StatusBar } from './StatusBar';
import { useAutosave, type SaveResult } from './use-autosave';
import { useConflictChoices } from './use-conflict-choices';
import { useExternalChanges, type ReplaceContext } from './use-external-changes';
import { useLeave, type OpenArticle } from './use-leave';
import { useLeaveUnsaved } from './use-leave-unsaved';
import './ArticleForm.css';

interface ArticleFormProps {
  article: Article;
  /** Starts the form afresh on another version of the article. */
  replace: (article: Article, context?: ReplaceContext) => void;
  /** Set when this form replaced an earlier one. */
  context?: ReplaceContext | undefined;
  onDeleted: (deleted: { trashId: string; headline: string }) => void;
  onOpen: (id: string) => void;
  /** Leaves the article although its edits could not be saved, saying what became of them. */
  onLeaveUnsaved: (notice: string) => void;
  registerOpenArticle: (open: OpenArticle | null) => void;
  suggestions: FieldSuggestions;
}

export function ArticleForm(props: ArticleFormProps) {
  const { article, replace, context, onDeleted, onOpen, onLeaveUnsaved, registerOpenArticle, suggestions } = props;
  const [meta, setMeta] = useState<ArticleMeta>(article.meta);
  const [slug, setSlug] = useState(article.slug);
  const [counts, setCounts] = useState<BodyCounts>({ article: NO_COUNTS, selection: null });
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const [actionError, setActionError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(context?.notice ?? null);
  // Back to where the reader was, after a reload from disk.
  useLayoutEffect(() => {
    const scroller = document.querySelector('.article-scroll');
    if (scroller && context?.scrollTop) scroller.scrollTop = context.scrollTop;
  }, [context]);
  const editorRef = useRef<LexicalEditor | null>(null);
  /** The revision this form's next save builds on, for telling a move from a rewrite. */
  const revisionRef = useRef(article.revision);
  const onSaved = useCallback((result: SaveResult) => {
    setSlug(result.slug);
    revisionRef.current = result.revision;
  }, []);
  const autosave = useAutosave(article.id, article.revision, onSaved);
  const { hasPending, flush } = autosave;
  const stateRef = useRef(autosave.state);
  useEffect(() => {
    stateRef.current = autosave.state;
  }, [autosave.state]);
  const isSettled = useCallback(() => !hasPending() && stateRef.current.kind === 'saved', [hasPending]);

  const [outside, setOutside] = useExternalChanges({ id: article.id, revisionRef, isSettled, replace, onMoved: setSlug });
  const approved = meta.status === 'approved';
  const leaving = useLeave({ id: article.id, meta, editorRef, flush, registerOpenArticle, locked: approved });
  const choices = useConflictChoices({ id: article.id, meta, editorRef, autosave, setOutside, replace, onOpen });
  const onStatus = useCallback((status: ArticleStatus) => setMeta((m) => ({ ...m, status })), []);
  const review = useArticleReview({
    id: article.id,
    status: meta.status,
    initialHistory: article.review.history ?? [],
    editorRef,
    autosave,
    onStatus,
  });
  const { editBody, editMeta } = autosave;
  const { bodyChanged, recheck } = review.checked;
  const applyMeta = useCallback(
    (patch: ArticleMetaPatch) => {
      setMeta((current) => ({ ...current, ...patch }));
      editMeta(patch);
    },
    [editMeta],
  );
  const currentText = useCurrentText(editorRef, meta);
  const recovery = useCrashRecovery({ article, meta, editorRef, saveState: autosave.state, hasPending, applyMeta });
  const { noteBody } = recovery;
  const onBody = useCallback(
    (state: EditorState) => {
      editBody(state);
      noteBody(state);
      bodyChanged();
    },
    [editBody, noteBody, bodyChanged],
  );

  // The window title names the article, with a dot while edits are unsaved.
  const unsaved = autosave.state.kind !== 'saved';
  // Set when it changes (each first keystroke after a save flips it), put back on close only:
  // a title change is work for the browser, not worth doing twice per flip.
  useEffect(() => {
    document.title = `${unsaved ? '• ' : ''}${meta.headline || 'Untitled'} — Copydesk`;
  }, [meta.headline, unsaved]);
  useEffect(
    () => () => {
      document.title = 'Copydesk';
    },
    [],
  );

  /** Runs an action the user asked for; what goes wrong is said above the headline. */
  const run = async (action: () => Promise<void>) => {
    try {
      await action();
      setActionError(null);
    } catch (error) {
      setActionError(error instanceof Error ? error.message : String(error));
    }
  };

  const edit = <K extends HeaderField>(key: K, value: ArticleMeta[K]) => {
    setMeta((current) => ({ ...current, [key]: value }));
    autosave.editMeta({ [key]: value });
  };

  // Find looks in the header's words too (and replaces there on request).
  const findFields = useMemo<FindField[]>(
    () => [
      { name: 'the headline', text: meta.headline, replace: (text) => edit('headline', text) },
      { name: 'the dek', text: meta.dek, replace: (text) => edit('dek', text) },
      { name: 'the kicker', text: meta.kicker, replace: (text) => edit('kicker', text) },
    ],
    // `edit` is made anew at each render; what it does does not change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [meta.headline, meta.dek, meta.kicker],
  );

  // The sources attached in the panel are saved at once (the review checks against the
  // sources saved with the article), then the claims are checked again.
  const setSourceIds = useCallback(
    (sourceIds: string[]) => {
      setMeta((current) => ({ ...current, sourceIds }));
      editMeta({ sourceIds });
      void flush().then((saved) => saved && recheck());
    },
    [editMeta, flush, recheck],
  );

  const failed = autosave.state.kind === 'error' ? autosave.state : null;
  const gone = outside === 'removed' || outside === 'damaged' || failed?.code === 'not-found' || failed?.code === 'damaged';
  const conflict = !gone && (autosave.state.kind === 'conflict' || outside === 'changed');
  const leaveUnsaved = useLeaveUnsaved({ id: article.id, meta, editorRef, autosave, gone, onLeave: onLeaveUnsaved });

  const header = (
    <ArticleHeader
      meta={meta}
      readOnly={leaving || approved}
      autoFocusHeadline={article.meta.headline === ''}
      suggestions={suggestions}
      onEdit={edit}
      workflow={
        <>
          <WorkflowBar disabled={leaving} onError={setActionError} />
          <ApprovedLock
            disabled={leaving}
            onReopened={(typedInto) =>
              // Once the text is editable again (the next frame), where the writer was typing.
              requestAnimationFrame(() =>
                typedInto && typedInto !== editorRef.current?.getRootElement() ? typedInto.focus() : editorRef.current?.focus(),
              )
            }
          />
        </>
      }
      actions={
        <>
          <ReviewToggle />
          <ArticleActions
            id={article.id}
            slug={slug}
            slugLocked={meta.slugLocked}
            flush={flush}
            change={autosave.change}
            onRenamed={(locked) => setMeta((m) => ({ ...m, slugLocked: locked }))}
            onDeleted={(trashId) => onDeleted({ trashId, headline: meta.headline })}
            onDuplicated={onOpen}
          />
        </>
      }
    />
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
      <ArticleNotices
        gone={outside === 'damaged' ? 'damaged' : gone ? 'removed' : null}
        conflict={conflict}
        saveError={failed && !gone ? failed : null}
        info={info}
        actionError={actionError}
        onSaveAsNew={() => void run(choices.saveAsNew)}
        onLoadTheirs={() => void run(choices.loadTheirs)}
        onKeepMine={() => void run(choices.keepMine)}
        onTryNow={() => void flush()}
        onDismissInfo={() => setInfo(null)}
        leaving={leaveUnsaved}
        conflictDiff={conflict ? <ConflictDiff id={article.id} currentText={currentText} /> : null}
      />
      {recovery.offer && <RecoveryNotice offer={recovery.offer} onRecover={() => void run(recovery.recover)} onDiscard={recovery.discard} />}
      <ReviewContext.Provider value={review}>
        <ArticleSourcesProvider attachedIds={meta.sourceIds} readOnly={leaving || approved} onChange={setSourceIds}>
          <ArticleEditor
            header={header}
            aside={review.mode ? <ReviewPanel /> : <SourcesPanel />}
            footer={<RelatedSection id={article.id} readOnly={leaving || approved} change={autosave.change} onOpen={onOpen} />}
            plugins={
              <>
                <ClaimHighlightsPlugin />
                <FindReplacePlugin fields={findFields} />
                <CountsPlugin onCounts={setCounts} />
                <OutlinePlugin onOutline={setOutline} />
              </>
            }
            editable={!approved}
            language={meta.language}
            body={article.body}
            onChange={onBody}
            editorRef={editorRef}
          />
        </ArticleSourcesProvider>
        <ReviewerNameDialog />
      </ReviewContext.Provider>
      <ArticleVersions id={article.id} meta={meta} editorRef={editorRef} autosave={autosave} canRestore={!approved && !leaving} replace={replace} />
      <StatusBar
        article={counts.article}
        selection={counts.selection}
        outline={<OutlineMenu entries={outline} onJump={(key) => editorRef.current && jumpToSubhead(editorRef.current, key)} />}
        save={gone ? { kind: 'error', code: 'not-found', message: 'The article’s file is gone or unreadable.' } : autosave.state}
        slug={slug}
      />
    </div>
  );
}
