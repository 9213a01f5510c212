/**
 * Review in a workspace: an article's claims checked against the snapshots of its
 * sources, with the reviewers' decisions beside them; decisions recorded; the approval
 * gate. The check runs in the host process, off the renderer's thread, with one checker
 * whose caches (source indexes, per-paragraph claims) make a re-check after an edit cheap.
 */
import type { Article, ClaimDecision, LexicalBody, ReviewDecision } from '../../shared/article';
import { ApiError } from '../../shared/errors';
import type { ReviewCheck, ReviewedClaim } from '../../shared/review';
import { isOpenClaim } from '../../shared/review-rules';
import { attributedSourceIds } from '../../document/attribution-json';
import type { ArticleStore, SaveResult } from '../articles/article-store';
import type { SourceStore } from '../sources/source-store';
import { createReviewChecker } from './check-article';
import { reportHtml, reportMarkdown } from './review-report';
import type { CheckSource } from './review-types';

/** Claims that keep an article from being approved: not backed and undecided, or decided against. */
export function openClaims(claims: ReviewedClaim[]): ReviewedClaim[] {
  return claims.filter(isOpenClaim);
}

export class ReviewService {
  private readonly checker = createReviewChecker();
  /** Snapshots read, by source id, kept while the source file is unchanged. */
  private readonly snapshots = new Map<string, { key: string; source: CheckSource }>();

  constructor(
    private readonly articles: ArticleStore,
    private readonly sources: SourceStore,
    /** Told the open claims of an article's saved text (its revision), for the library's summaries. */
    private readonly counted: (id: string, revision: string, open: number) => void = () => undefined,
  ) {}

  /** Checks an article as saved, or the body on screen when given (unsaved edits included). */
  async check(id: string, body?: LexicalBody): Promise<ReviewCheck> {
    return this.checkArticle(await this.articles.get(id), body);
  }

  private async checkArticle(article: Article, body?: LexicalBody): Promise<ReviewCheck> {
    const text = body ?? article.body;
    const attached = article.meta.sourceIds;
    const named = [...new Set([...attached, ...attributedSourceIds(text)])];
    const sources = await this.load(named);
    const result = this.checker.check({ body: text, sources, attachedSourceIds: attached, language: article.meta.language });
    const latest = new Map<string, ReviewDecision>();
    for (const decision of article.review.decisions) latest.set(decision.claimId, decision);
    const claims: ReviewedClaim[] = result.claims.map((claim) => ({ ...claim, decision: latest.get(claim.id) ?? null }));
    // The count belongs to the saved text: a check of the text on screen counts when it is the same.
    const open = openClaims(claims).length;
    if (!body || body === article.body || JSON.stringify(body) === JSON.stringify(article.body)) this.counted(article.id, article.revision, open);
    // Sources named but not in the library (deleted, renamed) are the engine's to warn about.
    return {
      article: { id: article.id, slug: article.slug, headline: article.meta.headline, status: article.meta.status, revision: article.revision },
      claims,
      warnings: result.warnings,
      open,
      checkedAt: new Date().toISOString(),
    };
  }

  /** Records (or with null, clears) a reviewer's decision on a claim. */
  decide(request: { id: string; baseRevision: string; claimId: string; decision: ClaimDecision | null; comment?: string | undefined; by: string; text?: string | undefined }): Promise<SaveResult> {
    return this.articles.recordDecision(request);
  }

  /**
   * A status change through the approval gate: approving is refused while claims are open,
   * unless an override gives a reason (recorded with the change).
   */
  async setStatus(request: { id: string; baseRevision: string; status: 'draft' | 'in-review' | 'approved'; by?: string | undefined; note?: string | undefined; override?: string | undefined }): Promise<SaveResult> {
    if (request.status === 'approved') {
      const checked = await this.check(request.id);
      if (checked.article.revision !== request.baseRevision) {
        throw new ApiError('conflict', `“${checked.article.headline || checked.article.slug}” was changed on disk since this review began. Reload it, then approve again.`);
      }
      const open = openClaims(checked.claims);
      if (open.length && !request.override?.trim()) {
        throw new ApiError(
          'refused',
          `“${checked.article.headline || checked.article.slug}” has ${open.length} open claim${open.length === 1 ? '' : 's'} (not backed by a source and not verified, or disputed). Resolve ${open.length === 1 ? 'it' : 'them'}, or approve with a written reason.`,
          open.map((c) => ({ path: c.id, message: `${c.kind} “${c.text}”: ${c.decision ? c.decision.decision : c.status}` })),
        );
      }
      if (!open.length) request = { ...request, override: undefined };
    }
    return this.articles.setStatus(request);
  }

  /** The review report of an article, as Markdown or HTML. */
  async report(id: string, format: 'md' | 'html'): Promise<{ text: string; fileName: string }> {
    // One read of the article for both the check and its history.
    const article = await this.articles.get(id);
    const check = await this.checkArticle(article);
    const sourceTitles = new Map(this.sources.list().sources.map((s) => [s.id, s.title]));
    const input = { check, sourceTitles, history: article.review.history ?? [], body: article.body };
    return { text: format === 'md' ? reportMarkdown(input) : reportHtml(input), fileName: `${article.slug}-review.${format}` };
  }

  /** The sources a check names, from their files, re-read only when a file changed. */
  private async load(ids: string[]): Promise<CheckSource[]> {
    const loaded: CheckSource[] = [];
    for (const id of ids) {
      const entry = this.sources.folder.registry.byId(id);
      if (!entry) continue;
      const key = `${entry.mtimeMs}:${entry.size}:${entry.revision}`;
      const cached = this.snapshots.get(id);
      if (cached?.key === key) {
        loaded.push(cached.source);
        continue;
      }
      const source = await this.sources.get(id).catch(() => null);
      if (!source) continue;
      const check: CheckSource = {
        id,
        title: source.csl.title ?? id,
        snapshot: source.snapshot?.text ?? null,
        ...(source.snapshot?.sha256 ? { sha256: source.snapshot.sha256 } : {}),
        ...(source.csl.language ? { language: source.csl.language } : {}),
        authors: (source.csl.author ?? []).map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(' ')).filter(Boolean),
      };
      this.snapshots.set(id, { key, source: check });
      loaded.push(check);
    }
    return loaded;
  }
}
