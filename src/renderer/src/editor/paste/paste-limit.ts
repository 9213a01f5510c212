/**
 * Whether a paste into the body is taken: the markup when there is any, else the plain
 * text, is measured against MAX_PASTE_CHARS (src/shared/limits.ts) before anything is
 * parsed, so a huge clipboard never holds the page; over it, the refusal in words.
 */
import { MAX_PASTE_CHARS, pasteTooLarge } from '../../../../shared/limits';

/** The refusal for a paste of this markup and text, or null when it is within the limit. */
export function pasteRefusal(html: string, text: string): string | null {
  const taken = html.trim() ? html : text;
  return taken.length > MAX_PASTE_CHARS ? pasteTooLarge(taken.length) : null;
}
