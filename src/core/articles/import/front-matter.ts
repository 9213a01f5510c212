/**
 * YAML front matter (`---` … `---` at the top of a Markdown file), read for the few fields
 * an article takes from it: title, description, author(s), language, kicker. Only the YAML
 * such headers use is understood (plain and quoted scalars, `>`/`|` blocks, flow and block
 * lists); anything else is left alone rather than guessed at.
 */

/** What the front matter says about the article; absent fields are undefined. */
export interface FrontMatter {
  title?: string;
  description?: string;
  authors?: string[];
  language?: string;
  kicker?: string;
}

const FIELD_NAMES: Record<string, keyof FrontMatter> = {
  title: 'title',
  headline: 'title',
  description: 'description',
  dek: 'description',
  subtitle: 'description',
  summary: 'description',
  author: 'authors',
  authors: 'authors',
  byline: 'authors',
  bylines: 'authors',
  lang: 'language',
  language: 'language',
  kicker: 'kicker',
  label: 'kicker',
};

/** Splits front matter off the Markdown; `fields` is null when the file has none. */
export function splitFrontMatter(markdown: string): { fields: FrontMatter | null; rest: string } {
  const match = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(markdown);
  if (!match) return { fields: null, rest: markdown };
  const lines = (match[1] ?? '').split('\n');
  // A horizontal rule followed by text is not front matter: every line must read as YAML.
  if (!lines.every((line) => line.trim() === '' || /^(#|\s|-\s|[\w-]+\s*:)/.test(line))) return { fields: null, rest: markdown };
  return { fields: readFields(lines), rest: markdown.slice(match[0].length) };
}

function readFields(lines: string[]): FrontMatter {
  const fields: FrontMatter = {};
  for (let i = 0; i < lines.length; i++) {
    const pair = /^([\w-]+)\s*:\s*(.*)$/.exec(lines[i]!);
    if (!pair) continue;
    const field = FIELD_NAMES[pair[1]!.toLowerCase()];
    // The value's own lines: everything indented (or a list) under the key.
    const nested: string[] = [];
    while (i + 1 < lines.length && /^(\s+\S|-\s)/.test(lines[i + 1]!)) nested.push(lines[++i]!);
    if (!field) continue;
    const values = valuesOf(pair[2]!.trim(), nested);
    if (values.length === 0) continue;
    if (field === 'authors') fields.authors = values;
    else fields[field] = values.join(' ');
  }
  return fields;
}

/** The strings a value holds: one for a scalar or a block, one per item for a list. */
function valuesOf(inline: string, nested: string[]): string[] {
  const inlineValue = /^["']/.test(inline) ? inline : inline.replace(/\s+#.*$/, '');
  if (/^[>|][+-]?$/.test(inlineValue)) {
    const block = nested.map((line) => line.trim()).filter(Boolean);
    return block.length ? [block.join(inlineValue.startsWith('>') ? ' ' : '\n')] : [];
  }
  if (inlineValue.startsWith('[') && inlineValue.endsWith(']')) {
    return splitFlowList(inlineValue.slice(1, -1)).map(scalar).filter(Boolean);
  }
  if (inlineValue === '' && nested.length) {
    const items = nested.filter((line) => /^\s*-\s/.test(line)).map((line) => scalar(line.replace(/^\s*-\s+/, '')));
    if (items.length) return items.filter(Boolean);
    return [nested.map((line) => line.trim()).join(' ')].filter(Boolean);
  }
  // A plain scalar may go on over indented lines.
  const value = scalar([inline, ...nested.map((line) => line.trim())].join(' ').trim());
  return value ? [value] : [];
}

/** Items of a flow list, split on commas outside quotes. */
function splitFlowList(text: string): string[] {
  const items: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === ',') {
      items.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  items.push(current);
  return items;
}

/** A scalar without its quotes, escapes resolved; a trailing comment dropped from plain ones. */
function scalar(raw: string): string {
  const text = raw.trim();
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    return text.slice(1, -1).replace(/\\(["\\/nt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c)).trim();
  }
  if (text.length >= 2 && text.startsWith("'") && text.endsWith("'")) return text.slice(1, -1).replace(/''/g, "'").trim();
  return text.replace(/\s+#.*$/, '').trim();
}
