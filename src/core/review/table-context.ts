/**
 * What a number in a table is about. A cell says little ("2025", "38.5%"): its row's first
 * cell and its column's header cell say the rest, so those words are the figure's context
 * when it is looked for in the sources. A header cell ("2025") is about the whole table's
 * rows, a row label about the header.
 */
import { nodeAtPath } from '../../document/claims/attribution-spans';
import { positionedText, type SerializedNodeLike } from '../../document/plain-text';

const childrenOf = (node: SerializedNodeLike | null): SerializedNodeLike[] =>
  node && Array.isArray(node.children) ? (node.children as unknown[]).filter((c): c is SerializedNodeLike => typeof c === 'object' && c !== null) : [];

const cellText = (cell: SerializedNodeLike | undefined) => (cell ? positionedText({ root: cell }).text.replace(/\s+/g, ' ').trim() : '');

/**
 * The words that tell what the block at `path` is about when it sits in a table cell (the
 * cell's own text left out), or '' when it is not in a table. A block in a cell has the
 * path […table, row, cell, block].
 */
export function tableContext(root: SerializedNodeLike | undefined, path: number[]): string {
  if (!root || path.length < 4) return '';
  const tablePath = path.slice(0, -3);
  const table = tablePath.length ? nodeAtPath(root, tablePath) : null;
  if (table?.type !== 'table') return '';
  const rows = childrenOf(table);
  const [r, c] = [path[path.length - 3]!, path[path.length - 2]!];
  const cellAt = (row: number, column: number) => childrenOf(rows[row] ?? null)[column];
  const parts: string[] = [];
  if (r === 0) for (let row = 1; row < rows.length; row++) parts.push(cellText(cellAt(row, 0)));
  else if (c !== 0) parts.push(cellText(cellAt(r, 0)));
  if (c === 0) parts.push(...childrenOf(rows[0] ?? null).slice(1).map((cell) => cellText(cell)));
  else if (r !== 0) parts.push(cellText(cellAt(0, c)));
  return parts.filter(Boolean).join(' · ');
}
