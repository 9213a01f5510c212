/**
 * Claims: the quotes, figures and attributed spans of an article body that a reviewer
 * checks against the sources. Pure data, shared by extraction (here, also in a browser
 * worker) and by the check in core.
 */

/** What a claim is: a quotation, a number, or a span the writer attributed to a source. */
export type ClaimKind = 'quote' | 'figure' | 'attribution';

/**
 * The class a figure's value belongs to; two figures can back each other only within one
 * class (12% never backs 12 households, €48 million never backs 48 million drones, "twice"
 * never backs "two").
 */
export type FigureClass = 'count' | 'percent' | 'points' | 'times' | 'money' | 'year' | 'date';

/** A figure's value, parsed, for matching: 99,000 = 99 000 = 99.000 (de); €1.5m = 1,500,000 euros. */
export interface FigureValue {
  class: FigureClass;
  /** The value in units (€48 million → 48000000; 12% → 12). For a date, month × 100 + day (a month alone: month × 100). */
  value: number;
  /** Upper end of a range ("25,000 to 90,000"); the lower end is `value`. */
  high?: number;
  /** ISO 4217 code for money ('EUR', 'USD', 'GBP', 'CHF', …). */
  currency?: string;
  /** A date's year, when written. */
  year?: number;
  /** The step the number was written to: 38,000 → 1000, 12.5 → 0.1, €48 million → 1000000; a figure this much apart may be the same one rounded. */
  step: number;
  /** The first content word after the number ("households", "drones", "minutes"), lower-cased and stemmed. */
  noun?: string;
  /** The content words read after the number up to the noun, when more than the noun ("new", "crane"): stemmed. */
  nounWindow?: string[];
  /** Written in words ("five", "a dozen", "a third"): weak evidence alone. */
  inWords?: boolean;
}

/** A quoted stretch of a block: where the words are (without the marks). */
export interface TextRange {
  start: number;
  end: number;
}

/** One claim, in document order. Offsets are in the block's text as `positionedText` gives it. */
export interface Claim {
  /** Stable across edits elsewhere: kind, normalized text and occurrence (`q:1x2y3z#2`). */
  id: string;
  kind: ClaimKind;
  /** A quote without its marks; a figure as written; an attribution's text. */
  text: string;
  /** Case, marks, dashes, separators and diacritics folded; for figures, the parsed value (`money:EUR:48000000`). */
  normalized: string;
  /** Path of the block in the body (child indexes from the root). */
  path: number[];
  /** The block's node type ('paragraph', 'quote', 'listitem', …). */
  blockType: string;
  start: number;
  end: number;
  /** Who the article says said it (quotes only): "Anna Verhoeven", "Ms Dekker", "the minister". */
  speaker?: string;
  /** The speaker is a role ("the minister", "a spokesperson"), not a name: it is not checked. */
  speakerIsRole?: boolean;
  /** The source the writer attributed this to (attribution nodes, and quotes and figures inside one). */
  sourceId?: string;
  /** The attribution's locator ("p. 4", a passage), as the writer gave it. */
  locator?: string;
  /** Parsed value of a figure. */
  figure?: FigureValue;
  /**
   * A quote interrupted by its attribution (“We will,” she said, “sign nothing.”) is one
   * claim ("We will sign nothing."), its quoted parts listed here; start/end span both.
   */
  parts?: TextRange[];
  /** The quote's opening mark is never closed in its block: the claim stops at the block's end. */
  unclosed?: boolean;
  /** The quote leaves words out ("…", "[…]", "..."): the source may have more words there. */
  elided?: boolean;
}

/** A left-over note in the text: a "TK" or an [[editor note]]. */
export interface EditorNote {
  kind: 'tk' | 'note';
  text: string;
  path: number[];
  start: number;
  end: number;
}

/** What extraction finds in a body. */
export interface ClaimExtraction {
  claims: Claim[];
  notes: EditorNote[];
}
