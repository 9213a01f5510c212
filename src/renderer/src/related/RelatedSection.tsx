/**
 * Below the article's text: the articles it relates to (a picker with search adds one),
 * the ones that relate to it ("Related to this"), links to trashed or deleted articles
 * shown as broken, and "You may relate": the top suggestions with why (shared words, tags,
 * sources, section), each accepted with one click.
 *
 * A link is written into this article's file, so it goes through the autosave's `change`
 * (pending edits first, then the link on top of the revision saved): typing and linking
 * never conflict.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { RelatedArticle, RelatedLinks, RelatedSuggestion } from '../../../shared/library';
import { api } from '../api';
import type { SaveResult } from '../article/use-autosave';
import { statusLabel } from '../format';
import { RelatedPicker } from './RelatedPicker';
import './RelatedSection.css';

interface RelatedSectionProps {
  id: string;
  readOnly: boolean;
  /** The autosave's change: saves what is pending, then applies a change of its own call. */
  change: (apply: (baseRevision: string) => Promise<SaveResult>) => Promise<SaveResult>;
  onOpen: (id: string) => void;
}

const SUGGESTIONS = 5;

export function RelatedSection({ id, readOnly, change, onOpen }: RelatedSectionProps) {
  const [links, setLinks] = useState<RelatedLinks | null>(null);
  const [suggestions, setSuggestions] = useState<RelatedSuggestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [found, suggested] = await Promise.all([api.articles.related({ id }), api.related.suggest({ id })]);
      setLinks(found);
      setSuggestions(suggested.suggestions.slice(0, SUGGESTIONS));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [id]);

  useEffect(() => {
    void load();
    // Another article linking to this one (or being trashed, restored, deleted) shows here too.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = api.on('library.changed', ({ changes }) => {
      if (changes.every((c) => c.id === id)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void load(), 400);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [id, load]);

  /** Links or unlinks, then shows the links as the host now has them. */
  const link = async (otherId: string, relate: boolean) => {
    setBusy(true);
    setError(null);
    try {
      // The links as the host has them after the change, kept aside from the save result.
      const after: { links?: RelatedLinks } = {};
      await change(async (baseRevision) => {
        const answer = relate ? await api.articles.relate({ id, otherId, baseRevision }) : await api.articles.unrelate({ id, otherId, baseRevision });
        after.links = { related: answer.related, backlinks: answer.backlinks };
        return answer;
      });
      if (after.links) setLinks(after.links);
      setSuggestions((current) => current?.filter((s) => s.id !== otherId) ?? null);
      void api.related.suggest({ id }).then((r) => setSuggestions(r.suggestions.slice(0, SUGGESTIONS)), () => undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const related = links?.related ?? [];
  const linkedIds = new Set([id, ...related.map((r) => r.id)]);
  const backlinks = links?.backlinks ?? [];
  return (
    <section className="related" aria-labelledby={`related-${id}`}>
      <div className="related__head">
        <h2 id={`related-${id}`} className="related__title">
          Related
        </h2>
        {!readOnly && !picking && (
          <button type="button" onClick={() => setPicking(true)} disabled={busy}>
            Add related article…
          </button>
        )}
      </div>
      {error && (
        <p className="banner banner--warning" role="alert">
          {error}
        </p>
      )}
      {picking && (
        <RelatedPicker
          exclude={linkedIds}
          onPick={(otherId) => {
            setPicking(false);
            void link(otherId, true);
          }}
          onClose={() => setPicking(false)}
        />
      )}
      {links && related.length === 0 && !picking && <p className="related__none">No related articles yet.</p>}
      {related.length > 0 && (
        <ul className="related__list" aria-label="Related articles">
          {related.map((r) => (
            <RelatedItem key={r.id} item={r} onOpen={onOpen} onRemove={readOnly ? undefined : () => void link(r.id, false)} busy={busy} />
          ))}
        </ul>
      )}
      {backlinks.length > 0 && (
        <>
          <h3 className="related__subtitle">Related to this</h3>
          <ul className="related__list" aria-label="Related to this">
            {backlinks.map((b) => (
              <RelatedItem key={b.id} item={b} onOpen={onOpen} busy={busy} onRelateBack={readOnly || linkedIds.has(b.id) ? undefined : () => void link(b.id, true)} />
            ))}
          </ul>
        </>
      )}
      {!readOnly && suggestions && suggestions.length > 0 && (
        <>
          <h3 className="related__subtitle">You may relate</h3>
          <ul className="related__list" aria-label="Suggested related articles">
            {suggestions.map((s) => (
              <SuggestionItem key={s.id} suggestion={s} busy={busy} onOpen={onOpen} onRelate={() => void link(s.id, true)} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Why an article is suggested, in a line: "Shares words: harbour, pilots · Tags: energy · Sources: Port report". */
export function reasonText(reasons: RelatedSuggestion['reasons']): string {
  const parts: string[] = [];
  if (reasons.terms.length) parts.push(`Shares words: ${reasons.terms.slice(0, 4).join(', ')}`);
  if (reasons.tags.length) parts.push(`Tags: ${reasons.tags.join(', ')}`);
  if (reasons.sources.length) parts.push(`Sources: ${reasons.sources.slice(0, 2).join(', ')}`);
  if (reasons.section) parts.push(`Section: ${reasons.section}`);
  return parts.join(' · ');
}

/**
 * A related article's headline, as a link that opens it (a link, not a button: the
 * library's rows are the buttons named by headlines).
 */
function ArticleLink({ id, labelId, headline, onOpen }: { id: string; labelId: string; headline: string; onOpen: (id: string) => void }) {
  return (
    <a
      href={`#article-${id}`}
      id={labelId}
      className="related__headline"
      onClick={(event) => {
        event.preventDefault();
        onOpen(id);
      }}
    >
      {headline || 'Untitled'}
    </a>
  );
}

/** A suggestion: its headline, why it is suggested, and Relate (named by the headline beside it). */
function SuggestionItem({ suggestion: s, busy, onOpen, onRelate }: { suggestion: RelatedSuggestion; busy: boolean; onOpen: (id: string) => void; onRelate: () => void }) {
  const labelId = useId();
  return (
    <li className="related__item related__item--suggestion">
      <div className="related__main">
        <ArticleLink id={s.id} labelId={labelId} headline={s.headline} onOpen={onOpen} />
        <span className="related__reasons">{reasonText(s.reasons)}</span>
      </div>
      <button type="button" disabled={busy} onClick={onRelate} aria-describedby={labelId}>
        Relate
      </button>
    </li>
  );
}

function RelatedItem({ item, onOpen, onRemove, onRelateBack, busy }: { item: RelatedArticle; onOpen: (id: string) => void; onRemove?: () => void; onRelateBack?: () => void; busy: boolean }) {
  const broken = item.state !== 'ok';
  const labelId = useId();
  return (
    <li className={`related__item${broken ? ' related__item--broken' : ''}`}>
      <div className="related__main">
        {item.state === 'ok' ? (
          <ArticleLink id={item.id} labelId={labelId} headline={item.headline} onOpen={onOpen} />
        ) : (
          <span className="related__headline" id={labelId}>
            {item.headline || 'An article'}
          </span>
        )}
        <span className="related__state">
          {item.state === 'trashed'
            ? '⚠ In the trash: the link comes back if it is restored'
            : item.state === 'missing'
              ? '⚠ Deleted: this link leads nowhere'
              : item.status
                ? statusLabel(item.status)
                : ''}
        </span>
      </div>
      {onRelateBack && (
        <button type="button" disabled={busy} onClick={onRelateBack} aria-describedby={labelId}>
          Relate back
        </button>
      )}
      {onRemove && (
        <button type="button" className="related__remove" disabled={busy} onClick={onRemove} aria-label="Remove link" aria-describedby={labelId} title="Remove the link">
          ×
        </button>
      )}
    </li>
  );
}
