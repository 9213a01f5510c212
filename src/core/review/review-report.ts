/**
 * The review report of an article: every claim in document order with its status, where it
 * is (paragraph and sentence), the source passage, the decision and who made it; the
 * warnings; the status history. As Markdown (for a repository or a CMS note) and as a
 * standalone HTML page (escaped; no script, no external request).
 */
import type { LexicalBody, StatusChange } from '../../shared/article';
import type { ReviewCheck, ReviewedClaim } from '../../shared/review';
import { claimPlaces, type ClaimPlace } from './claim-context';

const STATUS_LABEL: Record<ReviewedClaim['status'], string> = {
  backed: 'Backed',
  close: 'Close',
  'not-found': 'Not found',
  'wrong-source': 'Wrong source',
  'speaker-unconfirmed': 'Speaker unconfirmed',
};

export interface ReportInput {
  check: ReviewCheck;
  sourceTitles: Map<string, string>;
  history: StatusChange[];
  /** The body the check was made of: each claim is shown with its paragraph and sentence. */
  body?: LexicalBody | undefined;
}

const where = (place: ClaimPlace | undefined) => (place ? ` (paragraph ${place.paragraph})` : '');

const one = (text: string) => text.replace(/\s+/g, ' ').trim();
const md = (text: string) => one(text).replace(/([\\`*_[\]<>|#])/g, '\\$1');

function decisionLine(claim: ReviewedClaim): string {
  const d = claim.decision;
  if (!d) return 'no decision';
  return `${d.decision} by ${one(d.by)}, ${d.at.slice(0, 16).replace('T', ' ')}${d.comment ? `: ${one(d.comment)}` : ''}`;
}

export function reportMarkdown({ check, sourceTitles, history, body }: ReportInput): string {
  const places = claimPlaces(body, check.claims);
  const lines = [
    `# Review: ${md(check.article.headline || check.article.slug)}`,
    '',
    `Status: ${check.article.status}. ${check.claims.length} claims, ${check.open} open. Checked ${check.checkedAt.slice(0, 16).replace('T', ' ')} UTC.`,
    '',
  ];
  if (check.warnings.length) lines.push('## Warnings', '', ...check.warnings.map((w) => `- ${md(w)}`), '');
  lines.push('## Claims', '');
  check.claims.forEach((claim, i) => {
    const source = claim.sourceId ? (sourceTitles.get(claim.sourceId) ?? claim.sourceId) : null;
    const place = places.get(claim.id);
    const marker = `${i + 1}. `;
    // Details nest under the item only when indented to its text (four spaces from item 10 on).
    const pad = ' '.repeat(marker.length);
    lines.push(`${marker}**${STATUS_LABEL[claim.status]}** — ${claim.kind} “${md(claim.text)}”${claim.speaker ? ` (${md(claim.speaker)})` : ''}${where(place)}`);
    if (place) lines.push(`${pad}- In the text: ${md(place.sentence)}`);
    if (source) lines.push(`${pad}- Source: ${md(source)}`);
    // The passage as a quote: its `>` starts a line, indented to the bullet's text.
    if (claim.passage) lines.push(`${pad}- Passage:`, `${pad}  > ${md(claim.passage)}`);
    if (claim.note) lines.push(`${pad}- Note: ${md(claim.note)}`);
    lines.push(`${pad}- Decision: ${md(decisionLine(claim))}`);
  });
  if (history.length) {
    lines.push('', '## History', '');
    for (const h of history) lines.push(`- ${h.at.slice(0, 16).replace('T', ' ')}: ${h.from} → ${h.to} by ${md(h.by)}${h.note ? ` — ${md(h.note)}` : ''}${h.override ? ` (override: ${md(h.override)})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function reportHtml({ check, sourceTitles, history, body }: ReportInput): string {
  const places = claimPlaces(body, check.claims);
  const rows = check.claims
    .map((claim, i) => {
      const source = claim.sourceId ? (sourceTitles.get(claim.sourceId) ?? claim.sourceId) : '';
      const place = places.get(claim.id);
      const context = place ? `<p class="where"><small>Paragraph ${place.paragraph}: ${esc(place.sentence)}</small></p>` : '';
      return `<tr class="${claim.status}"><td>${i + 1}</td><td>${esc(STATUS_LABEL[claim.status])}</td><td>${esc(claim.kind)}</td><td>“${esc(one(claim.text))}”${claim.speaker ? `<br><small>${esc(claim.speaker)}</small>` : ''}${context}</td><td>${esc(source)}${claim.passage ? `<blockquote>${esc(one(claim.passage))}</blockquote>` : ''}${claim.note ? `<p><small>${esc(claim.note)}</small></p>` : ''}</td><td>${esc(decisionLine(claim))}</td></tr>`;
    })
    .join('\n');
  const warnings = check.warnings.length ? `<h2>Warnings</h2><ul>${check.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : '';
  const past = history.length
    ? `<h2>History</h2><ul>${history.map((h) => `<li>${esc(h.at.slice(0, 16).replace('T', ' '))}: ${esc(h.from)} → ${esc(h.to)} by ${esc(h.by)}${h.note ? ` — ${esc(h.note)}` : ''}${h.override ? ` (override: ${esc(h.override)})` : ''}</li>`).join('')}</ul>`
    : '';
  const title = esc(check.article.headline || check.article.slug);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Review: ${title}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #ddd;padding:.5rem;vertical-align:top;text-align:left}p.where{margin:.25rem 0 0;color:#555}blockquote{margin:.25rem 0 0;padding-left:.75rem;border-left:3px solid #ccc;color:#444}tr.backed td:nth-child(2){color:#1a7f37}tr.close td:nth-child(2){color:#9a6700}tr.not-found td:nth-child(2),tr.wrong-source td:nth-child(2),tr.speaker-unconfirmed td:nth-child(2){color:#b42318}@media print{body{margin:0}}</style>
</head><body>
<h1>Review: ${title}</h1>
<p>Status: ${esc(check.article.status)}. ${check.claims.length} claims, ${check.open} open. Checked ${esc(check.checkedAt.slice(0, 16).replace('T', ' '))} UTC.</p>
${warnings}
<h2>Claims</h2>
<table><thead><tr><th>#</th><th>Status</th><th>Kind</th><th>Claim</th><th>Source and passage</th><th>Decision</th></tr></thead><tbody>
${rows}
</tbody></table>
${past}
</body></html>
`;
}
