/**
 * The article body as Markdown (CommonMark with GFM strikethrough and footnotes, what Hugo,
 * Jekyll and Astro read), one plain function per node type. Text is escaped so that
 * nothing the writer typed becomes markup or raw HTML; attributions become footnote
 * references (`[^1]`) to the source list; links keep safe schemes only.
 */
import { isAssetName } from '../../shared/assets';
import { childrenOf, exportableUrl, hasFormat, hasHeaderRow, tableRows, TEXT_FORMAT, type BodyNode, type SourceNumber } from './body-nodes';

interface MdContext {
  sourceNumber: SourceNumber;
}

/** Backslash-escapes every character Markdown could read as markup; `&` only where it would start an entity. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#!]/g, '\\$&').replace(/&(?=#?[a-zA-Z0-9]+;)/g, '&amp;');
}

/** Line starts that would open a list, a heading underline or an indented code block. */
function escapeLineStarts(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^[ \t]+/, '').replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2'))
    .join('\n');
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

const WRAPS: Array<[number, string, string]> = [
  [TEXT_FORMAT.bold, '**', '**'],
  [TEXT_FORMAT.italic, '*', '*'],
  [TEXT_FORMAT.strikethrough, '~~', '~~'],
];

/**
 * Markdown has no subscript, superscript or underline. Digits and signs (CO₂, m², footnote
 * marks) become their Unicode forms, which every renderer shows; anything else keeps its
 * meaning in inline HTML (`<sub>`, `<sup>`, `<u>`), which a renderer that drops raw HTML
 * reduces to the plain words.
 */
const SUBSCRIPTS: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎' };
const SUPERSCRIPTS: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ' };

/** The text in Unicode sub- or superscript characters, or null when one of its characters has none. */
function scripted(text: string, table: Record<string, string>): string | null {
  let out = '';
  for (const char of text) {
    const mapped = table[char];
    if (mapped === undefined) return null;
    out += mapped;
  }
  return out;
}

/** Sub/superscript and underline on text already escaped (`core` is the raw text, for the Unicode forms). */
function renderScripts(node: BodyNode, core: string, md: string): string {
  if (hasFormat(node, TEXT_FORMAT.code)) return md;
  let out = md;
  if (hasFormat(node, TEXT_FORMAT.subscript)) out = scripted(core, SUBSCRIPTS) ?? `<sub>${md}</sub>`;
  else if (hasFormat(node, TEXT_FORMAT.superscript)) out = scripted(core, SUPERSCRIPTS) ?? `<sup>${md}</sup>`;
  return hasFormat(node, TEXT_FORMAT.underline) ? `<u>${out}</u>` : out;
}

/** Emphasis markers hug the words: spaces at either end move outside them (CommonMark ignores `** x**`). */
function renderText(node: BodyNode): string {
  const raw = typeof node.text === 'string' ? node.text : '';
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(raw)!;
  const [, lead = '', core = '', trail = ''] = match;
  if (!core) return raw;
  let md = renderScripts(node, core, hasFormat(node, TEXT_FORMAT.code) ? codeSpan(core) : escapeMarkdown(core));
  for (const [bit, open, close] of WRAPS) if (hasFormat(node, bit)) md = `${open}${md}${close}`;
  return `${lead}${md}${trail}`;
}

/** Neighbouring text nodes with the same format are one run (`**a****b**` would not be bold). */
function mergedRuns(children: BodyNode[]): BodyNode[] {
  const runs: BodyNode[] = [];
  for (const child of children) {
    const last = runs.at(-1);
    if (child.type === 'text' && last?.type === 'text' && last.format === child.format) runs[runs.length - 1] = { ...last, text: `${last.text ?? ''}${child.text ?? ''}` };
    else runs.push(child);
  }
  return runs;
}

function inline(node: BodyNode, context: MdContext): string {
  return mergedRuns(childrenOf(node))
    .map((child) => {
      switch (child.type) {
        case 'text':
          return renderText(child);
        case 'linebreak':
          return '\\\n';
        case 'tab':
          return ' ';
        case 'link':
          return renderLink(child, context);
        case 'attribution':
          return renderAttribution(child, context);
        case 'editornote':
          return '';
        default:
          return inline(child, context);
      }
    })
    .join('');
}

