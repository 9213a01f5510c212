/**
 * What a search box's text asks for: words (matched by prefix and, when long enough,
 * with a typo), phrases in quotes (matched as written), and field filters
 * (`tag:energy status:draft section:politics byline:"Ana Lima" lang:pt`). Pure, so the
 * host searches with it and the renderer can show the filters it found.
 */

/** Field filters a query may carry, by the name typed before the colon. */
export const FILTER_FIELDS = ['tag', 'status', 'section', 'byline', 'lang'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

const FIELD_ALIASES: Record<string, FilterField> = {
  tag: 'tag',
  tags: 'tag',
  status: 'status',
  section: 'section',
  byline: 'byline',
  by: 'byline',
  author: 'byline',
  lang: 'lang',
  language: 'lang',
};

export interface SearchQuery {
  /** Loose words, in order. */
  words: string[];
  /** Quoted phrases, each as typed (without the quotes). */
  phrases: string[];
  /** Filters by field; every field must hold, and a field given twice holds when either value does (tags and bylines: both). */
  filters: Partial<Record<FilterField, string[]>>;
}

/** Splits a query into words, phrases and filters. An unknown `name:` is just a word. */
export function parseSearchQuery(input: string): SearchQuery {
  const query: SearchQuery = { words: [], phrases: [], filters: {} };
  // field:"quoted value" | field:value | "phrase" | word (an unclosed quote runs to the end).
  const pattern = /([\p{L}]+):(?:"([^"]*)"?|(\S+))|"([^"]*)"?|(\S+)/gu;
  for (const match of input.matchAll(pattern)) {
    const [, name, quotedValue, value, phrase, word] = match;
    if (name !== undefined) {
      const field = FIELD_ALIASES[name.toLowerCase()];
      const text = (quotedValue ?? value ?? '').trim();
      if (field && text) (query.filters[field] ??= []).push(text);
      else if (!field) query.words.push(...`${name} ${text}`.split(/\s+/).filter(Boolean));
      continue;
    }
    if (phrase !== undefined) {
      const text = phrase.trim();
      if (text) query.phrases.push(text);
      continue;
    }
    if (word) query.words.push(word);
  }
  return query;
}

/** True when the query asks for nothing at all. */
export function isEmptyQuery(query: SearchQuery): boolean {
  return query.words.length === 0 && query.phrases.length === 0 && Object.keys(query.filters).length === 0;
}

/** How filter values and field values compare: case and accents aside, spaces squeezed. */
export function foldForMatch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
