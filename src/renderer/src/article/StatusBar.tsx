/**
 * The bottom bar: the outline, the article's counts (or the selection's), where the file
 * is, and whether it is saved. The save state is not a live region: a failure is announced
 * by the notice above the article (an alert), and "Saving…" is never read out at every pause.
 */
import type { ReactNode } from 'react';
import type { TextCounts } from '../editor/counts/text-counts';
import { formatCount } from '../format';
import type { SaveState } from './use-autosave';
import './StatusBar.css';

function saveLabel(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return 'Saved';
    case 'unsaved':
      return 'Edited';
    case 'saving':
      return 'Saving…';
    case 'error':
      return 'Not saved';
    case 'conflict':
      return 'Not saved: changed on disk';
  }
}

function countsLabel(counts: TextCounts): string {
  return `${formatCount(counts.characters, 'character', 'characters')} · ${counts.minutes} min read`;
}

interface StatusBarProps {
  article: TextCounts;
  selection: TextCounts | null;
  save: SaveState;
  slug: string;
  /** The outline's button, at the start of the bar. */
  outline?: ReactNode;
}

export function StatusBar({ article, selection, save, slug, outline }: StatusBarProps) {
  const failed = save.kind === 'error' || save.kind === 'conflict';
  return (
    <footer className="status-bar">
      {outline}
      {selection ? (
        <span className="status-bar__selection" data-testid="selection-count">
          Selected: {formatCount(selection.words, 'word', 'words')} of {article.words.toLocaleString('en-US')} · {countsLabel(selection)}
        </span>
      ) : (
        <>
          <span data-testid="word-count">{formatCount(article.words, 'word', 'words')}</span>
          <span data-testid="char-count">{formatCount(article.characters, 'character', 'characters')}</span>
          <span>{article.minutes} min read</span>
        </>
      )}
      <span className="status-bar__file" title="The article file in your workspace">
        articles/{slug}.json
      </span>
      <span className={`save-state save-state--${save.kind}`} data-testid="save-state" title={failed ? save.message : undefined}>
        {saveLabel(save)}
      </span>
    </footer>
  );
}
