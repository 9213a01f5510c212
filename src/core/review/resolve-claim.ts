/**
 * The answer for one claim: which source backs it, how closely, and the passage. A claim
 * with no attribution is looked for in the article's attached sources only (found only in
 * a source that is not attached, it stays not-found, with a note saying where it is). A
 * claim inside an attribution must be in the source it names; found elsewhere, or
 * nowhere, it is wrong-source.
 */
import type { Claim } from '../../document/claims/claim-types';
import { findFigure, findRangeEnds, type FigureQuery } from './match-figure';
import { diffOf, findClose, findVerbatim, type QuoteQuery } from './match-quote';
import { passageAround, wordsAround } from './passage';
import type { CheckSource, ClaimResult, ClaimStatus, FigureContext } from './review-types';
import type { SourceIndex } from './source-index';
import { speakerIsAuthor, speakerNamed } from './speaker-check';

/** The check's part of a claim result. */
export type Resolution = Omit<ClaimResult, Exclude<keyof Claim, 'sourceId'>>;

/** A source the check can read, with its index. */
export interface IndexedSource {
  source: CheckSource;
  index: SourceIndex;
}

/** The sources of one check: the library by id, the attached ones indexed, the others indexed on demand. */
export interface SourceSet {
  byId: Map<string, CheckSource>;
  attached: IndexedSource[];
  /** Every source with a snapshot that is not attached (built when first asked for). */
  others(): IndexedSource[];
  /** The index of one source, or null when it has no snapshot. */
  indexOf(id: string): IndexedSource | null;
}

/** What a claim is looked for with: a prepared quote, or a figure with its words. */
export type ClaimQuery = { kind: 'text'; quote: QuoteQuery } | { kind: 'figure'; figure: FigureQuery; articleWords: string };

interface Hit {
  at: IndexedSource;
  exact: boolean;
  similarity: number;
  start: number;
  end: number;
  diff: ClaimResult['diff'];
  context?: FigureContext;
}

const title = (source: CheckSource) => `“${source.title || source.id}”`;

/** The claim in one source: `exact` looks for the same words or value only, `near` for close ones only. */
function hitIn(query: ClaimQuery, at: IndexedSource, pass: 'exact' | 'near'): Hit | null {
  const { index } = at;
  const { starts, ends } = index.words;
  if (query.kind === 'text') {
    const verbatim = pass === 'exact' ? findVerbatim(query.quote, index) : null;
    const match = verbatim ? { ...verbatim, exact: true, similarity: 1, diff: null } : pass === 'near' ? findClose(query.quote, index) : null;
    if (!match) return null;
    const start = starts[match.startToken]!;
    const end = ends[match.endToken - 1]!;
    return { at, exact: match.exact, similarity: match.similarity, start, end, diff: match.exact ? null : (match.diff ?? diffOf(query.quote, index, match.startToken, match.endToken)) };
  }
  const { match } = findFigure(query.figure, index, pass);
  if (match) {
    const { start, end } = match.found;
    const context = { article: query.articleWords, source: wordsAround(index.text, index.words, start, end), shared: match.shared };
    return { at, exact: match.exact, similarity: match.similarity, start, end, diff: null, context };
  }
  const ends2 = pass === 'exact' ? findRangeEnds(query.figure.figure, index) : null;
  if (!ends2) return null;
  const [low, high] = ends2;
  const context = { article: query.articleWords, source: wordsAround(index.text, index.words, low.start, high.end), shared: [] };
  return { at, exact: true, similarity: 1, start: low.start, end: high.end, diff: null, context };
}

/** The best hit among `sources`: the first exact one in any of them, else the closest near one. */
function bestHit(query: ClaimQuery, sources: IndexedSource[]): Hit | null {
  for (const at of sources) {
    const hit = hitIn(query, at, 'exact');
    if (hit) return hit;
  }
  let best: Hit | null = null;
  for (const at of sources) {
    const hit = hitIn(query, at, 'near');
    if (hit && (!best || hit.similarity > best.similarity)) best = hit;
  }
  return best;
}

