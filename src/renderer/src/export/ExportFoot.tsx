/**
 * Export's place in the sidebar's foot: "Export…" opens the batch export (whose foot offers
 * "Import a bundle…"; the foot has no room for a second link), and the one place the export dialogs are shown, whichever part of the app asked for them
 * (the Article ▾ menu asks through openExportDialog).
 */
import { createPortal } from 'react-dom';
import type { ArticleListItem } from '../../../shared/article';
import { ArticleExportDialog } from './ArticleExportDialog';
import { BatchExportDialog } from './BatchExportDialog';
import { closeExportDialog, openExportDialog, useExportDialog } from './export-dialogs';
import { ImportBundleDialog } from './ImportBundleDialog';
import { useCommand } from '../shell/command-registry';

interface ExportFootProps {
  /** The library's articles; null while it loads. */
  articles: readonly ArticleListItem[] | null;
  onOpenArticle: (id: string) => void;
}

export function ExportFoot({ articles, onOpenArticle }: ExportFootProps) {
  const open = useExportDialog();
  // Export… with no article open: the batch export (the open article's view asks for its own).
  useCommand('export', () => openExportDialog({ kind: 'batch' }));
  return (
    <>
      <button type="button" className="link-button" title="Export articles as bundles for publication, or import a bundle" onClick={() => openExportDialog({ kind: 'batch' })}>
        Export…
      </button>
      {open &&
        createPortal(
          open.kind === 'article' ? (
            <ArticleExportDialog key={open.id} id={open.id} onClose={closeExportDialog} />
          ) : open.kind === 'batch' ? (
            <BatchExportDialog
              articles={articles}
              onImport={() => openExportDialog({ kind: 'import' })}
              onOpenArticle={(id) => {
                closeExportDialog();
                onOpenArticle(id);
              }}
              onClose={closeExportDialog}
            />
          ) : (
            <ImportBundleDialog onOpenArticle={onOpenArticle} onClose={closeExportDialog} />
          ),
          document.body,
        )}
    </>
  );
}