function renderLink(node: BodyNode, context: MdContext): string {
  const text = inline(node, context);
  const url = exportableUrl(node.url);
  if (!url || !text.trim()) return text;
  const title = typeof node.title === 'string' && node.title ? ` "${node.title.replace(/["\\]/g, '\\$&').replace(/\s+/g, ' ')}"` : '';
  return `[${text}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>${title})`;
}

function renderAttribution(node: BodyNode, context: MdContext): string {
  const number = node.sourceId ? context.sourceNumber(node.sourceId) : null;
  return `${inline(node, context)}${number === null ? '' : `[^${number}]`}`;
}

function renderList(node: BodyNode, context: MdContext): string {
  const start = Number.isInteger(node.start) ? node.start! : 1;
  let n = start;
  return childrenOf(node)
    .filter((item) => item.type === 'listitem')
    .map((item) => {
      const marker = node.listType === 'number' ? `${n++}. ` : node.listType === 'check' ? `- [${item.checked ? 'x' : ' '}] ` : '- ';
      const nested = childrenOf(item).filter((child) => child.type === 'list');
      const text = escapeLineStarts(inline({ ...item, children: childrenOf(item).filter((child) => child.type !== 'list') }, context));
      const body = [text, ...nested.map((list) => renderList(list, context))].filter(Boolean).join('\n');
      const [first = '', ...rest] = body.split('\n');
      const pad = ' '.repeat(marker.length);
      return [`${marker}${first}`, ...rest.map((line) => (line ? pad + line : line))].join('\n');
    })
    .join('\n');
}

/** A GFM table; a table without a header row gets an empty one (GFM needs one). */
function renderTable(node: BodyNode, context: MdContext): string {
  const rows = tableRows(node);
  if (!rows.length) return '';
  const width = Math.max(...rows.map((row) => row.length));
  const line = (row: BodyNode[]) =>
    `| ${Array.from({ length: width }, (_, i) => (row[i] ? inline(row[i]!, context).replace(/\\\n|\n/g, ' ').trim() : '')).join(' | ')} |`;
  const header = hasHeaderRow(rows);
  const head = header ? line(rows[0]!) : `| ${Array.from({ length: width }, () => ' ').join(' | ')} |`;
  const rule = `| ${Array.from({ length: width }, () => '---').join(' | ')} |`;
  return [head, rule, ...(header ? rows.slice(1) : rows).map(line)].join('\n');
}

function renderImage(node: BodyNode): string {
  if (!isAssetName(node.asset)) return '';
  const caption = [node.caption?.trim() ?? '', node.credit?.trim() ?? ''].filter(Boolean).map(escapeMarkdown).join(' — ');
  return `![${escapeMarkdown(node.alt?.replace(/\s+/g, ' ').trim() ?? '')}](${node.asset})${caption ? `\n*${caption}*` : ''}`;
}

function renderBlock(node: BodyNode, context: MdContext): string {
  switch (node.type) {
    case 'pullquote': {
      const text = escapeLineStarts(inline(node, context));
      if (!text.trim()) return '';
      const by = node.attribution?.trim() ? `\n>\n> — ${escapeMarkdown(node.attribution.trim())}` : '';
      return `${text.split('\n').map((line) => `> ${line}`).join('\n')}${by}`;
    }
    case 'table':
      return renderTable(node, context);
    case 'image':
      return renderImage(node);
    case 'horizontalrule':
      return '---';
    case 'heading': {
      const level = Math.min(6, Math.max(2, Number(/^h([1-6])$/.exec(node.tag ?? '')?.[1] ?? 2)));
      const text = inline(node, context).replace(/\\\n/g, ' ').trim();
      return text ? `${'#'.repeat(level)} ${text}` : '';
    }
    case 'quote': {
      const text = escapeLineStarts(inline(node, context));
      return text.trim() ? text.split('\n').map((line) => `> ${line}`).join('\n') : '';
    }
    case 'list':
      return renderList(node, context);
    default:
      return escapeLineStarts(inline(node, context)).trim();
  }
}

/** The body's Markdown: blocks separated by blank lines. */
export function bodyMarkdown(root: BodyNode, sourceNumber: SourceNumber): string {
  const context = { sourceNumber };
  return childrenOf(root)
    .map((block) => renderBlock(block, context))
    .filter((block) => block.trim() !== '')
    .join('\n\n');
}
