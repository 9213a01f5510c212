/**
 * Kickers and sections already in use, most used first, so "Economy" is not typed as
 * "economy" or "Economics" in the next piece.
 */
import type { ArticleListItem } from '../../../shared/article';

export interface FieldSuggestions {
  kickers: string[];
  sections: string[];
  /** The workspace's tags with how many articles carry each, most used first. */
  tags: Array<{ name: string; count: number }>;
}

function counted(values: Iterable<string>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const value of values) if (value.trim()) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function mostUsed(values: Iterable<string>): string[] {
  return counted(values).map(([value]) => value);
}

export function suggestionsFrom(articles: readonly ArticleListItem[]): FieldSuggestions {
  return {
    kickers: mostUsed(articles.map((a) => a.kicker)),
    sections: mostUsed(articles.map((a) => a.section)),
    tags: counted(articles.flatMap((a) => [...new Set(a.tags)])).map(([name, count]) => ({ name, count })),
  };
}

/** Equal when the same kickers and sections are offered in the same order. */
export function sameSuggestions(a: FieldSuggestions, b: FieldSuggestions): boolean {
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    same(a.kickers, b.kickers) &&
    same(a.sections, b.sections) &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t.name === b.tags[i]!.name && t.count === b.tags[i]!.count)
  );
}
