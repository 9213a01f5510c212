/** Articles moved to the trash, each restorable to the library. */
import { useCallback, useEffect, useState } from 'react';
import type { TrashedArticle } from '../../../shared/article';
import { api } from '../api';
import { relativeTime } from '../format';
import './TrashPane.css';

export function TrashPane({ onRestored }: { onRestored: (id: string) => void }) {
  const [items, setItems] = useState<TrashedArticle[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => setItems((await api.trash.list({})).items), []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="trash-pane">
      <h2>Trash</h2>
      <p className="muted">Deleted articles stay here, in .copydesk/trash, until you restore them.</p>
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
          </li>
        ))}
      </ul>
    </div>
  );
}
