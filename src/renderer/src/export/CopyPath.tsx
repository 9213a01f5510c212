/** A path the export wrote, as text to select, with a button that copies it. */
import { useRef, useState } from 'react';
import { api } from '../api';
import { copyText } from './copy-text';

/** The desktop app can show a folder in the system's file manager; a browser cannot. */
const CAN_REVEAL = typeof window !== 'undefined' && !!window.copydesk;

export function CopyPath({ label, path }: { label: string; path: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [revealError, setRevealError] = useState<string | null>(null);
  const text = useRef<HTMLElement>(null);
  const copy = async () => {
    const ok = await copyText(path);
    setCopied(ok ? 'yes' : 'no');
    if (!ok && text.current) window.getSelection()?.selectAllChildren(text.current);
  };
  return (
    <div className="copy-path">
      <span className="copy-path__label">{label}</span>
      <code className="copy-path__text" ref={text}>
        {path}
      </code>
      <button type="button" className="copy-path__button" aria-label={`Copy path: ${label}`} onClick={() => void copy()}>
        Copy path
      </button>
      {CAN_REVEAL && (
        <button
          type="button"
          className="copy-path__button"
          aria-label={`Reveal in Folder: ${label}`}
          onClick={() => void api.workspace.reveal({ path }).then(() => setRevealError(null), (error: unknown) => setRevealError(error instanceof Error ? error.message : String(error)))}
        >
          Reveal in Folder
        </button>
      )}
      <span className="copy-path__done" role="status">
        {revealError ?? (copied === 'yes' ? 'Copied' : copied === 'no' ? 'Selected: press Ctrl+C to copy' : '')}
      </span>
    </div>
  );
}
