/**
 * A claim's source passage as the panel shows it: the words the check matched marked
 * inside the passage, and a long passage cut to the words around the match.
 */
import type { ReviewedClaim } from '../../../shared/review';

/** A passage in three parts: before the matched words, the matched words, after them. */
export interface PassageParts {
  before: string;
  match: string;
  after: string;
}

/** How much of the passage is kept on each side of the match. */
const CONTEXT_CHARS = 110;

/** Cuts text at a word boundary near `max` characters, with an ellipsis where it was cut. */
function keepEnd(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(text.length - max);
  const space = cut.indexOf(' ');
  return `…${space > 0 && space < 30 ? cut.slice(space) : cut}`;
}

function keepStart(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max - 30 ? cut.slice(0, space) : cut}…`;
}

/**
 * The passage split around the matched words (`matchStart`/`matchEnd` are offsets in the
 * snapshot, as is `passageStart`). A passage without a usable match is all "before".
 * Null when the claim has no passage.
 */
export function passageParts(
  claim: Pick<ReviewedClaim, 'passage' | 'passageStart' | 'matchStart' | 'matchEnd'>,
  context = CONTEXT_CHARS,
): PassageParts | null {
  const { passage, passageStart, matchStart, matchEnd } = claim;
  if (!passage) return null;
  if (passageStart === null || matchStart === null || matchEnd === null) {
    return { before: keepStart(passage, context * 2), match: '', after: '' };
  }
  const from = Math.max(0, Math.min(passage.length, matchStart - passageStart));
  const to = Math.max(from, Math.min(passage.length, matchEnd - passageStart));
  return {
    before: keepEnd(passage.slice(0, from), context),
    match: passage.slice(from, to),
    after: keepStart(passage.slice(to), context),
  };
}

/** One run of a close quote's word diff, as the panel marks it. */
export interface DiffRun {
  /** `article`: words only the article has; `source`: words only the source has; `same`: both. */
  side: 'same' | 'article' | 'source';
  text: string;
}

/**
 * A close quote's diff (the article's words turned into the source's) in the panel's words:
 * what the article has that the source does not ("deleted"), and what the source has
 * instead ("inserted").
 */
export function diffRuns(diff: ReviewedClaim['diff']): DiffRun[] {
  if (!diff) return [];
  return diff
    .filter((run) => run.text.trim() !== '')
    .map((run) => ({ side: run.op === 'equal' ? 'same' : run.op === 'deleted' ? 'article' : 'source', text: run.text.trim() }));
}

/** True when a diff shows any difference worth marking. */
export function hasDifference(runs: readonly DiffRun[]): boolean {
  return runs.some((run) => run.side !== 'same');
}
