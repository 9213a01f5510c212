/** The bottom bar: words, reading time, where the file is, and whether it is saved. */
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

export function StatusBar({ words, minutes, save, slug }: { words: number; minutes: number; save: SaveState; slug: string }) {
  return (
    <footer className="status-bar">
      <span data-testid="word-count">{formatCount(words, 'word', 'words')}</span>
      <span>{minutes} min read</span>
      <span className="status-bar__file" title="The article file in your workspace">
        articles/{slug}.json
      </span>
      <span
        className={`save-state save-state--${save.kind}`}
        data-testid="save-state"
        role="status"
        title={save.kind === 'error' || save.kind === 'conflict' ? save.message : undefined}
      >
        {saveLabel(save)}
      </span>
    </footer>
  );
}
