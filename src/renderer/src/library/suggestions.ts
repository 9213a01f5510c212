/**
 * Kickers and sections already in use, most used first, so "Economy" is not typed as
 * "economy" or "Economics" in the next piece.
 */
import type { ArticleSummary } from '../../../shared/article';

export interface FieldSuggestions {
  kickers: string[];
  sections: string[];
}

function mostUsed(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value.trim()) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value);
}

export function suggestionsFrom(articles: readonly ArticleSummary[]): FieldSuggestions {
  return { kickers: mostUsed(articles.map((a) => a.kicker)), sections: mostUsed(articles.map((a) => a.section)) };
}

/** Equal when the same kickers and sections are offered in the same order. */
export function sameSuggestions(a: FieldSuggestions, b: FieldSuggestions): boolean {
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return same(a.kickers, b.kickers) && same(a.sections, b.sections);
}
