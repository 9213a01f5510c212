/**
 * A modal dialog on the browser's own <dialog>: it keeps focus inside, Escape closes it,
 * and what is behind it cannot be clicked. Centered, or as a sheet along the right edge
 * (a source's snapshot beside the article it backs).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import './Dialog.css';

interface DialogProps {
  title: ReactNode;
  /** A line under the title. */
  subtitle?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** `sheet` slides in along the right edge, for reading beside the article. */
  variant?: 'center' | 'sheet';
  /** A click outside closes it: for what holds nothing typed. */
  closeOnBackdrop?: boolean;
  /** The accessible name, when the title is not plain text. */
  label?: string;
  className?: string;
}

export function Dialog({ title, subtitle, onClose, children, variant = 'center', closeOnBackdrop = false, label, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Focus goes back where it was when the dialog closes.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      before?.focus({ preventScroll: true });
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${variant}${className ? ` ${className}` : ''}`}
      aria-label={label ?? (typeof title === 'string' ? title : undefined)}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
      onClick={(event) => {
        if (closeOnBackdrop && event.target === ref.current) onCloseRef.current();
      }}
    >
      <header className="dialog__head">
        <div className="dialog__titles">
          <h2 className="dialog__title">{title}</h2>
          {subtitle && <div className="dialog__subtitle">{subtitle}</div>}
        </div>
        <button type="button" className="dialog__close" aria-label="Close" title="Close (Esc)" onClick={() => onCloseRef.current()}>
          ×
        </button>
      </header>
      <div className="dialog__body">{children}</div>
    </dialog>
  );
}
