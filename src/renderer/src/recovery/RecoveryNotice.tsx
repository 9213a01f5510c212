/** The offer of unsaved text left by a page or app that was closed before it could save. */
import './RecoveryNotice.css';
import type { RecoveryRecord } from './recovery-store';

function timeLabel(at: number): string {
  return new Date(at).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function RecoveryNotice({ offer, onRecover, onDiscard }: { offer: RecoveryRecord; onRecover: () => void; onDiscard: () => void }) {
  return (
    <section className="banner banner--info recovery-notice" aria-labelledby="recovery-title" data-testid="recovery-notice">
      <div>
        <h2 id="recovery-title" className="recovery-notice__title">
          Recover unsaved text from {timeLabel(offer.at)}
        </h2>
        <p className="recovery-notice__preview">{offer.preview || '(only the fields changed)'}</p>
        <p className="recovery-notice__hint">The window closed before these edits reached the file. Recovering keeps the file’s text in the versions list.</p>
      </div>
      <button type="button" className="primary" onClick={onRecover}>
        Recover
      </button>
      <button type="button" onClick={onDiscard}>
        Discard
      </button>
    </section>
  );
}
