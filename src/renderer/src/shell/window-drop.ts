/**
 * What a file dropped on the window becomes: an article (anywhere on the window), or a
 * source when dropped on the sources panel or the source library. Pure, so it is tested
 * without a browser; WindowDrop.tsx carries the plan out.
 */
import { importKind } from '../sources/file-data';

/** Documents an article can be made from (articles.import). */
export const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm', '.docx'] as const;

export type DropTarget = 'articles' | 'sources';

/** Where the drop lands: over the sources panel or the source library, or anywhere else. */
export function dropTargetOf(element: Element | null): DropTarget {
  return element?.closest('#sources-panel, .sources-panel, .source-library') ? 'sources' : 'articles';
}

/** Whether something else on the page takes this drop: a file field, a drop zone of its own, an open dialog. */
export function handledElsewhere(element: Element | null): boolean {
  return !!element?.closest('input[type="file"], .file-drop, dialog[open], [role="dialog"], [aria-modal="true"]');
}

export type DropStep =
  | { kind: 'article'; fileName: string }
  | { kind: 'source-document'; fileName: string }
  | { kind: 'source-references'; fileName: string }
  | { kind: 'refused'; fileName: string; reason: string };

/** One step per dropped file, in the order dropped. */
export function planDrop(files: ReadonlyArray<{ name: string; size: number }>, target: DropTarget, maxBytes: number): DropStep[] {
  return files.map(({ name, size }): DropStep => {
    if (size > maxBytes) return { kind: 'refused', fileName: name, reason: `is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
    const lower = name.toLowerCase();
    if (target === 'sources') {
      const kind = importKind(name);
      if (kind === 'document') return { kind: 'source-document', fileName: name };
      if (kind === 'references') return { kind: 'source-references', fileName: name };
      return { kind: 'refused', fileName: name, reason: 'is not a document or reference file Copydesk reads (.html, .txt, .md, .docx, .pdf, CSL-JSON .json, BibTeX .bib)' };
    }
    if (ARTICLE_EXTENSIONS.some((extension) => lower.endsWith(extension))) return { kind: 'article', fileName: name };
    return { kind: 'refused', fileName: name, reason: 'is not a document Copydesk imports as an article (.md, .txt, .html, .docx); drop it on the sources panel to add a source' };
  });
}

/** The one line said after a drop. */
export function dropSummary(done: { articles: string[]; sources: number; refused: Array<{ fileName: string; reason: string }> }): string {
  const parts: string[] = [];
  if (done.articles.length === 1) parts.push(`Imported “${done.articles[0] || 'Untitled'}” as a draft.`);
  else if (done.articles.length > 1) parts.push(`Imported ${done.articles.length} articles as drafts.`);
  if (done.sources === 1) parts.push('Added 1 source to the library.');
  else if (done.sources > 1) parts.push(`Added ${done.sources} sources to the library.`);
  for (const { fileName, reason } of done.refused) parts.push(`${fileName} ${reason}.`);
  return parts.join(' ');
}
