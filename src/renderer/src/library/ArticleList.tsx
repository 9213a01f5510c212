/**
 * The library sidebar: every article with its kicker, headline, status and age; files
 * that cannot be read are listed apart, with the reason, and are never touched.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { ArticleSummary, DamagedFile } from '../../../shared/article';
import { formatCount, relativeTime, statusLabel } from '../format';
import './ArticleList.css';

/** Up and down arrows move between the items of the list, as in a file list. */
function moveFocusWithArrows(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.library__item')];
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  event.preventDefault();
  items[Math.max(0, Math.min(items.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
}

interface ArticleListProps {
  articles: ArticleSummary[];
  damaged: DamagedFile[];
  selectedId: string | null;
  selectedDamaged: string | null;
  onSelect: (id: string) => void;
  onSelectDamaged: (slug: string) => void;
}

export function ArticleList({ articles, damaged, selectedId, selectedDamaged, onSelect, onSelectDamaged }: ArticleListProps) {
  // "just now" becomes "5 min ago" without anything else happening.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <nav className="library" aria-label="Articles" onKeyDown={moveFocusWithArrows}>
      <ul className="library__list">
        {articles.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className={`library__item${a.id === selectedId ? ' library__item--selected' : ''}`}
              aria-current={a.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(a.id)}
            >
              {(a.kicker || a.section) && <span className="library__kicker">{[a.kicker, a.section].filter(Boolean).join(' · ')}</span>}
              <span className={`library__headline${a.headline ? '' : ' library__headline--empty'}`}>{a.headline || 'Untitled'}</span>
              <span className="library__meta">
                <span className={`pill status--${a.status}`}>{statusLabel(a.status)}</span>
                <span>{formatCount(a.words, 'word', 'words')}</span>
                <span title={a.updatedAt}>{relativeTime(a.updatedAt, now)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {damaged.length > 0 && (
        <section className="library__damaged" aria-label="Files that cannot be read">
          <h3>Cannot be read ({damaged.length})</h3>
          <ul>
            {damaged.map((d) => (
              <li key={d.slug}>
                <button
                  type="button"
                  className={`library__item library__item--damaged${d.slug === selectedDamaged ? ' library__item--selected' : ''}`}
                  onClick={() => onSelectDamaged(d.slug)}
                  title={d.reason}
                >
                  <span className="library__headline">⚠ {d.file}</span>
                  <span className="library__meta">{d.reason}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </nav>
  );
}
