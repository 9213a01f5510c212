/**
 * Deleting a source: asked once, then sent. A source the library knows to be cited is
 * offered only "Detach from all and delete" (their attributions to it taken away, the words
 * kept), with the citing articles named. Should the workspace still refuse (an article
 * began citing it meanwhile), the refusal names the articles and offers the same.
 */
import { useState } from 'react';
import type { ArticleListItem } from '../../../shared/article';
import { ApiError } from '../../../shared/errors';
import { api } from '../api';
import type { DeletedReport } from './SourceDetail';
import { useSourceLibrary } from './SourceLibraryProvider';

interface DeleteSourceProps {
  id: string;
  title: string;
  citing: readonly ArticleListItem[];
  onOpenArticle: (id: string) => void;
  onDeleted: (report: DeletedReport) => void;
}

/** An article the refusal names: its file (`articles/<slug>.json`) and headline. */
interface Named {
  slug: string;
  headline: string;
  id: string | null;
}

type Step = { kind: 'idle' } | { kind: 'confirm' } | { kind: 'busy' } | { kind: 'refused'; message: string; articles: Named[] } | { kind: 'error'; message: string };

export function DeleteSource({ id, title, citing, onOpenArticle, onDeleted }: DeleteSourceProps) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const { refresh } = useSourceLibrary();

  const remove = async (detach: boolean) => {
    setStep({ kind: 'busy' });
    try {
      const { detachedFrom } = await api.sources.delete({ id, detach });
      await refresh();
      onDeleted({ title, detachedFrom });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') {
        const articles = (error.issues ?? []).map((issue) => {
          const slug = issue.path.replace(/^articles\//, '').replace(/\.json$/, '');
          return { slug, headline: issue.message, id: citing.find((a) => a.slug === slug)?.id ?? null };
        });
        setStep({ kind: 'refused', message: error.message, articles });
      } else {
        setStep({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    }
  };

  if (step.kind === 'refused') {
    return (
      <div className="banner banner--warning delete-source" role="alert">
        <span>Not deleted: {step.message}</span>
        <ul className="delete-source__articles">
          {step.articles.map((article) => (
            <li key={article.slug}>
              {article.id ? (
                <button type="button" className="link-button" onClick={() => onOpenArticle(article.id!)}>
                  {article.headline || article.slug}
                </button>
              ) : (
                article.headline || article.slug
              )}
              <span className="muted">articles/{article.slug}.json</span>
            </li>
          ))}
        </ul>
        <div className="delete-source__buttons">
          <button type="button" onClick={() => setStep({ kind: 'idle' })}>
            Keep the source
          </button>
          <button type="button" className="danger-button" onClick={() => void remove(true)}>
            Delete and detach from all
          </button>
        </div>
      </div>
    );
  }

  if ((step.kind === 'confirm' || step.kind === 'busy') && citing.length > 0) {
    // A plain delete would be refused: offer only what can succeed.
    return (
      <div className="delete-source delete-source--confirm" role="group" aria-label="Delete source">
        <p>
          Delete “{title}”? Cited by {citing.length === 1 ? '1 article' : `${citing.length} articles`}; deleting it takes their
          attributions to it away and keeps the words. Its file moves to the workspace’s trash (.copydesk/trash).
        </p>
        <ul className="delete-source__articles">
          {citing.map((article) => (
            <li key={article.id}>
              <button type="button" className="link-button" onClick={() => onOpenArticle(article.id)}>
                {article.headline || article.slug}
              </button>
              <span className="muted">articles/{article.slug}.json</span>
            </li>
          ))}
        </ul>
        <div className="delete-source__buttons">
          <button type="button" disabled={step.kind === 'busy'} onClick={() => setStep({ kind: 'idle' })}>
            Cancel
          </button>
          <button type="button" className="danger-button" disabled={step.kind === 'busy'} onClick={() => void remove(true)}>
            {step.kind === 'busy' ? 'Deleting…' : 'Detach from all and delete'}
          </button>
        </div>
      </div>
    );
  }

  if (step.kind === 'confirm' || step.kind === 'busy') {
    return (
      <div className="delete-source delete-source--confirm">
        <p>Delete “{title}”? Its file moves to the workspace’s trash (.copydesk/trash).</p>
        <div className="delete-source__buttons">
          <button type="button" disabled={step.kind === 'busy'} onClick={() => setStep({ kind: 'idle' })}>
            Cancel
          </button>
          <button type="button" className="danger-button" disabled={step.kind === 'busy'} onClick={() => void remove(false)}>
            {step.kind === 'busy' ? 'Deleting…' : 'Delete'}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="delete-source">
      {step.kind === 'error' && (
        <p className="form-error" role="alert">
          {step.message}
        </p>
      )}
      <button type="button" className="danger-button" onClick={() => setStep({ kind: 'confirm' })}>
        Delete source…
      </button>
    </div>
  );
}
