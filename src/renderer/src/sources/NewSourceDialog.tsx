/**
 * A new source, three ways: its text pasted, a file, or a web address fetched now. Each
 * may turn out to be in the library already (offered instead, or added again as a copy).
 * What is added is handed on: attached to the open article, or shown in the library.
 */
import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Dialog } from '../shell/Dialog';
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
  onClose: () => void;
  onAdded: (ids: string[]) => void;
}

export function NewSourceDialog({ purpose, onClose, onAdded }: NewSourceDialogProps) {
  const [tab, setTab] = useState<Tab>('paste');
  const id = useId();
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const { refresh } = useSourceLibrary();
  // The list is loaded again before the new source is used, so it shows at once.
  const added = useCallback((ids: string[]) => void refresh().then(() => onAdded(ids)), [refresh, onAdded]);
  const adder = useAddSource(added);

  const pick = (next: Tab) => {
    if (adder.state.busy) return;
    adder.reset();
    setTab(next);
  };
  // Arrows move between the tabs, as in any tab list.
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const at = TABS.findIndex((t) => t.key === tab);
    const next = (at + (event.key === 'ArrowRight' ? 1 : -1) + TABS.length) % TABS.length;
    pick(TABS[next]!.key);
    tabs.current[next]?.focus();
  };
  const shared = { adder, onUseExisting: (existing: { id: string }) => added([existing.id]), onCancel: onClose };

  return (
    <Dialog
      title="New source"
      subtitle={purpose === 'attach' ? 'Added to the source library and attached to this article.' : 'Added to the source library.'}
      onClose={onClose}
      className="new-source"
    >
      <div className="segmented" role="tablist" aria-label="How to add the source" onKeyDown={onTabKey}>
        {TABS.map((t, i) => (
          <button
            key={t.key}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-${t.key}`}
            aria-selected={tab === t.key}
            aria-controls={`${id}-panel`}
            tabIndex={tab === t.key ? 0 : -1}
            className={tab === t.key ? 'active' : ''}
            onClick={() => pick(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
        {tab === 'paste' && <PasteSourceTab {...shared} />}
        {tab === 'file' && <FileSourceTab {...shared} onDone={added} />}
        {tab === 'web' && <WebSourceTab {...shared} />}
      </div>
    </Dialog>
  );
}
