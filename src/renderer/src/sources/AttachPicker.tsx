/**
 * "Attach source…": the library to search as you type (the article's own sources left
 * out), a source picked is attached at once; or a new one. Escape or a click outside
 * closes it.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { SourceSummary } from '../../../shared/source';
import { SourcePicker } from './SourcePicker';
import { useSourceLibrary } from './SourceLibraryProvider';

interface AttachPickerProps {
  library: readonly SourceSummary[];
  attachedIds: readonly string[];
  onAttach: (source: SourceSummary) => void;
  onNew: (typed: string) => void;
  /** Closed by Escape (`refocus`: the focus goes back to the button) or by a click elsewhere. */
  onClose: (refocus: boolean) => void;
}

export function AttachPicker({ library, attachedIds, onAttach, onNew, onClose }: AttachPickerProps) {
  const box = useRef<HTMLDivElement>(null);
  const exclude = useMemo(() => new Set(attachedIds), [attachedIds]);
  const { refresh } = useSourceLibrary();
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    const outside = (event: MouseEvent) => {
      // The wrapper holds the toggle button too: a click on it toggles, it does not close and reopen.
      if (!box.current?.parentElement?.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [onClose]);
  return (
    <div className="attach-picker" ref={box} role="dialog" aria-label="Attach a source">
      <SourcePicker
        library={library}
        exclude={exclude}
        label="Search the source library"
        placeholder="Title, site, author or id"
        autoFocus
        onChoose={onAttach}
        onSubmit={onAttach}
        onNew={onNew}
        onEscape={() => onClose(true)}
      />
    </div>
  );
}
