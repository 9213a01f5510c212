/** A short message at the foot of the window, for ten seconds, with an undo when there is one. */
import { useEffect } from 'react';
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
  useEffect(() => {
    const timer = setTimeout(onClose, TOAST_MS);
    return () => clearTimeout(timer);
  }, [onClose]);
  return (
    <div className="toast" role="status">
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
    </div>
  );
}
