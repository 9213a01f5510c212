/**
 * The claims of one block: its quotes (a block quotation is one), its figures outside
 * quotes, its attributions, and its TK / editor notes. A block's claims depend only on its
 * own text and attributions (and, for a block quotation, the lead-in before it), so they
 * can be cached per block and an edit re-extracts one paragraph.
 */
import type { Claim, EditorNote, TextRange } from './claim-types';
import type { AttributionSpan } from './attribution-spans';
import { findEditorNotes } from './editor-notes';
import { findFigures } from './figures';
import { figureKey } from './figure-key';
import type { NumberStyle } from './numbers';
import { findQuotes, type QuoteSpan } from './quote-marks';
import { isInterruption, leadInSpeaker, speakerOf, type Speaker } from './speaker';
import { tokenize } from './tokens';

/** A claim before ids are given (ids need the whole document). */
export type ClaimDraft = Omit<Claim, 'id'>;

/** What one block holds. */
export interface BlockInput {
  path: number[];
  type: string;
  text: string;
  spans: AttributionSpan[];
  /** The text of the block before, for a block quotation's lead-in ("Mr Bakels wrote to staff:"). */
  previousText?: string;
  style: NumberStyle;
}

interface QuoteDraft {
  start: number;
  end: number;
  open: number;
  close: number;
  text: string;
  parts?: TextRange[];
  unclosed: boolean;
}

const core = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();

/** Folded words, "…" where the text leaves words out. */
export function normalizeQuoteText(text: string, style: NumberStyle): { normalized: string; elided: boolean } {
  const tokens = tokenize(text, style);
  let elided = false;
  const words = tokens.map((t) => {
    if (!t.gapBefore) return t.norm;
    elided = true;
    return `\u2026 ${t.norm}`;
  });
  return { normalized: words.join(' '), elided };
}

/** Quotes of a running block: outermost quotations, a quote interrupted by its attribution joined into one. */
function quotesOf(text: string, notes: TextRange[]): QuoteDraft[] {
  const spans = findQuotes(text).filter((q) => !notes.some((n) => q.start >= n.start && q.start < n.end));
  const drafts: QuoteDraft[] = [];
  for (let k = 0; k < spans.length; k++) {
    const a: QuoteSpan = spans[k]!;
    const b = spans[k + 1];
    const aText = text.slice(a.start, a.end);
    if (b && !a.unclosed && /,$/.test(aText) && /^\p{Ll}/u.test(text.slice(b.start, b.end)) && isInterruption(text.slice(a.close + 1, b.open))) {
      drafts.push({
        start: a.start,
        end: b.end,
        open: a.open,
        close: a.close,
        text: `${aText.slice(0, -1)} ${text.slice(b.start, b.end)}`,
        parts: [{ start: a.start, end: a.end }, { start: b.start, end: b.end }],
        unclosed: b.unclosed,
      });
      k++;
      continue;
    }
    drafts.push({ start: a.start, end: a.end, open: a.open, close: a.close, text: aText, unclosed: a.unclosed });
  }
  return drafts;
}

/** A block quotation is one quote: its whole text, without marks that wrap all of it. */
function blockQuote(text: string): QuoteDraft | null {
  let start = 0;
  let end = text.length;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const only = findQuotes(text);
  if (only.length === 1 && only[0]!.open === start && only[0]!.close === end - 1) ({ start, end } = only[0]!);
  if (start >= end) return null;
  return { start, end, open: start, close: end, text: text.slice(start, end), unclosed: false };
}

/** Every claim and note of one block, in order (ids not yet given). */
export function blockClaims(block: BlockInput): { claims: ClaimDraft[]; notes: EditorNote[] } {
  const { text, path, type: blockType, style } = block;
  const notes = findEditorNotes(text);
  const claims: ClaimDraft[] = [];
  const base = { path, blockType };

  const isBlockQuote = blockType === 'quote';
  const quotes = isBlockQuote ? [blockQuote(text)].filter((q): q is QuoteDraft => q !== null) : quotesOf(text, notes);
  let previous: Speaker | null = isBlockQuote ? leadInSpeaker(block.previousText) : null;
  for (const quote of quotes) {
    const { normalized, elided } = normalizeQuoteText(quote.text, style);
    if (!normalized) continue;
    const speaker = isBlockQuote ? previous : speakerOf(text, quote.open, quote.close, previous);
    if (speaker) previous = speaker;
    const claim: ClaimDraft = { ...base, kind: 'quote', text: quote.text, normalized, start: quote.start, end: quote.end };
    if (speaker) {
      claim.speaker = speaker.name;
      if (speaker.isRole) claim.speakerIsRole = true;
    }
    if (quote.parts) claim.parts = quote.parts;
    if (quote.unclosed) claim.unclosed = true;
    if (elided) claim.elided = true;
    claims.push(claim);
  }

  const masked: TextRange[] = isBlockQuote ? [{ start: 0, end: text.length }] : [...quotes.flatMap((q) => q.parts ?? [q]), ...notes];
  for (const found of findFigures(text, style, masked)) {
    claims.push({ ...base, kind: 'figure', text: text.slice(found.start, found.end), normalized: figureKey(found.figure), start: found.start, end: found.end, figure: found.figure });
  }

  for (const span of block.spans) {
    const inside = claims.filter((c) => c.start >= span.start && c.end <= span.end);
    for (const claim of inside) {
      claim.sourceId = span.sourceId;
      if (span.locator) claim.locator = span.locator;
    }
    const spanText = text.slice(span.start, span.end);
    // A span that is just one quote or one figure is that claim, attributed; no second claim for it.
    if (inside.length === 1 && core(spanText) === core(inside[0]!.text)) continue;
    const trimmed = spanText.trim();
    if (!/[\p{L}\p{N}]/u.test(trimmed)) continue;
    const lead = spanText.indexOf(trimmed);
    const attribution: ClaimDraft = {
      ...base,
      kind: 'attribution',
      text: trimmed,
      normalized: normalizeQuoteText(trimmed, style).normalized,
      start: span.start + lead,
      end: span.start + lead + trimmed.length,
      sourceId: span.sourceId,
    };
    if (span.locator) attribution.locator = span.locator;
    claims.push(attribution);
  }

  claims.sort((a, b) => a.start - b.start || b.end - a.end);
  return { claims, notes: notes.map((n) => ({ kind: n.kind, text: n.text, path, start: n.start, end: n.end })) };
}
