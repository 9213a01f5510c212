/**
 * Files dropped on the window: .md, .txt, .html and .docx become draft articles (the last
 * one opens); dropped on the sources panel or the source library, documents and reference
 * files become sources. The same in the desktop app and in browser mode. Drops that
 * another part of the page takes (a file field, a dialog's drop zone) are left to it.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { MAX_IMPORT_BYTES, toBase64 } from '../sources/file-data';
import { useCommand } from './command-registry';
import { dropSummary, dropTargetOf, handledElsewhere, planDrop, type DropTarget } from './window-drop';
import './WindowDrop.css';

interface WindowDropProps {
  /** Opens an article that was just imported. */
  onOpenArticle: (id: string) => void;
  /** Says what the drop did, or why not. */
  onMessage: (message: string) => void;
}

const hasFiles = (event: DragEvent) => !!event.dataTransfer && [...event.dataTransfer.types].includes('Files');
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Imports files as articles or sources, as a drop on `where` would, then says what happened. */
async function importFiles(files: File[], where: DropTarget, report: () => Pick<WindowDropProps, 'onOpenArticle' | 'onMessage'>): Promise<void> {
  const done = { articles: [] as string[], sources: 0, refused: [] as Array<{ fileName: string; reason: string }> };
  let lastArticle: string | null = null;
  for (const [index, step] of planDrop(files, where, MAX_IMPORT_BYTES).entries()) {
    const file = files[index]!;
    try {
      if (step.kind === 'refused') {
        done.refused.push(step);
      } else if (step.kind === 'article') {
        const { article } = await api.articles.import({ fileName: file.name, data: toBase64(new Uint8Array(await file.arrayBuffer())) });
        done.articles.push(article.meta.headline);
        lastArticle = article.id;
      } else if (step.kind === 'source-document') {
        await api.sources.importFile({ fileName: file.name, data: toBase64(new Uint8Array(await file.arrayBuffer())) });
        done.sources += 1;
      } else {
        const { added } = await api.sources.importReferences({ fileName: file.name, text: await file.text() });
        done.sources += added.length;
      }
    } catch (error) {
      done.refused.push({ fileName: file.name, reason: `was not imported: ${message(error)}` });
    }
  }
  if (lastArticle) report().onOpenArticle(lastArticle);
  const summary = dropSummary(done);
  if (summary) report().onMessage(summary);
}

/** Article documents the Import… command offers to pick. */
const IMPORT_ACCEPT = '.md,.markdown,.txt,.html,.htm,.docx';

export function WindowDrop({ onOpenArticle, onMessage }: WindowDropProps) {
  const [over, setOver] = useState<DropTarget | null>(null);
  const latest = useRef({ onOpenArticle, onMessage });
  useEffect(() => {
    latest.current = { onOpenArticle, onMessage };
  });

  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!hasFiles(event) || handledElsewhere(target)) {
        setOver(null);
        return;
      }
      event.preventDefault();
      event.dataTransfer!.dropEffect = 'copy';
      setOver(dropTargetOf(target));
    };
    const onDragLeave = (event: DragEvent) => {
      // Left the window (no element to go to), not one element for another.
      if (!event.relatedTarget) setOver(null);
    };
    const onDrop = (event: DragEvent) => {
      setOver(null);
      const target = event.target instanceof Element ? event.target : null;
      if (!hasFiles(event) || handledElsewhere(target)) return;
      // Ours: the browser must not open the file in place of the app.
      event.preventDefault();
      void importFiles([...event.dataTransfer!.files], dropTargetOf(target), () => latest.current);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  // File ▸ Import… (and the palette): the same import as a drop on the window.
  const picker = useRef<HTMLInputElement>(null);
  useCommand('import-article', () => picker.current?.click());

  return (
    <>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        accept={IMPORT_ACCEPT}
        aria-label="Import documents as articles"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length) void importFiles(files, 'articles', () => latest.current);
        }}
      />
      {over && (
        <div className="window-drop" role="status">
          <p className="window-drop__label">{over === 'sources' ? 'Drop to add as sources' : 'Drop to import as draft articles'}</p>
        </div>
      )}
    </>
  );
}
