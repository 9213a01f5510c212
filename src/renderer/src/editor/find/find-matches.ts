/**
 * Where a search finds its words in the body: each block's text is read as one string
 * across its formatted runs (bold in the middle of a word, a link, an attribution), the
 * pattern is matched there, and each match is mapped back to the text nodes and offsets it
 * starts and ends in. Runs inside a Lexical read or update.
 */
import { $getRoot, $isElementNode, $isTextNode, type ElementNode, type LexicalNode } from 'lexical';
import { BlockCache, type ChangedBlocks } from '../../../../document/changed-blocks';

export interface FindOptions {
  matchCase: boolean;
  wholeWord: boolean;
}

/** A point in the body: a text node and an offset in its text. */
export interface TextPoint {
  key: string;
  offset: number;
}

export interface FindMatch {
  start: TextPoint;
  end: TextPoint;
  /** The words matched, as they are in the text. */
  text: string;
}

/** A run of one block's text, and where it sits in the block's string. */
interface Run {
  key: string;
  from: number;
  length: number;
}

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';

/** The pattern of a query, or null for an empty one. Typed text is literal, never a regex. */
export function findPattern(query: string, { matchCase, wholeWord }: FindOptions): RegExp | null {
  if (query === '') return null;
  const literal = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const source = wholeWord ? `(?<!${WORD_CHAR})${literal}(?!${WORD_CHAR})` : literal;
  return new RegExp(source, `gu${matchCase ? '' : 'i'}`);
}

/** One block's text with its runs; anything that is not text (a line break, an image) breaks a match. */
function blockText(block: ElementNode, blocks: ElementNode[]): { text: string; runs: Run[] } {
  let text = '';
  const runs: Run[] = [];
  const visit = (node: LexicalNode) => {
    if ($isTextNode(node)) {
      const content = node.getTextContent();
      runs.push({ key: node.getKey(), from: text.length, length: content.length });
      text += content;
    } else if ($isElementNode(node) && node.isInline()) {
      for (const child of node.getChildren()) visit(child);
    } else if ($isElementNode(node)) {
      blocks.push(node); // a block inside a block (a list in a list item): its own text
      text += '\n';
    } else {
      text += '\n';
    }
  };
  for (const child of block.getChildren()) visit(child);
  return { text, runs };
}

/** The text node and offset at `index` of a block's string; an end lands at the end of the run before. */
function pointAt(runs: Run[], index: number, isEnd: boolean): TextPoint | null {
  for (const run of runs) {
    const inside = isEnd ? index > run.from && index <= run.from + run.length : index >= run.from && index < run.from + run.length;
    if (inside) return { key: run.key, offset: index - run.from };
  }
  return null;
}

/** The matches in one top-level block (and the blocks nested in it), in reading order. */
export function $blockMatches(block: LexicalNode, pattern: RegExp, limit = 10_000): FindMatch[] {
  const matches: FindMatch[] = [];
  if (!$isElementNode(block)) return matches;
  const blocks: ElementNode[] = [block];
  // Nested blocks are taken up right after their parent.
  for (let i = 0; i < blocks.length && matches.length < limit; i++) {
    const nested: ElementNode[] = [];
    const { text, runs } = blockText(blocks[i]!, nested);
    blocks.splice(i + 1, 0, ...nested);
    pattern.lastIndex = 0;
    for (let found = pattern.exec(text); found && matches.length < limit; found = pattern.exec(text)) {
      if (found[0] === '') {
        pattern.lastIndex++;
        continue;
      }
      const start = pointAt(runs, found.index, false);
      const end = pointAt(runs, found.index + found[0].length, true);
      if (start && end) matches.push({ start, end, text: found[0] });
    }
  }
  return matches;
}

/** Every match of the pattern in the body, in reading order. */
export function $findMatches(pattern: RegExp | null, limit = 10_000): FindMatch[] {
  if (!pattern) return [];
  const matches: FindMatch[] = [];
  for (let child = $getRoot().getFirstChild(); child !== null && matches.length < limit; child = child.getNextSibling()) {
    for (const match of $blockMatches(child, pattern, limit - matches.length)) matches.push(match);
  }
  return matches;
}

/**
 * The matches of one pattern kept per block as the text changes: after an edit only the
 * blocks it touched are searched again (a keystroke in a 20,000-word article searches its
 * paragraph, not the article), so the count and the marks stay exact while typing.
 */
export class LiveMatches {
  private readonly cache: BlockCache<FindMatch[]>;

  constructor(pattern: RegExp, private readonly limit = 10_000) {
    this.cache = new BlockCache((block) => $blockMatches(block, pattern, limit));
  }

  /** Inside a read: every match, in reading order. */
  $matches(changes: ChangedBlocks): FindMatch[] {
    const matches: FindMatch[] = [];
    for (const { value } of this.cache.$blocks(changes)) {
      for (const match of value) {
        if (matches.length >= this.limit) return matches;
        matches.push(match);
      }
    }
    return matches;
  }
}
