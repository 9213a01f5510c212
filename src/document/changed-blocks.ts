/**
 * Work over the body done again only for the top-level blocks an edit touched. Lexical's
 * update listener names the dirty elements (every ancestor of a changed node, up to the
 * root) and leaves, so a block whose key is not among them, and whose node is the same
 * object as before, still holds the text it had. A whole new state (an undo, a restore, a
 * reload: Lexical marks only the root then, with no leaf) makes every block count as
 * changed. Kept per consumer: each gathers the changes since its own last pass.
 */
import { $getRoot, $isDecoratorNode, HISTORIC_TAG, type LexicalNode, type NodeKey } from 'lexical';

/**
 * The text a block counts for in the article's words and characters: a picture (its caption
 * and credit) and a rule count for nothing, as in the word count the file, the library and
 * the export give (plain-text.ts).
 */
export function $countedText(block: LexicalNode): string {
  return $isDecoratorNode(block) ? '' : block.getTextContent();
}

/** What changed in the body since a consumer's last pass. */
export interface ChangedBlocks {
  /** Every block may have changed (the first pass, a whole new state). */
  all: boolean;
  /** Keys of dirty nodes (elements and leaves) since the last pass. */
  keys: Set<NodeKey>;
}

export function allChanged(): ChangedBlocks {
  return { all: true, keys: new Set() };
}

/** True when an update changed the text (not the selection alone). */
export function changesText(dirtyElements: ReadonlyMap<NodeKey, boolean>, dirtyLeaves: ReadonlySet<NodeKey>): boolean {
  return dirtyElements.size > 0 || dirtyLeaves.size > 0;
}

/**
 * Adds one update's dirty nodes to what a consumer has not seen yet. `tags` are the
 * update's: an undo or redo (HISTORIC_TAG) puts a whole older state back.
 */
export function noteChanges(changes: ChangedBlocks, dirtyElements: ReadonlyMap<NodeKey, boolean>, dirtyLeaves: ReadonlySet<NodeKey>, tags?: ReadonlySet<string>): void {
  if (changes.all) return;
  // setEditorState (undo, redo, a restore, a reload) marks the root alone: the nodes under
  // it may all be others with the same keys. A real edit that marks only the root is
  // rare (the last block removed) and counts as everything too.
  if ((dirtyLeaves.size === 0 && dirtyElements.size === 1 && dirtyElements.has('root')) || tags?.has(HISTORIC_TAG)) {
    changes.all = true;
    changes.keys.clear();
    return;
  }
  for (const key of dirtyElements.keys()) changes.keys.add(key);
  for (const key of dirtyLeaves) changes.keys.add(key);
}

/** Forgets the changes once a pass has taken them in. */
export function resetChanges(changes: ChangedBlocks): void {
  changes.all = false;
  changes.keys.clear();
}

/**
 * A value per top-level block (its counts, its matches), computed again only for blocks
 * that changed; the entries of blocks that are gone are dropped at each pass, so the cache
 * never holds more than the body has.
 */
export class BlockCache<T> {
  private entries = new Map<NodeKey, { node: LexicalNode; value: T }>();

  constructor(private readonly compute: (block: LexicalNode) => T) {}

  /** Inside a read: every top-level block with its value, in reading order. */
  $blocks(changes: ChangedBlocks): Array<{ block: LexicalNode; value: T }> {
    const out: Array<{ block: LexicalNode; value: T }> = [];
    const next = new Map<NodeKey, { node: LexicalNode; value: T }>();
    for (let block = $getRoot().getFirstChild(); block !== null; block = block.getNextSibling()) {
      const key = block.getKey();
      const cached = this.entries.get(key);
      const entry = !changes.all && cached && cached.node === block && !changes.keys.has(key) ? cached : { node: block, value: this.compute(block) };
      next.set(key, entry);
      out.push({ block, value: entry.value });
    }
    this.entries = next;
    return out;
  }

  /** How many blocks are held (for tests: never more than the body has). */
  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
