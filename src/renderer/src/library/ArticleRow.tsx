/**
 * One row of the library list: kicker and section, headline (two lines at most), status,
 * length and age. Memoized on the summary object, so a save redraws only its own row.
 */
import { memo } from 'react';
import type { ArticleListItem } from '../../../shared/article';
import { formatCount, relativeTime, statusLabel } from '../format';
import { ArticlePresence } from '../team/ArticlePresence';

interface ArticleRowProps {
  article: ArticleListItem;
  selected: boolean;
  /** The list's one Tab stop. */
  tabbable: boolean;
  now: number;
  onOpen: (id: string) => void;
  onFocusRow: (id: string) => void;
}

export const ArticleRow = memo(function ArticleRow({ article: a, selected, tabbable, now, onOpen, onFocusRow }: ArticleRowProps) {
  const openClaims = a.openClaims ?? 0;
  return (
    <button
      type="button"
      className={`library__item${selected ? ' library__item--selected' : ''}`}
      aria-current={selected ? 'true' : undefined}
      tabIndex={tabbable ? 0 : -1}
      data-id={a.id}
      title={a.headline || undefined}
      onClick={() => onOpen(a.id)}
      onFocus={() => onFocusRow(a.id)}
    >
      <span className="library__kicker">{[a.kicker, a.section].filter(Boolean).join(' · ')}</span>
      <span className={`library__headline${a.headline ? '' : ' library__headline--empty'}`}>{a.headline || 'Untitled'}</span>
      <span className="library__meta">
        <span className={`pill status--${a.status}`}>{statusLabel(a.status)}</span>
        <span>{formatCount(a.words, 'word', 'words')}</span>
        <span title={a.updatedAt}>{relativeTime(a.updatedAt, now)}</span>
        {openClaims > 0 && (
          // One word a piece: when the row is narrow, the last words drop whole (the title keeps the full text).
          <span className="library__claims" title={`${formatCount(openClaims, 'claim', 'claims')} open: quotes and figures no source backs yet`}>
            {`${formatCount(openClaims, 'claim', 'claims')} open`.split(' ').map((word, i) => (
              <span key={i}>{i ? ` ${word}` : word}</span>
            ))}
          </span>
        )}
        <ArticlePresence slug={a.slug} />
      </span>
    </button>
  );
});
