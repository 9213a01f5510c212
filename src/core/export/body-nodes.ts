/**
 * The serialized body as the export renderers read it: the fields of each node type the
 * article may hold (src/document/nodes.ts), Lexical's text format bits, and the rules both
 * renderers share (which link URLs survive, how attributions are numbered).
 */

import { safeLinkUrl } from '../../shared/safe-url';

/** A serialized Lexical node, as far as the renderers read it. */
export interface BodyNode {
  type: string;
  children?: BodyNode[];
  /** text */
  text?: string;
  format?: number | string;
  /** heading: h1…h6; list: ul/ol */
  tag?: string;
  /** list */
  listType?: 'bullet' | 'number' | 'check';
  start?: number;
  /** listitem of a check list */
  checked?: boolean;
  /** link */
  url?: string;
  title?: string | null;
  /** attribution */
  sourceId?: string;
  locator?: string;
  /** pullquote: who said it */
  attribution?: string;
  /** image */
  asset?: string;
  alt?: string;
  caption?: string;
  credit?: string;
  /** tablecell: a header cell when non-zero (Lexical's TableCellHeaderStates bits) */
  headerState?: number;
}

/** Lexical's TextNode format bits (lexical/LexicalConstants). */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 1 << 1,
  strikethrough: 1 << 2,
  underline: 1 << 3,
  code: 1 << 4,
  subscript: 1 << 5,
  superscript: 1 << 6,
  highlight: 1 << 7,
} as const;

export const hasFormat = (node: BodyNode, bit: number): boolean => typeof node.format === 'number' && (node.format & bit) !== 0;

/**
 * A link's URL as a bundle may carry it (the project's one link rule, src/shared/safe-url),
 * or null: the link is then unwrapped and its text kept.
 */
export const exportableUrl = safeLinkUrl;

export const childrenOf = (node: BodyNode): BodyNode[] => (Array.isArray(node.children) ? node.children : []);

/** The number of a cited source in the bundle's source list (1-based), or null for a source not in it. */
export type SourceNumber = (sourceId: string) => number | null;

/** A table's rows, each a list of its cells. */
export const tableRows = (table: BodyNode): BodyNode[][] =>
  childrenOf(table)
    .filter((row) => row.type === 'tablerow')
    .map((row) => childrenOf(row).filter((cell) => cell.type === 'tablecell'));

/** Whether a table's first row is its header row (every cell of it a header cell). */
export const hasHeaderRow = (rows: BodyNode[][]): boolean => rows.length > 0 && rows[0]!.length > 0 && rows[0]!.every((cell) => (cell.headerState ?? 0) !== 0);
