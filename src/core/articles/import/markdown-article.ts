/**
 * A Markdown file into the editor: @lexical/markdown's importer with the transformers an
 * article has nodes for (headings, quotes, lists, links, text formats), and three of our
 * own so nothing reaches the body as stray markup: fenced code becomes a paragraph of code
 * text, an image its alt text, a thematic break nothing. Setext headings (a line underlined
 * with === or ---) are rewritten as ATX ones first. YAML front matter gives the meta.
 */
import { $createLinkNode, LinkNode } from '@lexical/link';
import {
  $convertFromMarkdownString,
  HEADING,
  LINK,
  ORDERED_LIST,
  QUOTE,
  TEXT_FORMAT_TRANSFORMERS,
  UNORDERED_LIST,
  type ElementTransformer,
  type MultilineElementTransformer,
  type TextMatchTransformer,
  type Transformer,
} from '@lexical/markdown';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, IS_CODE, type LexicalEditor } from 'lexical';
import type { DocumentMeta } from './article-shape';
import { splitFrontMatter } from './front-matter';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Fenced code: a paragraph of code-formatted lines (an article has no code block node). */
const FENCED_CODE: MultilineElementTransformer = {
  type: 'multiline-element',
  dependencies: [],
  regExpStart: /^ {0,3}(`{3,}|~{3,})[^`]*$/,
  regExpEnd: { optional: true, regExp: /^ {0,3}(`{3,}|~{3,})\s*$/ },
  replace: (rootNode, _children, _start, _end, lines) => {
    const paragraph = $createParagraphNode();
    // The importer hands over what follows the opening fence and precedes the closing one as lines too.
    const code = (lines ?? []).join('\n').replace(/^\n+|\n+$/g, '').split('\n');
    code.forEach((line, i) => {
      if (i > 0) paragraph.append($createLineBreakNode());
      if (line) paragraph.append($createTextNode(line).setFormat(IS_CODE));
    });
    rootNode.append(paragraph);
  },
};

/** A thematic break (---, ***, ___): an empty paragraph, which the body's tidying removes. */
const THEMATIC_BREAK: ElementTransformer = {
  type: 'element',
  dependencies: [],
  export: () => null,
  regExp: /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/,
  replace: () => {},
};

/** An image: its alt text stays, the picture does not (an article's images come from its assets). */
function imageTransformer(onImage: () => void): TextMatchTransformer {
  return {
    type: 'text-match',
    dependencies: [],
    importRegExp: /!\[([^\]]*)\]\((?:<[^>\n]*>|[^()\s]*)(?:\s+"[^"]*")?\s*\)/,
    regExp: /!\[([^\]]*)\]\((?:<[^>\n]*>|[^()\s]*)(?:\s+"[^"]*")?\s*\)$/,
    replace: (node, match) => {
      onImage();
      const alt = match[1] ?? '';
      if (alt) node.setTextContent(alt);
      else node.remove();
    },
  };
}

/** An autolink (<https://…>, <mailto:…>): a link whose text is its address. */
const AUTOLINK: TextMatchTransformer = {
  type: 'text-match',
  dependencies: [LinkNode],
  importRegExp: /<((?:https?|mailto):[^\s<>]+)>/i,
  regExp: /<((?:https?|mailto):[^\s<>]+)>$/i,
  replace: (node, match) => {
    const url = match[1] ?? '';
    const link = $createLinkNode(url);
    link.append($createTextNode(url));
    node.replace(link);
  },
};

/** Reads the Markdown into the editor's root and returns what its front matter says. */
export function importMarkdown(markdown: string, editor: LexicalEditor, warnings: string[], fallbackHeadline: string): DocumentMeta {
  const { fields, rest } = splitFrontMatter(markdown);
  let images = 0;
  const transformers: Transformer[] = [
    HEADING,
    QUOTE,
    UNORDERED_LIST,
    ORDERED_LIST,
    THEMATIC_BREAK,
    FENCED_CODE,
    imageTransformer(() => images++),
    AUTOLINK,
    LINK,
    ...TEXT_FORMAT_TRANSFORMERS,
  ];
  editor.update(() => $convertFromMarkdownString(atxHeadings(rest), transformers, undefined, false, true), { discrete: true });
  if (images) warnings.push(`${images} image${images === 1 ? '' : 's'} left out (alt text kept); add images from the workspace's assets`);
  return {
    fallbackHeadline,
    ...(fields?.title ? { headline: fields.title } : {}),
    ...(fields?.description ? { dek: fields.description } : {}),
    ...(fields?.kicker ? { kicker: fields.kicker } : {}),
    ...(fields?.authors?.length ? { bylines: fields.authors } : {}),
    ...(fields?.language ? { language: fields.language } : {}),
  };
}

/** Setext headings (a text line underlined with = or -) rewritten as `#`/`##`, outside fenced code. */
function atxHeadings(markdown: string): string {
  const lines = markdown.split('\n');
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) inFence = !inFence;
    const underline = /^ {0,3}(=+|-+)[ \t]*$/.exec(line)?.[1];
    if (inFence || !underline || i === 0) continue;
    const previous = lines[i - 1]!;
    // Only a one-line paragraph: not a list item, quote, heading or fence, with a blank line (or nothing) above.
    if (!/^ {0,3}\S/.test(previous) || /^ {0,3}([-*+>#]|\d+[.)]\s|`{3}|~{3})/.test(previous)) continue;
    if (i >= 2 && lines[i - 2]!.trim() !== '') continue;
    lines[i - 1] = `${underline.startsWith('=') ? '#' : '##'} ${previous.trim()}`;
    lines[i] = '';
  }
  return lines.join('\n');
}
