/**
 * Whether a source names the person the article says spoke: their family name within 300
 * characters of the passage, or in the transcript label the passage falls under
 * ("Alderman DEKKER:", or "HB:" when the transcript introduces Helena Brito). Roles ("the
 * minister") are not checked.
 */
import { surnameOf } from '../../document/claims/speaker';
import { foldWord } from '../../document/claims/tokens';
import type { SourceIndex } from './source-index';

const WINDOW = 300;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A folded surname as a whole word, compiled once per name (a check asks about the same speakers in every source). */
const namePatterns = new Map<string, RegExp>();
function namePattern(surname: string): RegExp {
  let pattern = namePatterns.get(surname);
  if (!pattern) {
    if (namePatterns.size >= 1000) namePatterns.clear();
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(surname)}(?![\\p{L}\\p{N}])`, 'u');
    namePatterns.set(surname, pattern);
  }
  return pattern;
}

/** True when the source's author (a person or a body) is the speaker: a statement or interview by them. */
export function speakerIsAuthor(source: { authors?: string[] | undefined }, speaker: string): boolean {
  if (!source.authors?.length) return false;
  const surname = foldWord(surnameOf(speaker));
  if (!surname) return false;
  const named = namePattern(surname);
  return source.authors.some((author) => named.test(foldWord(author)));
}

/** True when the source names `speaker` near [start, end), false when it does not. */
export function speakerNamed(index: SourceIndex, start: number, end: number, speaker: string): boolean {
  const surname = foldWord(surnameOf(speaker));
  if (!surname) return true;
  const window = index.text.slice(Math.max(0, start - WINDOW), Math.min(index.text.length, end + WINDOW));
  if (namePattern(surname).test(foldWord(window))) return true;
  let turn = null;
  for (const t of index.turns) {
    if (t.start > start) break;
    turn = t;
  }
  return turn !== null && turn.words.includes(surname);
}
