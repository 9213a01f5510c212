/**
 * The sources a bundle lists, numbered once for every file of it: the note `[2]` in the
 * page, the footnote `[^2]` in the Markdown and the second entry of sources.json are the
 * same source. Attributed sources come first, in order of first use, then the other
 * attached ones.
 */
import { cslDateLabel, nameLabel, type SourceFile } from '../../shared/source';
import { exportableUrl, type SourceNumber } from './body-nodes';

/** One listed source with what a reader is shown of it. */
export interface ListedSource {
  number: number;
  source: SourceFile;
  title: string;
  /** "Brito, H.; Quintela, M." */
  authors: string;
  /** Site, newspaper or publisher. */
  container: string;
  issued: string;
  /** Only an http(s) URL is linked. */
  url: string | null;
}

export function listSources(sources: SourceFile[]): ListedSource[] {
  return sources.map((source, i) => {
    const csl = source.csl;
    return {
      number: i + 1,
      source,
      title: (csl.title ?? source.id).trim() || source.id,
      authors: (csl.author ?? []).map(nameLabel).filter(Boolean).join('; '),
      container: (csl['container-title'] ?? csl.publisher ?? '').trim(),
      issued: cslDateLabel(csl.issued),
      url: csl.URL && /^https?:/i.test(csl.URL.trim()) ? exportableUrl(csl.URL) : null,
    };
  });
}

export function sourceNumbers(listed: ListedSource[]): SourceNumber {
  const byId = new Map(listed.map((l) => [l.source.id, l.number]));
  return (id) => byId.get(id) ?? null;
}

/** "Authors. Container, 2026-11-06." — the line after a source's title. */
export function sourceDetails(listed: ListedSource): string {
  const where = [listed.container, listed.issued].filter(Boolean).join(', ');
  return [listed.authors, where].filter(Boolean).map((part) => (/[.!?]$/.test(part) ? part : `${part}.`)).join(' ');
}
