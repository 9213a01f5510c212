/**
 * Where a claim is, in words a reader can find it by: the paragraph's number (the body's
 * top-level block, counted as the gate counts it) and the sentence around the claim,
 * shortened. Three "14" figures in a report can then be told apart.
 */
import { positionedText } from '../../document/plain-text';
import type { LexicalBody } from '../../shared/article';

export interface ClaimPlace {
  /** 1-based: the top-level block of the body the claim is in. */
  paragraph: number;
  /** The sentence around the claim, on one line, cut to about `width` characters with “…”. */
  sentence: string;
}

/** Room on either side of the claim, in characters, when the sentence is long. */
const SIDE = 60;
const CLAIM_MAX = 120;

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** The sentence of `text` that holds [start, end): from after the last sentence end before it to the first one after. */
function sentenceAround(text: string, start: number, end: number): { from: number; to: number } {
  let from = 0;
  const before = /[.!?…][”"’')\]]*\s+/g;
  for (let m = before.exec(text); m && m.index + m[0].length <= start; m = before.exec(text)) from = m.index + m[0].length;
  const after = /[.!?…][”"’')\]]*(?=\s|$)/g;
  // From the claim's last character: a quote may end its sentence (“…businesslike.”).
  after.lastIndex = Math.max(start, end - 1);
  const next = after.exec(text);
  return { from, to: next ? next.index + next[0].length : text.length };
}

/** At most `max` characters of `text`, cut at a word where it can be, from its start (`tail` false) or its end. */
function clipAtWord(text: string, max: number, tail: boolean): string {
  if (text.length <= max) return text;
  if (tail) {
    const cut = text.slice(text.length - max);
    const space = cut.indexOf(' ');
    return `…${space >= 0 && space < max / 2 ? cut.slice(space + 1) : cut}`;
  }
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** The sentence around [start, end) of a block's text, the claim kept whole (up to CLAIM_MAX) and its sides shortened. */
export function sentenceOf(text: string, start: number, end: number): string {
  const { from, to } = sentenceAround(text, start, end);
  const lead = oneLine(text.slice(from, start)).trimStart();
  const claim = oneLine(text.slice(start, end));
  const rest = oneLine(text.slice(end, to)).trimEnd();
  const middle = claim.length > CLAIM_MAX ? clipAtWord(claim, CLAIM_MAX, false) : claim;
  return `${clipAtWord(lead, SIDE, true)}${middle}${clipAtWord(rest, SIDE, false)}`;
}

/** Each claim's place in the body, by the claim's block path and offsets (as the review check gives them). */
export function claimPlaces(body: LexicalBody | null | undefined, claims: ReadonlyArray<{ id: string; path: number[]; start: number; end: number }>): Map<string, ClaimPlace> {
  const blocks = new Map(positionedText(body).blocks.map((b) => [b.path.join('.'), b.text]));
  const places = new Map<string, ClaimPlace>();
  for (const claim of claims) {
    const text = blocks.get(claim.path.join('.'));
    if (text === undefined) continue;
    places.set(claim.id, { paragraph: (claim.path[0] ?? 0) + 1, sentence: sentenceOf(text, claim.start, claim.end) });
  }
  return places;
}
