/**
 * A search snippet as runs of plain and matched text, from the host's [start, end) offsets
 * (overlapping or out-of-range highlights are clipped, never thrown on).
 */
import type { Snippet } from '../../../shared/library';

export interface SnippetPart {
  text: string;
  marked: boolean;
}

export function snippetParts(snippet: Snippet): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const text = snippet.text;
  let at = 0;
  const sorted = [...snippet.highlights].sort((a, b) => a[0] - b[0]);
  for (const [rawStart, rawEnd] of sorted) {
    const start = Math.max(at, Math.min(rawStart, text.length));
    const end = Math.max(start, Math.min(rawEnd, text.length));
    if (end <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
