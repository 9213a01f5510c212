/**
 * The check's contract: what `checkArticle` takes and what it says about each claim.
 */
import type { LexicalBody } from '../../shared/article';
import type { Claim } from '../../document/claims/claim-types';

/** A source as the check needs it: its id, a title for messages, and its text snapshot. */
export interface CheckSource {
  id: string;
  title: string;
  /** The snapshot's text; null when nothing was captured. */
  snapshot: string | null;
  /** sha-256 of the snapshot (the source file keeps it); computed when absent. */
  sha256?: string;
  /** The source's authors as written ("Rui Moreira", "Port of Maasgate Authority"): a quote by its author needs no other naming. */
  authors?: string[];
  /** The source's language (CSL `language`), for how it writes numbers; guessed when absent. */
  language?: string;
}

/** What to check: an article's body against the library's sources, of which some are attached. */
export interface CheckInput {
  body: LexicalBody;
  /** Every source the check may name: the attached ones, and others a claim may be found in. */
  sources: CheckSource[];
  /** The article's own sources (meta.sourceIds): only these back a claim. */
  attachedSourceIds: string[];
  /** The article's language (meta.language); guessed from the text when absent. */
  language?: string;
}

/**
 * - backed: the same words (or the same number, about the same thing) are in an attached source;
 * - close: nearly the same words (≥ 85 % similar), or the number rounded, about the same thing;
 * - not-found: no attached source holds it;
 * - wrong-source: attributed to a source that does not hold it (`sourceId` names one that does, if any);
 * - speaker-unconfirmed: the words are there, but the source does not name the speaker near them.
 */
export type ClaimStatus = 'backed' | 'close' | 'not-found' | 'wrong-source' | 'speaker-unconfirmed';

/** One run of a word diff: words both have, words only the source has (inserted), only the article has (deleted). */
export interface DiffRun {
  op: 'equal' | 'inserted' | 'deleted';
  text: string;
}

/** The words around a figure in the article and in the source, and the content words they share. */
export interface FigureContext {
  article: string;
  source: string;
  shared: string[];
}

/** A claim with the check's answer. */
export interface ClaimResult extends Omit<Claim, 'sourceId'> {
  status: ClaimStatus;
  /** The source the passage is from (for wrong-source: a source that does hold it), or null. */
  sourceId: string | null;
  /** The sentence(s) of the source around the match, or null. */
  passage: string | null;
  /** Where the passage is in the snapshot, and where the matched words are inside it (snapshot offsets). */
  passageStart: number | null;
  passageEnd: number | null;
  matchStart: number | null;
  matchEnd: number | null;
  /** Word diff between the article's words and the source's, for a close quote. */
  diff: DiffRun[] | null;
  /** 1 for verbatim; word similarity for a close quote; for a figure, 1 − relative difference. */
  similarity: number;
  /** For a figure: the words around it on both sides. */
  context?: FigureContext;
  /** Whether the source names the speaker near the passage; null when there is no named speaker or no passage. */
  speakerConfirmed: boolean | null;
  /** The source the writer attributed the claim to (attributions), kept beside `sourceId`. */
  attributedSourceId?: string;
  /** A plain sentence for the reviewer when the status needs one ("found in … which is not attached"). */
  note?: string;
}

/** The check of one article. */
export interface CheckResult {
  claims: ClaimResult[];
  warnings: string[];
}
