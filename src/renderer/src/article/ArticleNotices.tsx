/**
 * The notices above an open article: its file gone or unreadable, changed on disk while
 * edits were pending here, a save that failed, a note (updated from disk), an action that
 * failed. Each says what happened and offers what can be done; a failure that will not
 * pass offers a way out, "Leave without saving" (a copy kept in the history first).
 */
import type { ReactNode } from 'react';
import { RETRYABLE_ERROR_CODES, type ApiErrorCode } from '../../../shared/errors';
import type { useLeaveUnsaved } from './use-leave-unsaved';
import './ArticleNotices.css';

interface ArticleNoticesProps {
  /** The file is gone (moved or removed) or was made unreadable by another program. */
  gone: null | 'removed' | 'damaged';
  /** The file was changed on disk while edits were pending here. */
  conflict: boolean;
  /** The last save failed (other than by a conflict, or the file being gone). */
  saveError: { message: string; code: ApiErrorCode } | null;
  info: string | null;
  actionError: string | null;
  onSaveAsNew: () => void;
  onLoadTheirs: () => void;
  onKeepMine: () => void;
  onTryNow: () => void;
  onDismissInfo: () => void;
  leaving: ReturnType<typeof useLeaveUnsaved>;
  /** What differs between the version on disk and the one on screen, shown in the conflict banner. */
  conflictDiff?: ReactNode;
}

export function ArticleNotices(props: ArticleNoticesProps) {
  const { gone, conflict, saveError, info, actionError, leaving } = props;
  const leaveButton = (
    <button type="button" disabled={leaving.busy} onClick={() => void leaving.leave()}>
      Leave without saving
    </button>
  );
  return (
    <div className="article-notices">
      {gone && (
        <div className="banner banner--warning" role="alert">
          <span>
            {gone === 'damaged'
              ? 'This article’s file was changed by another program into something Copydesk cannot read.'
              : 'This article’s file was moved or removed by another program.'}{' '}
            Your text is still here.
          </span>
          <button type="button" onClick={props.onSaveAsNew}>
            Save as a new article
          </button>
          {leaveButton}
        </div>
      )}
      {conflict && (
        <div className="banner banner--warning" role="alert">
          <span>
            This article was changed on disk by another program while you were editing. Whichever you choose, the other
            version is kept in the article’s history (.copydesk/history).
          </span>
          <button type="button" onClick={props.onLoadTheirs}>
            Load the version on disk
          </button>
          <button type="button" onClick={props.onKeepMine}>
            Keep mine
          </button>
          {props.conflictDiff}
        </div>
      )}
      {saveError && (
        <div className="banner banner--warning" role="alert">
          <span>
            Not saved: {saveError.message}{' '}
            {RETRYABLE_ERROR_CODES.has(saveError.code)
              ? 'Copydesk will try again by itself; your text is still here.'
              : 'Your text is still here.'}
          </span>
          <button type="button" onClick={props.onTryNow}>
            Try now
          </button>
          {!RETRYABLE_ERROR_CODES.has(saveError.code) && leaveButton}
        </div>
      )}
      {leaving.problem && (
        <div className="banner banner--warning" role="alert">
          <span>
            No copy could be kept either: {leaving.problem} Leaving now loses the edits on screen; copy the text first if you need it.
          </span>
          <button type="button" onClick={() => void leaving.copyText()}>
            {leaving.copied ? 'Copied' : 'Copy the text'}
          </button>
          <button type="button" onClick={leaving.leaveAnyway}>
            Leave anyway
          </button>
          <button type="button" onClick={leaving.stay}>
            Stay
          </button>
        </div>
      )}
      {info && (
        <div className="banner banner--info" role="status">
          <span>{info}</span>
          <button type="button" onClick={props.onDismissInfo}>
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
}
