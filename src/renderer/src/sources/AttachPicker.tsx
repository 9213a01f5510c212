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
  onNew: () => void;
  onClose: () => void;
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
      if (!box.current?.contains(event.target as Node)) onClose();
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
        onEscape={onClose}
      />
    </div>
  );
}
