/**
 * Typographer's quotes, apostrophes, dashes and ellipses by the article's language:
 * English “ ” ‘ ’, French « » with narrow no-break spaces inside (and a no-break space
 * before ; : ! ?), German „ “ ‚ ‘. Two uses:
 * as the writer types (the character just typed, in its context) and over a whole pasted
 * text. Pure string rules, no Lexical: the editor and tests both call them.
 */

export interface QuoteStyle {
  open: string;
  close: string;
  openSingle: string;
  closeSingle: string;
  /** The dash `--` becomes. */
  dash: string;
}

const NNBSP = '\u202f';
const NBSP = '\u00a0';

/**
 * French sets a no-break space before the high punctuation: a full one before the colon,
 * a narrow one before ; ! ? (so the mark never starts a line). Only a space the writer
 * typed is replaced: `10:30`, `http:` and `?!` are left alone.
 */
function frenchSpaceBefore(mark: string): string | null {
  if (mark === ':') return NBSP;
  return mark === ';' || mark === '!' || mark === '?' ? NNBSP : null;
}
const isFrench = (language: string): boolean => language.toLowerCase().split(/[-_]/)[0] === 'fr';

const STYLES: Record<'en' | 'fr' | 'de', QuoteStyle> = {
  en: { open: '“', close: '”', openSingle: '‘', closeSingle: '’', dash: '—' },
  fr: { open: `«${NNBSP}`, close: `${NNBSP}»`, openSingle: '“', closeSingle: '”', dash: '–' },
  de: { open: '„', close: '“', openSingle: '‚', closeSingle: '‘', dash: '–' },
};

/** The quote style of a language tag (`fr-CH` → French); English for any other. */
export function quoteStyle(language: string): QuoteStyle {
  const primary = language.toLowerCase().split(/[-_]/)[0] as keyof typeof STYLES;
  return STYLES[primary] ?? STYLES.en;
}

const WORD = /[\p{L}\p{N}]/u;
/** After these (or at the start), a quote opens. */
const OPENS_AFTER = /[\s([{\u2014\u2013\-/«„“‘‚]/u;

/** A change to make: replace `length` characters from `start` with `text`. */
export interface TypographyEdit {
  start: number;
  length: number;
  text: string;
}

/**
 * What the character just typed at `offset - 1` of `text` should become, or null. `before`
 * is the text ahead of this text in the same block (for the context of a first character).
 */
export function smartenTyped(text: string, offset: number, language: string, before = ''): TypographyEdit | null {
  const style = quoteStyle(language);
  const typed = text[offset - 1];
  const previous = offset >= 2 ? text[offset - 2]! : before.slice(-1);
  const opening = previous === '' || OPENS_AFTER.test(previous);
  switch (typed) {
    case '"':
      return { start: offset - 1, length: 1, text: opening ? style.open : style.close };
    case "'":
      // Inside or after a word it is an apostrophe (don’t, the 90’s, Jones’); else a single quote.
      if (WORD.test(previous) || /[.,!?]/.test(previous)) return { start: offset - 1, length: 1, text: '’' };
      return { start: offset - 1, length: 1, text: opening ? style.openSingle : style.closeSingle };
    case '-':
      return previous === '-' ? { start: offset - 2, length: 2, text: style.dash } : null;
    case '.':
      return text.slice(offset - 3, offset) === '...' ? { start: offset - 3, length: 3, text: '…' } : null;
    case ' ':
      // A spaced hyphen between words is a dash: "north - south" → "north – south".
      return text.slice(offset - 3, offset) === ' - ' && offset >= 4 && WORD.test(text[offset - 4]!) ? { start: offset - 2, length: 1, text: '–' } : null;
    case ';':
    case ':':
    case '!':
    case '?': {
      const space = isFrench(language) ? frenchSpaceBefore(typed) : null;
      const beforeSpace = offset >= 3 ? text[offset - 3]! : before.slice(-1);
      return space && previous === ' ' && beforeSpace !== '' && !/\s/.test(beforeSpace) ? { start: offset - 2, length: 2, text: `${space}${typed}` } : null;
    }
    default:
      return null;
  }
}

/** A whole text with every straight quote, apostrophe, `--`, spaced hyphen and `...` set (for pasted copy). */
export function fixTypography(text: string, language: string, before = ''): string {
  const style = quoteStyle(language);
  const french = isFrench(language);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const previous = out.length ? out[out.length - 1]! : before.slice(-1);
    const opening = previous === '' || OPENS_AFTER.test(previous);
    if (c === '"') {
      out += opening ? style.open : style.close;
    } else if (c === "'") {
      out += WORD.test(previous) || /[.,!?]/.test(previous) ? '’' : opening ? style.openSingle : style.closeSingle;
    } else if (c === '-' && text[i + 1] === '-') {
      out += style.dash;
      i++;
    } else if (c === '.' && text.slice(i, i + 3) === '...') {
      out += '…';
      i += 2;
    } else if (c === '-' && previous === ' ' && text[i + 1] === ' ' && WORD.test(out[out.length - 2] ?? '')) {
      out += '–';
    } else if (french && previous === ' ' && frenchSpaceBefore(c) && /\S/.test(out[out.length - 2] ?? '')) {
      out = `${out.slice(0, -1)}${frenchSpaceBefore(c)}${c}`;
    } else {
      out += c;
    }
  }
  return out;
}
