/**
 * The bundle's page made inert for the preview frame. The page already carries a strict
 * CSP; this adds a stricter one in front (nothing but inline styles and data: images) and
 * takes away what could still reach out: links that navigate the frame, images and media
 * by address, <link>, <base>, meta refresh. In-page anchors (#source-1) keep working.
 * Parsed with DOMParser, whose documents load nothing and run nothing.
 */

export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Attributes by which an element loads something. */
const LOADING_ATTRIBUTES = ['src', 'srcset', 'poster', 'data', 'background', 'action', 'formaction', 'ping'];

/** How a link looks in the preview now that it goes nowhere. */
const INERT_LINK_STYLE = 'a[data-preview-href]{text-decoration:underline;cursor:default}';

export function inertPreview(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const element of doc.querySelectorAll('base, link, meta[http-equiv="refresh" i], iframe, frame, object, embed, script:not([type="application/ld+json"])')) {
    element.remove();
  }
  for (const element of doc.querySelectorAll('[href]')) {
    const href = element.getAttribute('href') ?? '';
    if (href.startsWith('#')) continue;
    element.removeAttribute('href');
    element.setAttribute('data-preview-href', href);
    element.setAttribute('title', `${href} (not followed in the preview)`);
  }
  for (const element of doc.querySelectorAll('*')) {
    for (const name of LOADING_ATTRIBUTES) {
      if (!element.hasAttribute(name)) continue;
      const value = element.getAttribute(name) ?? '';
      if (name === 'src' && value.startsWith('data:')) continue;
      element.removeAttribute(name);
    }
  }
  const csp = doc.createElement('meta');
  csp.setAttribute('http-equiv', 'Content-Security-Policy');
  csp.setAttribute('content', PREVIEW_CSP);
  const style = doc.createElement('style');
  style.textContent = INERT_LINK_STYLE;
  doc.head.prepend(csp);
  doc.head.append(style);
  return `<!doctype html>\n${doc.documentElement.outerHTML}`;
}
