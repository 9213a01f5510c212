/**
 * What every imported document goes through once its blocks are in the editor: the
 * headline and the dek come out of the body into the meta, headings are brought to the
 * article's two subhead levels (h2, h3), links with unsafe or relative addresses become
 * plain text, lists nest no deeper than an article's, and text the editor should not hold
 * (tabs, control characters, empty blocks) is tidied away. Runs inside `editor.update`.
 */
import { $isLinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode } from '@lexical/list';
import { $createHeadingNode, $isHeadingNode, type HeadingNode } from '@lexical/rich-text';
import { $dfs } from '@lexical/utils';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $getRoot,
  $isLineBreakNode,
  $isParagraphNode,
  $isTextNode,
  type LexicalNode,
} from 'lexical';
import { articleMetaSchema } from '../../../shared/article';
import { isSafeLinkUrl } from '../../../shared/safe-url';

/** What a document's own metadata says of the article, beside its body. */
export interface MetaHints {
  /** A title the document names apart from its body (front matter, a page's <h1> or <title>). */
  headline?: string;
  /** A headline to use when the document has none at all (the file's name). */
  fallbackHeadline: string;
  /** A dek the document names apart from its body (front matter, a page's description). */
  dek?: string;
}

/** Everything a document says of the article apart from its body. */
export interface DocumentMeta extends MetaHints {
  kicker?: string;
  bylines?: string[];
  language?: string;
}

export const MAX_HEADLINE = articleMetaSchema.shape.headline.maxLength ?? 500;
export const MAX_DEK = articleMetaSchema.shape.dek.maxLength ?? 5_000;

/** Lists nest at most this deep; deeper items join the deepest list (the body's depth limit is 64 nodes). */
export const MAX_LIST_LEVEL = 8;

/** Characters an article's text never holds: C0 and C1 controls (line breaks are nodes). */
// oxlint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Takes the headline and the dek out of the body and tidies the rest; inside an update. */
export function $shapeImportedBody(hints: MetaHints, warnings: string[]): { headline: string; dek: string; bylines: string[] } {
  $tidyBody(warnings);
  const root = $getRoot();
  const blocks = root.getChildren();
  let headline = '';
  let taken = false;
  let afterHeadline: LexicalNode | null = null;
  const take = (block: LexicalNode) => {
    afterHeadline = block.getNextSibling();
    block.remove();
    taken = true;
  };
  if (hints.headline) {
    headline = oneLine(hints.headline);
    const same = blocks.slice(0, 3).find((b) => $isHeadingNode(b) && sameText(b.getTextContent(), headline));
    if (same) take(same);
    else if ($isHeadingNode(blocks[0]) && blocks[0].getTag() === 'h1') {
      warnings.push(`the first heading ("${oneLine(blocks[0].getTextContent())}") is not the title; it was kept in the body as a subhead`);
    }
  } else {
    const first = blocks.find((b) => $isHeadingNode(b) && b.getTag() === 'h1') ?? ($isHeadingNode(blocks[0]) ? blocks[0] : undefined);
    const text = first ? oneLine(first.getTextContent()) : '';
    if (first && text && text.length <= MAX_HEADLINE) {
      headline = text;
      take(first);
    }
  }
  if (!headline) {
    headline = clip(oneLine(hints.fallbackHeadline), MAX_HEADLINE);
    warnings.push(`no headline was found; the file's name was used ("${headline}")`);
  }

  // Under the headline: the dek, with a "By …" line before or after it taken as the byline.
  let next: LexicalNode | null = taken ? afterHeadline : root.getFirstChild();
  let bylines = $takeByline(next);
  if (bylines) next = bylines.next;
  let dek = '';
  const nextText = $isParagraphNode(next) ? oneLine(next.getTextContent()) : '';
  if (hints.dek) {
    dek = clip(oneLine(hints.dek), MAX_DEK);
    if (next && nextText && sameText(nextText, dek)) next = removed(next);
  } else if (next && nextText && nextText.length <= MAX_DEK) {
    dek = nextText;
    next = removed(next);
  } else {
    warnings.push('no dek was found (a paragraph right after the headline); the dek is empty');
  }
  bylines ??= $takeByline(next);

  for (const block of root.getChildren()) if ($isHeadingNode(block)) $mapHeading(block);
  if (root.getChildrenSize() === 0) {
    root.append($createParagraphNode());
    warnings.push('the document has no text beyond its headline and dek; the body is empty');
  }
  return { headline, dek, bylines: bylines?.names ?? [] };
}

