/**
 * The check of an article against its sources: every claim extracted, matched, and given
 * a status, plus warnings for the article as a whole.
 *
 * Fast by keeping things: one index per snapshot (by its text), the claims of each
 * block (by its text), and each claim's answer (by what it says, for the same set of
 * sources). Re-checking after one paragraph changed extracts and matches only that
 * paragraph's claims.
 */
import type { Claim } from '../../document/claims/claim-types';
import { ClaimExtractor } from '../../document/claims/extract-claims';
import { figureKey } from '../../document/claims/figure-key';
import { contextStems } from '../../document/claims/figures';
import { guessLanguage } from '../../document/claims/language';
import { numberStyleOf, type NumberStyle } from '../../document/claims/numbers';
import { tokenizeWords, type Words } from '../../document/claims/tokens';
import { positionedText } from '../../document/plain-text';
import { CONTEXT_WORDS } from './match-figure';
import { prepareQuote } from './match-quote';
import { wordsAround } from './passage';
import { resolveClaim, type ClaimQuery, type IndexedSource, type Resolution, type SourceSet } from './resolve-claim';
import type { CheckInput, CheckResult, CheckSource, ClaimResult } from './review-types';
import { reviewWarnings } from './review-warnings';
import { SourceIndexCache } from './source-index';
import { tableContext } from './table-context';

/** Answers kept per set of sources. */
const MAX_ANSWERS = 50_000;

const usable = (source: CheckSource | undefined): source is CheckSource & { snapshot: string } => typeof source?.snapshot === 'string' && source.snapshot.trim() !== '';

/** A checker keeps its indexes and answers between checks; one per window or process is plenty. */
export class ReviewChecker {
  private readonly extractor = new ClaimExtractor();
  private readonly indexes = new SourceIndexCache();
  /** Each source's snapshot as last seen, and a number that changes when the snapshot does. */
  private readonly seen = new Map<string, { text: string; version: number }>();
  private versions = 0;
  private answers = new Map<string, Resolution>();
  private answersFor = '';

  /**
   * Checks one article. Odd input (no body, sources without snapshots, ids that name
   * nothing) gives a plain answer; a fault inside the check is thrown, never answered with
   * an empty list that an approval gate would take for "nothing open".
   */
  check(input: CheckInput): CheckResult {
    return this.run(input);
  }

  /** The version of a source's snapshot: the same while its text is (a string compare, no hashing). */
  private versionOf(source: CheckSource & { snapshot: string }): number {
    const known = this.seen.get(source.id);
    if (known && known.text === source.snapshot) return known.version;
    const version = ++this.versions;
    this.seen.set(source.id, { text: source.snapshot, version });
    return version;
  }

  private run(input: CheckInput): CheckResult {
    const sources = Array.isArray(input.sources) ? input.sources.filter((s) => s && typeof s.id === 'string') : [];
    const byId = new Map(sources.map((s) => [s.id, s]));
    const attachedIds = [...new Set(Array.isArray(input.attachedSourceIds) ? input.attachedSourceIds : [])];
    const indexed = new Map<string, IndexedSource | null>();
    const indexOf = (id: string): IndexedSource | null => {
      if (indexed.has(id)) return indexed.get(id)!;
      const source = byId.get(id);
      const entry = usable(source) ? { source, index: this.indexes.get(source.snapshot, source.language) } : null;
      indexed.set(id, entry);
      return entry;
    };
    let others: IndexedSource[] | null = null;
    const set: SourceSet = {
      byId,
      attached: attachedIds.map(indexOf).filter((s): s is IndexedSource => s !== null),
      others: () => (others ??= sources.filter((s) => !attachedIds.includes(s.id)).map((s) => indexOf(s.id)).filter((s): s is IndexedSource => s !== null)),
      indexOf,
    };

    // Answers hold while the sources are the same ones with the same snapshots.
    const scope = JSON.stringify([attachedIds, sources.map((s) => [s.id, usable(s) ? this.versionOf(s) : null, s.authors ?? []])]);
    if (scope !== this.answersFor) {
      this.answers = new Map();
      this.answersFor = scope;
    }

    const positioned = positionedText(input.body);
    const style: NumberStyle = numberStyleOf(input.language || guessLanguage(positioned.text));
    const { claims, notes } = this.extractor.extract(input.body, { language: input.language ?? null, positioned });
    const blockText = new Map(positioned.blocks.map((b) => [b.path.join('.'), b.text]));
    const blockWords = new Map<string, Words>();
    const wordsOf = (text: string) => {
      let words = blockWords.get(text);
      if (!words) blockWords.set(text, (words = tokenizeWords(text, style)));
      return words;
    };

    // A cell of a table is read with its row's label and its column's header.
    const tableWords = new Map<string, string>();
    const contextOf = (path: number[]) => {
      const at = path.join('.');
      let words = tableWords.get(at);
      if (words === undefined) tableWords.set(at, (words = tableContext(input.body?.root, path)));
      return words;
    };

    const results: ClaimResult[] = claims.map((claim) => {
      const extra = claim.kind === 'figure' ? contextOf(claim.path) : '';
      const { query, key } = this.queryFor(claim, blockText.get(claim.path.join('.')) ?? '', wordsOf, style, extra);
      let answer = this.answers.get(key);
      if (!answer) {
        answer = resolveClaim(claim, query, set);
        // Typing makes new keys (a figure's key holds the words around it): keep the map bounded.
        if (this.answers.size >= MAX_ANSWERS) this.answers.clear();
        this.answers.set(key, answer);
      }
      const { sourceId: attributed, ...rest } = claim;
      const result: ClaimResult = { ...rest, ...answer };
      if (attributed !== undefined) result.attributedSourceId = attributed;
      return result;
    });
    backAttributionsByTheirClaims(results);
    return { claims: results, warnings: reviewWarnings({ ...input, attachedSourceIds: attachedIds }, byId, results, notes) };
  }

