/**
 * The article's versions: the list (when, why it was kept, size, words, the start of its
 * text) and, for the one picked, a word-level compare with the text on screen now, and
 * Restore, which makes it the current text as a new save (the text it replaces is kept as
 * a version first, so nothing is lost).
 */
import { useEffect, useMemo, useState } from 'react';
import { versionKindLabel, type ArticleVersion, type ArticleVersionSummary } from '../../../shared/article-version';
import { api } from '../api';
import { formatBytes, formatCount, relativeTime } from '../format';
import { Dialog } from '../shell/Dialog';
import { changesOnly, comparableText, wordDiff } from './word-diff';
import { TeamCommits } from '../team/TeamCommits';
import { WordDiffView } from './WordDiffView';
import './VersionsDialog.css';

interface VersionsDialogProps {
  id: string;
  /** The article's words on screen now (headline, dek, body), to compare with. */
  currentText: () => string;
  /** False for approved copy, which is reopened before anything is restored. */
  canRestore: boolean;
  /** Restores the version; throws what went wrong. */
  onRestore: (versionId: string) => Promise<void>;
  onClose: () => void;
}

function timeLabel(iso: string): string {
  const date = new Date(iso);
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function VersionsDialog({ id, currentText, canRestore, onRestore, onClose }: VersionsDialogProps) {
  const [versions, setVersions] = useState<ArticleVersionSummary[] | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [version, setVersion] = useState<ArticleVersion | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [whole, setWhole] = useState(false);
  const now = useMemo(() => currentText(), [currentText]);

  useEffect(() => {
    let live = true;
    api.articles
      .versions({ id })
      .then(({ versions: list }) => {
        if (!live) return;
        setVersions(list);
        setPicked(list.find((v) => v.readable)?.versionId ?? null);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => {
    if (!picked) return;
    let live = true;
    setVersion(null);
    api.articles
      .version({ id, versionId: picked })
      .then((v) => live && setVersion(v))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [id, picked]);

  const full = useMemo(() => (version ? wordDiff(comparableText(version.meta, version.text), now) : null), [version, now]);
  const diff = useMemo(() => (full && !whole ? { ...full, runs: changesOnly(full.runs) } : full), [full, whole]);

  const restore = async () => {
    if (!version) return;
    setBusy(true);
    try {
      await onRestore(version.versionId);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Versions" subtitle="Kept as you work, before each status change and before a restore." onClose={onClose} className="versions-dialog">
      {error && (
        <p className="banner banner--warning" role="alert">
          {error}
        </p>
      )}
      {versions === null && !error && <p className="muted">Reading the versions…</p>}
      {versions?.length === 0 && <p className="versions__empty">No earlier versions yet. One is kept once your edits settle, at most every few minutes.</p>}
      {versions && versions.length > 0 && (
        <div className="versions">
          <ol className="versions__list" aria-label="Versions, newest first">
            {versions.map((v) => (
              <li key={v.versionId}>
                <button
                  type="button"
                  className="versions__item"
                  aria-pressed={picked === v.versionId}
                  disabled={!v.readable}
                  onClick={() => setPicked(v.versionId)}
                >
                  <span className="versions__time">
                    {timeLabel(v.at)} <span className="muted">· {relativeTime(v.at)}</span>
                  </span>
                  <span className="versions__kind">{v.readable ? versionKindLabel(v.kind) : 'Cannot be read'}</span>
                  <span className="versions__size">
                    {formatCount(v.words, 'word', 'words')} · {formatBytes(v.size)}
                  </span>
                  <span className="versions__preview">{v.headline ? `${v.headline} — ` : ''}{v.preview || '(no text)'}</span>
                </button>
              </li>
            ))}
          </ol>
          <section className="versions__compare" aria-label="Compare with the current text" data-testid="version-compare">
            {!version && <p className="muted">Opening the version…</p>}
            {version && diff && (
              <>
                <div className="versions__compare-head">
                  <p>
                    <strong>{timeLabel(version.at)}</strong> compared with the text now:{' '}
                    {diff.added || diff.removed ? (
                      <>
                        <span className="versions__added">{formatCount(diff.added, 'word', 'words')} added</span>,{' '}
                        <span className="versions__removed">{formatCount(diff.removed, 'word', 'words')} removed</span> since.
                      </>
                    ) : (
                      'the same words.'
                    )}
                  </p>
                  <button type="button" className="primary" disabled={busy || !canRestore} onClick={() => void restore()}>
                    Restore this version
                  </button>
                </div>
                {!canRestore && <p className="muted">This article is approved: reopen it for editing to restore a version.</p>}
                <label className="versions__whole">
                  <input type="checkbox" checked={whole} onChange={(e) => setWhole(e.target.checked)} /> Show the whole text, not only the changes
                </label>
                {diff.added || diff.removed || whole ? (
                  <WordDiffView diff={diff} label="Changes from this version to the text now" />
                ) : (
                  <p className="muted">No word differs (the version may differ in its fields or formatting). Tick the box to read its text.</p>
                )}
              </>
            )}
          </section>
        </div>
      )}
      <TeamCommits id={id} />
    </Dialog>
  );
}
