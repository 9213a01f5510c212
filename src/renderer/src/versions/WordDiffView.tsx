/** A word diff shown as text: removed words struck through, added words underlined, each named for a screen reader. */
import type { WordDiff } from './word-diff';
import './WordDiffView.css';

export function WordDiffView({ diff, label }: { diff: WordDiff; label: string }) {
  if (diff.tooLarge) return <p className="word-diff__note">These texts differ too much to compare word by word.</p>;
  return (
    <div className="word-diff" role="document" aria-label={label} tabIndex={0}>
      {diff.runs.map((run, i) =>
        run.kind === 'same' ? (
          <span key={i}>{run.text}</span>
        ) : run.kind === 'added' ? (
          <ins key={i} className="word-diff__added">
            <span className="visually-hidden">[added: </span>
            {run.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : (
          <del key={i} className="word-diff__removed">
            <span className="visually-hidden">[removed: </span>
            {run.text}
            <span className="visually-hidden">]</span>
          </del>
        ),
      )}
    </div>
  );
}
