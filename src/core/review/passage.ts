/**
 * What a reviewer reads beside a claim: the sentence(s) of the source around the matched
 * words, and for figures the few words either side in both texts.
 */
import { wordAt } from '../../document/claims/figures';
import type { Words } from '../../document/claims/tokens';

const ABBREVIATIONS = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nr|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mio|Mrd|approx|ca|z\.B|bzw|[A-Z])$/;
const LIMIT = 600;

const endsSentence = (text: string, at: number) =>
  /[.!?]/.test(text[at]!) && !ABBREVIATIONS.test(text.slice(Math.max(0, at - 8), at)) && !/\d/.test(text[at + 1] ?? '');

/** The sentence(s) holding [start, end) in `text`: from the sentence start before to the sentence end after (at most 600 characters either way). */
export function passageAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  const floor = Math.max(0, start - LIMIT);
  while (from > floor) {
    const c = text[from - 1]!;
    if (c === '\n') break;
    if (/\s/.test(c) && from - 2 >= 0 && endsSentence(text, from - 2 - (/[”"’»)]/.test(text[from - 2]!) ? 1 : 0))) break;
    from--;
  }
  let to = end;
  const ceiling = Math.min(text.length, end + LIMIT);
  while (to < ceiling) {
    const c = text[to]!;
    if (c === '\n') break;
    to++;
    if (endsSentence(text, to - 1) && (to >= text.length || /[\s”"’»)]/.test(text[to]!))) {
      while (to < text.length && /[”"’»)]/.test(text[to]!)) to++;
      break;
    }
  }
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return { start: from, end: to };
}

/** Up to `radius` words either side of [start, end) in `text`, as written ("… to reach about 99,000 households. By the end …"). */
export function wordsAround(text: string, words: Words, start: number, end: number, radius = 6): string {
  const count = words.norms.length;
  const first = wordAt(words, start);
  let last = first;
  while (last < count && words.starts[last]! < end) last++;
  let from = Math.min(words.starts[Math.max(0, first - radius)] ?? start, start);
  let to = Math.max(words.ends[Math.min(count, last + radius) - 1] ?? end, end);
  // Within the paragraph: the words of the next one say nothing about this figure.
  const breakBefore = text.lastIndexOf('\n', start);
  if (breakBefore >= from) from = breakBefore + 1;
  const breakAfter = text.indexOf('\n', end);
  if (breakAfter >= 0 && breakAfter < to) to = breakAfter;
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}
