/**
 * The workspace's tags with how many articles carry each, and renaming one across the
 * workspace (merging it into another when the new name is a tag already): first what will
 * change, then a report of what changed, with Undo (the reverse rename on the articles
 * changed).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TagCount, TagRenameResult } from '../../../shared/library';
import { api } from '../api';
import { formatCount } from '../format';
import { Dialog } from '../shell/Dialog';
import { foldForMatch } from '../shell/fuzzy-match';
import './TagManager.css';

type Step =
  | { kind: 'list' }
  | { kind: 'rename'; tag: TagCount }
  | { kind: 'working'; message: string }
  | { kind: 'done'; from: string; to: string; result: TagRenameResult; undone: boolean };

export function TagManager({ onClose, onFilterByTag }: { onClose: () => void; onFilterByTag?: (tag: string) => void }) {
  const [tags, setTags] = useState<TagCount[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'list' });
  const [filter, setFilter] = useState('');

  const load = useCallback(
    () => api.tags.list({}).then((r) => setTags(r.tags), (e: unknown) => setError(e instanceof Error ? e.message : String(e))),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const rename = async (from: string, to: string, ids?: string[]) => {
    setError(null);
    setStep({ kind: 'working', message: `Renaming “${from}” to “${to}”…` });
    try {
      const result = await api.tags.rename(ids ? { from, to, ids } : { from, to });
      setStep({ kind: 'done', from, to, result, undone: !!ids });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setStep({ kind: 'list' });
    }
    void load();
  };

  const shown = useMemo(() => {
    const typed = foldForMatch(filter.trim());
    return (tags ?? []).filter((t) => !typed || foldForMatch(t.name).includes(typed));
  }, [tags, filter]);

  return (
    <Dialog title="Tags" subtitle={tags ? `${formatCount(tags.length, 'tag', 'tags')} in this workspace` : 'Loading…'} onClose={onClose} className="tag-manager">
      {error && (
        <p className="banner banner--warning" role="alert">
          {error}
        </p>
      )}
      {step.kind === 'list' && (
        <>
          <input className="tag-manager__filter" type="search" aria-label="Find a tag" placeholder="Find a tag" value={filter} onChange={(e) => setFilter(e.target.value)} />
          {tags && tags.length === 0 && <p className="muted">No article has a tag yet. Add tags under an article’s byline.</p>}
          <ul className="tag-manager__list" aria-label="Tags">
            {shown.map((tag) => (
              <li key={tag.name} className="tag-manager__row">
                <span className="tag-chip">{tag.name}</span>
                <span className="tag-manager__count">{formatCount(tag.count, 'article', 'articles')}</span>
                {onFilterByTag && (
                  <button type="button" className="link-button" onClick={() => onFilterByTag(tag.name)}>
                    Show
                  </button>
                )}
                <button type="button" onClick={() => setStep({ kind: 'rename', tag })} aria-label={`Rename or merge ${tag.name}`}>
                  Rename or merge…
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {step.kind === 'rename' && <RenameForm tag={step.tag} tags={tags ?? []} onCancel={() => setStep({ kind: 'list' })} onRename={(to) => void rename(step.tag.name, to)} />}
      {step.kind === 'working' && <p role="status">{step.message}</p>}
      {step.kind === 'done' && (
        <RenameReport
          step={step}
          onUndo={() => void rename(step.to, step.from, step.result.changed.map((c) => c.id))}
          onBack={() => setStep({ kind: 'list' })}
        />
      )}
    </Dialog>
  );
}

function RenameForm({ tag, tags, onCancel, onRename }: { tag: TagCount; tags: TagCount[]; onCancel: () => void; onRename: (to: string) => void }) {
  const [to, setTo] = useState(tag.name);
  const target = to.trim();
  const existing = tags.find((t) => t.name !== tag.name && foldForMatch(t.name) === foldForMatch(target));
  const unchanged = target === tag.name;
  return (
    <form
      className="tag-manager__form"
      onSubmit={(e) => {
        e.preventDefault();
        if (target && !unchanged) onRename(existing?.name ?? target);
      }}
    >
      <label className="tag-manager__field">
        <span>
          Rename <strong>{tag.name}</strong> to
        </span>
        <input autoFocus value={to} onChange={(e) => setTo(e.target.value)} list="tag-manager-names" aria-label="New name" />
        <datalist id="tag-manager-names">
          {tags
            .filter((t) => t.name !== tag.name)
            .map((t) => (
              <option key={t.name} value={t.name} />
            ))}
        </datalist>
      </label>
      <p className="tag-manager__effect" role="status">
        {!target
          ? 'A tag needs a name.'
          : unchanged
            ? 'Type the new name.'
            : existing
              ? `“${existing.name}” is a tag already (${formatCount(existing.count, 'article', 'articles')}): the ${formatCount(tag.count, 'article', 'articles')} tagged “${tag.name}” will carry “${existing.name}” instead, and “${tag.name}” will be gone.`
              : `The ${formatCount(tag.count, 'article', 'articles')} tagged “${tag.name}” will be tagged “${target}”. Each article file is rewritten.`}
      </p>
      <div className="tag-manager__actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!target || unchanged}>
          {existing ? `Merge into “${existing.name}”` : `Rename on ${formatCount(tag.count, 'article', 'articles')}`}
        </button>
      </div>
    </form>
  );
}

function RenameReport({ step, onUndo, onBack }: { step: Extract<Step, { kind: 'done' }>; onUndo: () => void; onBack: () => void }) {
  const { result, from, to, undone } = step;
  return (
    <div className="tag-manager__report" role="status">
      <p>
        {undone ? 'Undone: ' : ''}
        {result.changed.length === 0
          ? `No article changed.`
          : `“${from}” ${result.merged ? 'merged into' : 'renamed to'} “${to}” on ${formatCount(result.changed.length, 'article', 'articles')}.`}
      </p>
      {result.changed.length > 0 && (
        <ul className="tag-manager__changed" aria-label="Articles changed">
          {result.changed.map((c) => (
            <li key={c.id}>{c.headline || 'Untitled'}</li>
          ))}
        </ul>
      )}
      {result.failed.length > 0 && (
        <>
          <p className="tag-manager__failed">
            {formatCount(result.failed.length, 'article was', 'articles were')} left as they were; try again once they are fixed:
          </p>
          <ul className="tag-manager__changed" aria-label="Articles not changed">
            {result.failed.map((f) => (
              <li key={f.id}>
                {f.headline || 'Untitled'}: {f.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="tag-manager__actions">
        <button type="button" onClick={onBack}>
          Back to tags
        </button>
        {!undone && result.changed.length > 0 && (
          <button type="button" onClick={onUndo}>
            Undo
          </button>
        )}
      </div>
    </div>
  );
}
