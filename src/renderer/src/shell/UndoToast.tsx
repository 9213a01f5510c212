/**
 * A short message at the foot of the main pane, for ten seconds (longer while the keyboard
 * or the mouse is on it), with an undo when there is one, and a way to dismiss it.
 */
import { useEffect, useState } from 'react';
import './UndoToast.css';

const TOAST_MS = 10_000;

interface UndoToastProps {
  message: string;
  /** Offered as a button when set. */
  onUndo?: (() => void) | undefined;
  /** The time is up (or the undo was pressed): the toast goes. */
  onClose: () => void;
}

export function UndoToast({ message, onUndo, onClose }: UndoToastProps) {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(onClose, TOAST_MS);
    return () => clearTimeout(timer);
  }, [onClose, held]);
  return (
    <div
      className="toast"
      role="status"
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
    >
      <span>{message}</span>
      {onUndo && (
        <button
          type="button"
          onClick={() => {
            onClose();
            onUndo();
          }}
        >
          Undo
        </button>
      )}
      <button type="button" aria-label="Dismiss" title="Dismiss" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
