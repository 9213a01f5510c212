/**
 * Searching the source library as you type, and how a source is named in a list: by title,
 * site, author or id; every word typed must match somewhere, titles that start with the
 * query come first.
 */
import type { SourceSummary } from '../../../shared/source';

/** Lower case, accents and curly quotes away: "Pérez’s" finds "perez's". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase();
}

/** The sources matching every word of the query, best first; all of them for an empty query. */
export function searchSources(sources: readonly SourceSummary[], query: string): SourceSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...sources];
  const scored: Array<{ source: SourceSummary; score: number; order: number }> = [];
  sources.forEach((source, order) => {
    const title = fold(source.title);
    const haystack = `${title} ${fold(source.container)} ${fold(source.authors)} ${fold(source.id)} ${fold(source.url)}`;
    if (!words.every((word) => haystack.includes(word))) return;
    const phrase = words.join(' ');
    const score = title.startsWith(phrase) ? 0 : title.includes(phrase) ? 1 : words.every((word) => title.includes(word)) ? 2 : 3;
    scored.push({ source, score, order });
  });
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  return scored.map((s) => s.source);
}

/** "Northsea Wire · 2026-11-10"; empty when the source has neither. */
export function siteAndDate(source: Pick<SourceSummary, 'container' | 'issued'>): string {
  return [source.container, source.issued].filter(Boolean).join(' · ');
}

/** "12,340 characters" of snapshot text, or "" when there is none. */
export function snapshotSize(chars: number): string {
  if (chars <= 0) return '';
  return `${chars.toLocaleString('en-US')} character${chars === 1 ? '' : 's'}`;
}
