/**
 * `copydesk check <article>`: every quote and figure of an article checked against its
 * sources' snapshots. Exit 0 when each claim is backed or verified by a reviewer, 1 when
 * any is not, 2 for bad usage or an unknown article.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { claimPlaces, type ClaimPlace } from '../../core/review/claim-context';
import type { ReviewCheck, ReviewedClaim } from '../../shared/review';
import { CommandError, EXIT, resolveArticle, usageError, type Session } from '../session';
import { terminalJson, terminalText as t } from '../terminal-text';
import { countOf } from '../../shared/plural';

const MARK: Record<ReviewedClaim['status'], string> = {
  backed: 'backed              ',
  close: 'CLOSE               ',
  'not-found': 'NOT FOUND           ',
  'wrong-source': 'WRONG SOURCE        ',
  'speaker-unconfirmed': 'SPEAKER UNCONFIRMED ',
};

/** A claim counts as settled when a source backs it or a reviewer verified it. */
const settled = (claim: ReviewedClaim) => (claim.decision ? claim.decision.decision === 'verified' : claim.status === 'backed');

/** The JSON the command prints: the shape its documentation promises, nothing more. */
export function checkJson(check: ReviewCheck) {
  return {
    article: { id: check.article.id, slug: check.article.slug, headline: check.article.headline },
    claims: check.claims.map((c) => ({ id: c.id, kind: c.kind, text: c.text, status: c.status, sourceId: c.sourceId, passage: c.passage, decision: c.decision })),
    warnings: check.warnings,
  };
}

export async function checkArticle(session: Session, name: string, options: { json: boolean; report?: string | undefined }): Promise<string> {
  const reportFormat = options.report ? path.extname(options.report).toLowerCase() : null;
  if (reportFormat && reportFormat !== '.md' && reportFormat !== '.html') throw usageError('--report must name a .md or .html file.');
  const article = await resolveArticle(session, name);
  const check = await session.call('review.check', { id: article.id });
  if (options.report && reportFormat) {
    const report = await session.call('review.report', { id: article.id, format: reportFormat === '.md' ? 'md' : 'html' });
    await writeFile(options.report, report.text);
  }
  const unsettled = check.claims.filter((c) => !settled(c));
  const places = options.json ? new Map<string, ClaimPlace>() : claimPlaces((await session.call('articles.get', { id: article.id })).body, check.claims);
  const output = options.json ? terminalJson(checkJson(check), 2) : table(check, unsettled.length, options.report, places);
  if (unsettled.length) throw new CommandError(output, EXIT.problem, true);
  return output;
}

function table(check: ReviewCheck, unsettled: number, report: string | undefined, places: Map<string, ClaimPlace>): string {
  const lines = [`“${t(check.article.headline || check.article.slug)}”: ${countOf(check.claims.length, 'claim')}, ${unsettled} not backed or verified`, ''];
  for (const claim of check.claims) {
    const decided = claim.decision ? ` [${claim.decision.decision} by ${t(claim.decision.by)}]` : '';
    lines.push(`${MARK[claim.status]}${claim.kind.padEnd(12)}“${t(claim.text).slice(0, 90)}”${decided}`);
    // Where it is, so that two claims with the same words can be told apart.
    const place = places.get(claim.id);
    if (place) lines.push(`${' '.repeat(32)}paragraph ${place.paragraph}: ${t(place.sentence)}`);
    if (claim.status !== 'backed' && claim.note) lines.push(`${' '.repeat(32)}${t(claim.note)}`);
  }
  if (check.warnings.length) lines.push('', ...check.warnings.map((w) => `Warning: ${t(w)}`));
  if (report) lines.push('', `Report written to ${t(report)}`);
  return lines.join('\n');
}
