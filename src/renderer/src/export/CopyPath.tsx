/** A path the export wrote, as text to select, with a button that copies it. */
import { useRef, useState } from 'react';
import { copyText } from './copy-text';

export function CopyPath({ label, path }: { label: string; path: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
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
      <span className="copy-path__done" role="status">
        {copied === 'yes' ? 'Copied' : copied === 'no' ? 'Selected: press Ctrl+C to copy' : ''}
      </span>
    </div>
  );
}