  /** What a claim is looked for with, and the key its answer is kept under. */
  private queryFor(claim: Claim, text: string, wordsOf: (text: string) => Words, style: NumberStyle, tableWords = ''): { query: ClaimQuery; key: string } {
    const who = `${claim.sourceId ?? ''}|${claim.speaker ?? ''}|${claim.speakerIsRole ? 'role' : ''}`;
    if (claim.kind !== 'figure' || !claim.figure) {
      return { query: { kind: 'text', quote: prepareQuote(claim.text, style) }, key: `t|${who}|${claim.kind === 'quote' ? 'q' : 'a'}|${claim.text}` };
    }
    const words = wordsOf(text);
    const stems = contextStems(words, claim.start, claim.end, CONTEXT_WORDS);
    let articleWords = wordsAround(text, words, claim.start, claim.end);
    if (tableWords) {
      const extra = wordsOf(tableWords);
      for (const s of contextStems(extra, 0, 0, extra.norms.length)) if (!stems.includes(s)) stems.push(s);
      articleWords = `${articleWords} (${tableWords})`;
    }
    return {
      query: { kind: 'figure', figure: { figure: claim.figure, key: figureKey(claim.figure), stems }, articleWords },
      key: `f|${who}|${claim.normalized}|${claim.figure.noun ?? ''}|${articleWords}|${stems.join(' ')}`,
    };
  }
}

/**
 * An attribution is backed when the source it names holds what it attributes: a span that
 * paraphrases around a figure or a quote ("Some 450 jobs will come with the expansion") is
 * not in the source word for word, but its figures and quotes are, and those are what it
 * vouches for. So a span whose own words are not found takes its claims' answer when every
 * one of them is backed (or close) by the attributed source itself.
 */
function backAttributionsByTheirClaims(results: ClaimResult[]): void {
  for (const span of results) {
    if (span.kind !== 'attribution' || span.status === 'backed' || span.attributedSourceId === undefined) continue;
    const inner = results.filter(
      (c) => c !== span && c.kind !== 'attribution' && c.path.join('.') === span.path.join('.') && c.start >= span.start && c.end <= span.end,
    );
    if (!inner.length || !inner.every((c) => c.sourceId === span.attributedSourceId && (c.status === 'backed' || c.status === 'close' || c.status === 'speaker-unconfirmed'))) continue;
    const first = inner[0]!;
    Object.assign(span, {
      status: inner.every((c) => c.status !== 'close') ? 'backed' : 'close',
      sourceId: first.sourceId,
      passage: first.passage,
      passageStart: first.passageStart,
      passageEnd: first.passageEnd,
      matchStart: first.matchStart,
      matchEnd: first.matchEnd,
      diff: null,
      similarity: Math.min(...inner.map((c) => c.similarity)),
      note: `Its ${inner.some((c) => c.kind === 'quote') ? (inner.some((c) => c.kind === 'figure') ? 'figures and quotes are' : inner.length > 1 ? 'quotes are' : 'quote is') : inner.length > 1 ? 'figures are' : 'figure is'} in the source it names; the rest is the article's wording.`,
    } satisfies Partial<ClaimResult>);
    delete span.context;
  }
}

export function createReviewChecker(): ReviewChecker {
  return new ReviewChecker();
}

const shared = new ReviewChecker();

/** Checks an article's claims against its sources (with the process's shared checker and its caches). */
export function checkArticle(input: CheckInput): CheckResult {
  return shared.check(input);
}
