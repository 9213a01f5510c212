/**
 * Claim extraction from a serialized Lexical body: every quote, figure and attribution,
 * in document order, each with its block path and offsets in the block's text
 * (`positionedText`) and a stable id. Pure: runs in Node and in a browser worker.
 *
 * `ClaimExtractor` keeps each block's claims by the block's text and attributions, so an
 * edit to one paragraph re-extracts only that paragraph; ids are then given over the whole
 * document (they count equal claims, so they need it), which is cheap.
 */
import type { LexicalBody } from '../../shared/article';
import { positionedText, type PositionedText, type SerializedNodeLike } from '../plain-text';
import { attributionSpans, nodeAtPath } from './attribution-spans';
import { blockClaims, type BlockInput, type ClaimDraft } from './block-claims';
import { assignClaimIds } from './claim-id';
import type { ClaimExtraction, EditorNote } from './claim-types';
import { guessLanguage } from './language';
import { numberStyleOf } from './numbers';

/** How to read the body. */
export interface ExtractOptions {
  /** The article's language (meta.language); guessed from the text when absent. */
  language?: string | null;
  /** The body's `positionedText`, when the caller has it already. */
  positioned?: PositionedText;
}

type BlockResult = { claims: ClaimDraft[]; notes: EditorNote[] };

/** Extracts claims, keeping each block's result for the next call (at most `capacity` blocks). */
export class ClaimExtractor {
  private cache = new Map<string, BlockResult>();

  constructor(private readonly capacity = 20_000) {}

  extract(body: LexicalBody | { root?: SerializedNodeLike } | null | undefined, options: ExtractOptions = {}): ClaimExtraction {
    const positioned = options.positioned ?? positionedText(body);
    const root = body?.root;
    const style = numberStyleOf(options.language || guessLanguage(positioned.text));
    const drafts: ClaimDraft[] = [];
    const notes: EditorNote[] = [];
    positioned.blocks.forEach((block, index) => {
      const node = root ? nodeAtPath(root, block.path) : null;
      const inline = node ? attributionSpans(node) : null;
      const input: BlockInput = {
        path: block.path,
        type: block.type,
        text: block.text,
        // The walk must give the block's text exactly, or its offsets would not fit.
        spans: inline && inline.text === block.text ? inline.spans : [],
        style,
      };
      if (block.type === 'quote') input.previousText = positioned.blocks[index - 1]?.text;
      const result = this.blockResult(input);
      for (const claim of result.claims) drafts.push(claim.path === block.path ? claim : { ...claim, path: block.path });
      for (const note of result.notes) notes.push(note.path === block.path ? note : { ...note, path: block.path });
    });
    return { claims: assignClaimIds(drafts), notes };
  }

  private blockResult(input: BlockInput): BlockResult {
    const key = JSON.stringify([input.type, input.style, input.text, input.spans, input.previousText ?? null]);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const result = blockClaims(input);
    if (this.cache.size >= this.capacity) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, result);
    return result;
  }
}

/** Every claim and editor note of a body, in document order. */
export function extractClaims(body: LexicalBody | { root?: SerializedNodeLike } | null | undefined, options: ExtractOptions = {}): ClaimExtraction {
  return new ClaimExtractor().extract(body, options);
}
