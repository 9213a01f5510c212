/**
 * Articles moved to the trash, each restorable to the library, or deleted for good (after
 * a confirmation; the links other articles had to it are removed, and named).
 */
import { useCallback, useEffect, useState } from 'react';
import type { TrashedArticle } from '../../../shared/article';
import { api } from '../api';
import { relativeTime } from '../format';
import './TrashPane.css';

export function TrashPane({ onRestored }: { onRestored: (id: string) => void }) {
  const [items, setItems] = useState<TrashedArticle[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The item whose deletion for good waits for a confirmation. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const load = useCallback(async () => setItems((await api.trash.list({})).items), []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="trash-pane">
      <h2>Trash</h2>
      <p className="muted">Deleted articles stay here, in .copydesk/trash, until you restore them or delete them for good.</p>
      {report && (
        <p className="banner banner--info" role="status">
          {report}
        </p>
      )}
      {error && (
        <p className="banner banner--warning" role="alert">
          {error}
        </p>
      )}
      {items?.length === 0 && <p className="muted">The trash is empty.</p>}
      <ul className="trash-list">
        {items?.map((item) => (
          <li key={item.trashId}>
            <div>
              <div className="trash-list__headline">{item.headline || 'Untitled'}</div>
              <div className="muted">
                {item.slug}.json · deleted {relativeTime(item.deletedAt)}
              </div>
            </div>
            <button
              type="button"
              disabled={!item.id}
              onClick={async () => {
                try {
                  const restored = await api.trash.restore({ trashId: item.trashId });
                  onRestored(restored.id);
                } catch (e) {
                  setError(e instanceof Error ? e.message : String(e));
                  await load();
                }
              }}
            >
              Restore
            </button>
            {confirming === item.trashId ? (
              <span className="trash-list__confirm" role="group" aria-label={`Delete “${item.headline || 'Untitled'}” for good`}>
                <span>It cannot be restored; links to it from other articles are removed.</span>
                <button type="button" onClick={() => setConfirming(null)}>
                  Keep
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={async () => {
                    setConfirming(null);
                    try {
                      const { removedLinks } = await api.trash.purge({ trashId: item.trashId });
                      const from = removedLinks.map((l) => `“${l.headline || 'Untitled'}”`).join(', ');
                      setReport(
                        `“${item.headline || 'Untitled'}” is deleted for good. ${removedLinks.length ? `Its links were removed from ${from}.` : 'No other article linked to it.'}`,
                      );
                      setError(null);
                    } catch (e) {
                      setError(e instanceof Error ? e.message : String(e));
                    }
                    await load();
                  }}
                >
                  Delete for good
                </button>
              </span>
            ) : (
              <button type="button" className="link-button" onClick={() => setConfirming(item.trashId)}>
                Delete for good…
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
