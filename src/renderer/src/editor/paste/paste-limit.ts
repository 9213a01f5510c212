/**
 * What a paste into the body takes, decided before anything is parsed so a huge clipboard
 * never holds the page: the markup when it is within MAX_PASTE_CHARS (src/shared/limits.ts);
 * else its plain text, when that is within the limit (the words go in, the formatting is
 * said to be left out); else nothing, with the refusal in words.
 */
import { MAX_PASTE_CHARS, pasteFormattingLeftOut, pasteTooLarge } from '../../../../shared/limits';

export type PastePlan =
  | { kind: 'markup' }
  | { kind: 'text'; note: string | null }
  | { kind: 'refused'; message: string };

export function pastePlan(html: string, text: string): PastePlan {
  const hasMarkup = html.trim() !== '';
  if (hasMarkup && html.length <= MAX_PASTE_CHARS) return { kind: 'markup' };
  if (text.length <= MAX_PASTE_CHARS && (!hasMarkup || text.trim() !== '')) {
    return { kind: 'text', note: hasMarkup ? pasteFormattingLeftOut(html.length) : null };
  }
  return { kind: 'refused', message: pasteTooLarge(hasMarkup ? Math.max(html.length, text.length) : text.length) };
}

/** The refusal for a paste of this markup and text, or null when something of it is taken. */
export function pasteRefusal(html: string, text: string): string | null {
  const plan = pastePlan(html, text);
  return plan.kind === 'refused' ? plan.message : null;
}
