/**
 * The bundle's index.html as it will be read, in a frame that can do nothing: sandbox=""
 * (no scripts, no forms, an origin of its own), the page given inline (srcdoc) and made
 * inert first (preview-html.ts), so nothing is loaded from anywhere.
 */
import { useMemo } from 'react';
import { inertPreview } from './preview-html';
import './BundlePreview.css';

interface BundlePreviewProps {
  /** null while the page is built. */
  html: string | null;
  error: string | null;
  headline: string;
}

export function BundlePreview({ html, error, headline }: BundlePreviewProps) {
  const doc = useMemo(() => (html === null ? null : inertPreview(html)), [html]);
  if (error) {
    return (
      <p className="banner banner--warning" role="alert">
        The preview could not be built: {error}
      </p>
    );
  }
  if (doc === null) {
    return (
      <p className="export-preview__pending" role="status">
        Building the page…
      </p>
    );
  }
  return (
    <div className="export-preview">
      <p className="export-preview__note">
        index.html of the bundle, as a reader’s browser shows it. Links are not followed here, and images appear only in the exported
        folder.
      </p>
      <iframe className="export-preview__frame" title={`Preview of the bundle page: ${headline}`} sandbox="" srcDoc={doc} referrerPolicy="no-referrer" />
    </div>
  );
}
