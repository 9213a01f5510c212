/**
 * The pre-export gate: what stops an article from being published — no headline, TKs or
 * editor's notes left in the text, claims neither backed by a source nor verified,
 * disputed claims, a kicker that says "AI" without a disclosure, related articles or
 * sources that are not in the workspace. An export goes past it only with a written
 * reason, which the bundle's manifest keeps.
 */
import { findEditorNotes } from '../../document/claims/editor-notes';
import { editorNotesIn, withoutEditorNotes } from '../../document/editor-note-json';
import { positionedText } from '../../document/plain-text';
import { aiUseOf } from '../../shared/ai-use';
import type { Article, StatusChange } from '../../shared/article';
import type { ReviewCheck, ReviewedClaim } from '../../shared/review';
import type { GateApproval, GateProblem } from './bundle-types';

const STATUS_WORDS: Record<ReviewedClaim['status'], string> = {
  backed: 'backed',
  close: 'only close to its source',
  'not-found': 'not found in any attached source',
  'wrong-source': 'not in the source it is attributed to',
  'speaker-unconfirmed': 'in a source that does not name its speaker',
};

const clip = (text: string) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 80 ? `${one.slice(0, 79)}…` : one;
};

/** "AI", "A.I." or "artificial intelligence" as words of the kicker. */
export function mentionsAi(kicker: string): boolean {
  return /(?<![\p{L}\p{N}])(?:AI|A\.I\.)(?![\p{L}\p{N}])/u.test(kicker) || /artificial intelligence/i.test(kicker);
}

export interface GateInput {
  article: Article;
  check: ReviewCheck;
  /** meta.related ids that are not articles of the workspace. */
  missingRelated: string[];
  /** Attached or attributed source ids that are not in the source library. */
  missingSources: string[];
  /** Images the body shows that cannot be read from the workspace, with the reason. */
  missingImages?: Array<{ asset: string; caption: string; reason: string }>;
}

/**
 * The approval that went past open claims with a written reason, when the article is
 * still approved (approved copy cannot change without going back to review): the reviewer
 * has already accepted its claims, so the export does not ask again.
 */
export function approvalOverride(article: Article): StatusChange | null {
  if (article.meta.status !== 'approved') return null;
  const last = [...(article.review.history ?? [])].reverse().find((h) => h.to === 'approved');
  return last?.override?.trim() ? last : null;
}

/** The gate's answer: what stops publication, and the approval that settled the claims, if one did. */
export interface GateResult {
  problems: GateProblem[];
  approval: GateApproval | null;
}

export function gateProblems(input: GateInput): GateProblem[] {
  return gateOf(input).problems;
}

export function gateOf({ article, check, missingRelated, missingSources, missingImages = [] }: GateInput): GateResult {
  const problems: GateProblem[] = [];
  const { meta } = article;
  if (!meta.headline.trim()) problems.push({ code: 'no-headline', message: 'The article has no headline.' });
  // Marked notes are counted below; a typed “TK” or [[note]] is found in the text.
  for (const block of positionedText(withoutEditorNotes(article.body)).blocks) {
    for (const note of findEditorNotes(block.text)) {
      problems.push({
        code: 'editor-note',
        message: note.kind === 'tk' ? `“${note.text}” is left in the text (block ${block.path.join('.')}).` : `An editor’s note is left in the text: “${clip(note.text)}” (block ${block.path.join('.')}).`,
      });
    }
  }
  const marked = editorNotesIn(article.body);
  marked.forEach((note, i) => {
    const where = `paragraph ${(note.path[0] ?? 0) + 1}`;
    problems.push({
      code: 'editor-note',
      message: `Editor note ${i + 1} of ${marked.length} is unresolved in ${where}: “${clip(note.text)}”. Resolve it in the editor (Editor notes list) before publishing.`,
    });
  });
  // The claims' problems, set aside (not dropped) when an approval with a reason went past them.
  const claimProblems: GateProblem[] = [];
  for (const claim of check.claims) {
    const what = `The ${claim.kind} “${clip(claim.text)}”`;
    if (claim.decision?.decision === 'disputed') {
      claimProblems.push({ code: 'disputed-claim', message: `${what} is disputed by ${claim.decision.by}${claim.decision.comment ? `: ${clip(claim.decision.comment)}` : ''}.` });
    } else if (claim.decision?.decision === 'needs-source') {
      claimProblems.push({ code: 'open-claim', message: `${what} needs a source (${claim.decision.by}).` });
    } else if (!claim.decision && claim.status !== 'backed') {
      claimProblems.push({ code: 'open-claim', message: `${what} is ${STATUS_WORDS[claim.status]}, and no reviewer has verified it.` });
    }
  }
  const accepted = approvalOverride(article);
  if (!accepted) problems.push(...claimProblems);
  if (mentionsAi(meta.kicker) && aiUseOf(meta) === 'none') {
    problems.push({ code: 'ai-undisclosed', message: `The kicker “${meta.kicker}” mentions AI, but the article has no AI disclosure.` });
  }
  for (const id of missingRelated) problems.push({ code: 'broken-related', message: `The related article ${id} is not in the workspace.` });
  for (const image of missingImages) {
    problems.push({ code: 'missing-image', message: `The image ${image.caption ? `“${clip(image.caption)}” ` : ''}(${image.asset}) cannot go into the bundle: ${image.reason}` });
  }
  for (const id of missingSources) problems.push({ code: 'missing-source', message: `The source “${id}” is cited but not in the source library.` });
  return {
    problems,
    approval: accepted ? { by: accepted.by, at: accepted.at, reason: accepted.override?.trim() ?? '', problems: claimProblems } : null,
  };
}
