/**
 * A plain-text file into the editor. The first non-empty line is the headline, the next
 * paragraph the dek; paragraphs are separated by blank lines and their lines (hard-wrapped
 * at 72 columns, say) joined with spaces — unless the file has no blank line at all, when
 * each line is a paragraph. The rest is conservative: a block whose every line starts with
 * a bullet or a number is a list, and a short line that reads like a subhead (one line, a
 * capital, no closing punctuation but a question mark, a real paragraph or a list after
 * it) becomes an h2. (A "By …" line under the headline is the byline, as in every format.)
 */
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode, type LexicalEditor } from 'lexical';
import { MAX_HEADLINE, type DocumentMeta } from './article-shape';

type Block = { kind: 'paragraph' | 'subhead'; text: string } | { kind: 'list'; ordered: boolean; items: string[] };

const LIST_ITEM = /^\s*(?:([-*•–])|(\d{1,3})[.)])\s+(\S.*)$/;

/** Reads the text into the editor's root; the headline is its first block, an h1. */
export function importPlainText(text: string, editor: LexicalEditor, fallbackHeadline: string): DocumentMeta {
  const chunks = text
    .split(/\n[ \t\u00a0]*\n/)
    .map((chunk) => chunk.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0);
  const first = chunks[0] ?? [];
  const headline = first[0] && first[0].length <= MAX_HEADLINE ? first[0] : '';
  if (headline) chunks[0] = first.slice(1);
  // A file with no blank line anywhere has one paragraph a line.
  const lines = chunks.length === 1 ? chunks[0]!.map((line) => [line]) : chunks.filter((c) => c.length > 0);

  const blocks = lines.map(blockOf);
  // The first block (after a "By …" line) is the dek's place; a subhead never takes it.
  const dekIndex = lines[0]?.length === 1 && /^by\s/i.test(lines[0][0]!) ? 1 : 0;
  for (let i = dekIndex + 1; i < blocks.length - 1; i++) {
    const block = blocks[i]!;
    if (block.kind === 'paragraph' && looksLikeSubhead(lines[i]!) && readsAsParagraph(blocks[i + 1]!, lines[i + 1]!)) block.kind = 'subhead';
  }

  editor.update(() => {
    const root = $getRoot();
    if (headline) root.append(withText($createHeadingNode('h1'), headline));
    for (const block of blocks) {
      if (block.kind === 'list') {
        const list = $createListNode(block.ordered ? 'number' : 'bullet');
        for (const item of block.items) list.append(withText($createListItemNode(), item));
        root.append(list);
      } else {
        root.append(withText(block.kind === 'subhead' ? $createHeadingNode('h2') : $createParagraphNode(), block.text));
      }
    }
  }, { discrete: true });
  return { fallbackHeadline };
}

function blockOf(lines: string[]): Block {
  const items = lines.map((line) => LIST_ITEM.exec(line));
  if (items.every(Boolean)) {
    return { kind: 'list', ordered: items[0]![2] !== undefined, items: items.map((m) => m![3]!) };
  }
  return { kind: 'paragraph', text: lines.join(' ') };
}

/** One short line, starting with a capital or a digit, ending without a period, comma, colon or quote. */
function looksLikeSubhead(lines: string[]): boolean {
  const line = lines[0]!;
  return lines.length === 1 && line.length <= 80 && line.split(/\s+/).length <= 12 && /^[\p{Lu}\p{N}]/u.test(line) && !/[.,;:!…'"’”»)\]-]$/u.test(line);
}

/** A list, or a paragraph that reads as running text: longer than a subhead, or ending as a sentence does. */
function readsAsParagraph(block: Block, lines: string[]): boolean {
  if (block.kind === 'list') return true;
  return block.kind === 'paragraph' && !looksLikeSubhead(lines) && (block.text.length > 80 || /[.!?…"”’»)]$/u.test(block.text));
}

function withText<T extends ElementNode>(node: T, text: string): T {
  return node.append($createTextNode(text));
}