function resolution(status: ClaimStatus, hit: Hit | null, note?: string): Resolution {
  const passage = hit ? passageAround(hit.at.index.text, hit.start, hit.end) : null;
  const result: Resolution = {
    status,
    sourceId: hit ? hit.at.source.id : null,
    passage: hit && passage ? hit.at.index.text.slice(passage.start, passage.end) : null,
    passageStart: passage?.start ?? null,
    passageEnd: passage?.end ?? null,
    matchStart: hit?.start ?? null,
    matchEnd: hit?.end ?? null,
    diff: hit?.diff ?? null,
    similarity: hit?.similarity ?? 0,
    speakerConfirmed: null,
  };
  if (hit?.context) result.context = hit.context;
  if (note) result.note = note;
  return result;
}

/** Backed or close from a hit in a source that may back the claim, the speaker checked for quotes. */
function backing(claim: Claim, hit: Hit): Resolution {
  const result = resolution(hit.exact ? 'backed' : 'close', hit);
  if (claim.kind === 'quote' && claim.speaker && !claim.speakerIsRole) {
    // A statement, a transcript or an interview whose author is the speaker names them as well as its text would.
    result.speakerConfirmed = speakerIsAuthor(hit.at.source, claim.speaker) || speakerNamed(hit.at.index, hit.start, hit.end, claim.speaker);
    if (!result.speakerConfirmed) {
      result.status = 'speaker-unconfirmed';
      result.note = `${title(hit.at.source)} does not name ${claim.speaker} near this passage.`;
    }
  }
  return result;
}

/** A claim attributed to a source must be in that source. */
function resolveAttributed(claim: Claim, query: ClaimQuery, sources: SourceSet, ownId: string): Resolution {
  const own = sources.byId.get(ownId);
  const ownIndexed = own ? sources.indexOf(ownId) : null;
  if (ownIndexed) {
    const hit = bestHit(query, [ownIndexed]);
    if (hit) return backing(claim, hit);
  }
  const elsewhere = [...sources.attached, ...sources.others()].filter((s) => s.source.id !== ownId);
  const hit = bestHit(query, elsewhere);
  const where = hit ? `; it is in ${title(hit.at.source)}` : '';
  if (!own) return resolution('wrong-source', hit, `It is attributed to “${ownId}”, which is no longer in the library${where}.`);
  if (!ownIndexed) {
    if (hit) return resolution('wrong-source', hit, `It is attributed to ${title(own)}, which has no snapshot${where}.`);
    return resolution('not-found', null, `It is attributed to ${title(own)}, which has no snapshot, so it cannot be checked.`);
  }
  return resolution('wrong-source', hit, hit ? `It is attributed to ${title(own)}, but it is in ${title(hit.at.source)}.` : `It is attributed to ${title(own)}, which does not hold it, nor does any other source.`);
}

/** The check's answer for one claim. */
export function resolveClaim(claim: Claim, query: ClaimQuery, sources: SourceSet): Resolution {
  if (claim.sourceId !== undefined) return resolveAttributed(claim, query, sources, claim.sourceId);
  const hit = bestHit(query, sources.attached);
  if (hit) return backing(claim, hit);
  const outside = bestHit(query, sources.others());
  if (outside) return resolution('not-found', null, `It is in ${title(outside.at.source)}, which is not attached to this article.`);
  if (query.kind === 'figure') {
    for (const at of sources.attached) {
      const { unrelated } = findFigure(query.figure, at.index, 'exact');
      if (unrelated) return resolution('not-found', null, `${title(at.source)} has this number, but about something else: “${wordsAround(at.index.text, at.index.words, unrelated.start, unrelated.end)}”.`);
    }
  }
  return resolution('not-found', null);
}