/** Lower-case words a name may hold ("Saar de Wit", "Omar bin Said"), and the words joining names. */
const NAME_WORDS = new Set(['de', 'der', 'den', 'van', 'von', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'ter', 'ten', 'and', '&']);

/**
 * The names of a "By …" paragraph at `node`, which is removed, and the node after it; or
 * null. Only names: "By Friday the port had…" is a sentence, not a byline.
 */
function $takeByline(node: LexicalNode | null): { names: string[]; next: LexicalNode | null } | null {
  if (!$isParagraphNode(node)) return null;
  const text = oneLine(node.getTextContent());
  const names = /^by\s+(\S.*)$/i.exec(text)?.[1] ?? '';
  const words = names.split(/[\s,;]+/).filter(Boolean);
  const onlyNames = words.every((word) => /^\p{Lu}/u.test(word) || NAME_WORDS.has(word.toLowerCase()));
  if (!names || text.length > 120 || words.length > 12 || !onlyNames || /\d/.test(names) || /([!?:]|[^\p{Lu}]\.)$/u.test(names)) return null;
  return { names: bylineNames(text), next: removed(node) };
}

/** "By Mara Voss and Tom Ekdahl" → the two names; commas part names only in a list ("A, B and C"). */
export function bylineNames(byline: string): string[] {
  const names = oneLine(byline).replace(/^by\s+/i, '');
  const separators = /\s(?:and|&)\s/i.test(names) ? /\s*(?:;|,|&|\band\b)\s*/i : /\s*;\s*/;
  return names
    .split(separators)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Removes the node and hands back the one that followed it. */
function removed(node: LexicalNode): LexicalNode | null {
  const next = node.getNextSibling();
  node.remove();
  return next;
}

/** h1 (past the headline) becomes a subhead, h4–h6 the lower subhead: an article has h2 and h3. */
function $mapHeading(heading: HeadingNode): void {
  const tag = heading.getTag();
  const mapped = tag === 'h1' ? 'h2' : tag === 'h4' || tag === 'h5' || tag === 'h6' ? 'h3' : null;
  if (mapped) heading.replace($createHeadingNode(mapped), true);
}

/** Unsafe links unwrapped, text cleaned, empty blocks and list items removed; deepest first. */
function $tidyBody(warnings: string[]): void {
  let unwrapped = 0;
  const nodes = $dfs($getRoot()).map((entry) => entry.node);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    if (!node.isAttached()) continue;
    if ($isTextNode(node)) {
      const text = node.getTextContent();
      const clean = text.replace(/[\t\n]/g, ' ').replace(CONTROL, '');
      if (clean === '') node.remove();
      else if (clean !== text) node.setTextContent(clean);
    } else if ($isLineBreakNode(node)) {
      // A fresh node drops state an importer left on it (@lexical/markdown marks hard breaks).
      node.replace($createLineBreakNode());
    } else if ($isLinkNode(node)) {
      if (!isSafeLinkUrl(node.getURL())) {
        unwrapped++;
        for (const child of node.getChildren()) node.insertBefore(child);
        node.remove();
      } else if (node.getTextContentSize() === 0) {
        node.remove();
      }
    } else if ($isListItemNode(node)) {
      if (node.getTextContent().trim() === '' && !node.getChildren().some($isListNode)) node.remove();
    } else if ($isListNode(node)) {
      if (node.getChildrenSize() === 0) node.remove();
    } else if (node.getParent() === $getRoot() && node.getTextContent().trim() === '') {
      node.remove();
    }
  }
  $flattenDeepLists();
  if (unwrapped) warnings.push(`${unwrapped} link${unwrapped === 1 ? '' : 's'} with an unsafe or relative address kept as plain text`);
}

/** Lists nested past MAX_LIST_LEVEL give their items to the list around them; parents first. */
function $flattenDeepLists(): void {
  for (const { node } of $dfs($getRoot())) {
    if (!$isListNode(node) || !node.isAttached()) continue;
    const wrapper = node.getParent();
    if (!$isListItemNode(wrapper) || node.getParents().filter($isListNode).length < MAX_LIST_LEVEL) continue;
    for (const item of node.getChildren()) wrapper.insertBefore(item);
    node.remove();
    if (wrapper.getChildrenSize() === 0) wrapper.remove();
  }
}

/** Text on one line with its white space collapsed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text cut at a word boundary to at most `max` characters, an ellipsis marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => oneLine(s.normalize('NFKC')).toLowerCase().replace(/[.:!?]+$/, '');
  return norm(a) === norm(b);
}
