/**
 * What differs between the article on disk (changed by another program) and the text on
 * screen, word by word, shown in the conflict banner before the choice is made.
 */
import { useEffect, useState } from 'react';
import { plainTextFromBody } from '../../../document/plain-text';
import { api } from '../api';
import { formatCount } from '../format';
import { changesOnly, comparableText, wordDiff, type WordDiff } from './word-diff';
import { WordDiffView } from './WordDiffView';

export function ConflictDiff({ id, currentText }: { id: string; currentText: () => string }) {
  const [diff, setDiff] = useState<WordDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.articles
      .get({ id })
      .then((theirs) => live && setDiff(wordDiff(comparableText(theirs.meta, plainTextFromBody(theirs.body)), currentText())))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
    // Compared once, when the conflict is met.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  if (error) return <p className="conflict-diff__note">The version on disk cannot be read to compare: {error}</p>;
  if (!diff) return <p className="conflict-diff__note">Comparing the two versions…</p>;
  return (
    <details className="conflict-diff" open data-testid="conflict-diff">
      <summary>
        What differs: {diff.added || diff.removed ? `${formatCount(diff.removed, 'word', 'words')} only on disk, ${formatCount(diff.added, 'word', 'words')} only here` : 'the words are the same (only formatting or other fields differ)'}
      </summary>
      <p className="conflict-diff__note">Struck through: only in the version on disk. Underlined: only in yours.</p>
      <div className="conflict-diff__text">
        <WordDiffView diff={{ ...diff, runs: changesOnly(diff.runs) }} label="Differences between the version on disk and yours" />
      </div>
    </details>
  );
}
