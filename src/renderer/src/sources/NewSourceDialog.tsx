/**
 * A new source, three ways: its text pasted, a file, or a web address fetched now. Each
 * may turn out to be in the library already (offered instead, or added again as a copy).
 * What is added is handed on: attached to the open article, or shown in the library.
 */
import { useCallback, useId, useState } from 'react';
import { Dialog } from '../shell/Dialog';
import { TabList } from '../shell/TabList';
import { useSourceLibrary } from './SourceLibraryProvider';
import { FileSourceTab } from './FileSourceTab';
import { PasteSourceTab } from './PasteSourceTab';
import { useAddSource } from './use-add-source';
import { WebSourceTab } from './WebSourceTab';
import './NewSourceDialog.css';

const TABS = [
  { key: 'paste', label: 'Paste text' },
  { key: 'file', label: 'File' },
  { key: 'web', label: 'Web address' },
] as const;
type Tab = (typeof TABS)[number]['key'];

interface NewSourceDialogProps {
  /** `attach`: what is added is attached to the open article (said in the dialog). */
  purpose: 'attach' | 'library';
  /** A title to start with (what was typed in a source search). */
  title?: string | undefined;
  onClose: () => void;
  onAdded: (ids: string[]) => void;
}

export function NewSourceDialog({ purpose, title = '', onClose, onAdded }: NewSourceDialogProps) {
  const [tab, setTab] = useState<Tab>('paste');
  const id = useId();
  const { refresh } = useSourceLibrary();
  // The list is loaded again before the new source is used, so it shows at once.
  const added = useCallback((ids: string[]) => void refresh().then(() => onAdded(ids)), [refresh, onAdded]);
  const adder = useAddSource(added);

  const pick = (next: Tab) => {
    if (adder.state.busy) return;
    adder.reset();
    setTab(next);
  };

  const shared = { adder, onUseExisting: (existing: { id: string }) => added([existing.id]), onCancel: onClose };

  return (
    <Dialog
      title="New source"
      subtitle={purpose === 'attach' ? 'Added to the source library and attached to this article.' : 'Added to the source library.'}
      onClose={onClose}
      className="new-source"
    >
      <TabList tabs={TABS} selected={tab} onSelect={pick} label="How to add the source" idBase={id} className="segmented" />
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
        {tab === 'paste' && <PasteSourceTab {...shared} title={title} />}
        {tab === 'file' && <FileSourceTab {...shared} onDone={added} />}
        {tab === 'web' && <WebSourceTab {...shared} />}
      </div>
    </Dialog>
  );
}
