/**
 * The content security policy of the renderer, in the desktop app and in browser mode:
 * scripts only from the app itself, no eval, no plugins, no framing.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // No inline style attributes: React and Lexical set styles through the CSSOM (el.style),
  // which CSP does not govern, so the app needs none. Inline <style> elements are allowed
  // for one reason: the export preview shows the bundle's page in a srcdoc frame, which
  // inherits this policy, and that standalone page carries its stylesheet inline.
  "style-src 'self'",
  "style-src-elem 'self' 'unsafe-inline'",
  "style-src-attr 'none'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The same policy for the page's own meta tag (the build writes it in), for a page opened
 * without the headers; `frame-ancestors` is ignored in a meta tag, so it is left out there.
 */
export const RENDERER_CSP_META = RENDERER_CSP.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
