/**
 * The sanitizer between the renderers and a bundle's HTML: sanitize-html (a maintained
 * allowlist sanitizer built for Node; DOMPurify needs a browser-grade DOM that linkedom
 * does not provide) with the exact elements and attributes the page uses, links limited
 * to http, https, mailto and in-page anchors. `assertInert` then reads the finished page
 * with linkedom and refuses it if anything active is left: the bundle is never written
 * with a script, a handler, an unsafe URL or a request to another site.
 */
import { parseHTML } from 'linkedom';
import sanitizeHtml from 'sanitize-html';
import { isAssetName } from '../../shared/assets';
import { SAFE_LINK_SCHEMES } from '../../shared/safe-url';

const ALLOWED_TAGS = [
  'article', 'header', 'footer', 'section', 'aside', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'blockquote', 'ul', 'ol', 'li',
  'a', 'strong', 'em', 'u', 's', 'code', 'sub', 'sup', 'mark', 'span', 'br', 'time', 'small',
  'figure', 'figcaption', 'img', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    '*': ['class', 'id', 'lang', 'dir', 'role'],
    a: ['href', 'title', 'rel'],
    ol: ['start'],
    time: ['datetime'],
    img: ['src', 'alt'],
  },
  // The only image a page may show is one of the bundle's own assets.
  exclusiveFilter: (frame) => frame.tag === 'img' && !isAssetName(frame.attribs.src),
  allowedSchemes: SAFE_LINK_SCHEMES.map((scheme) => scheme.replace(/:$/, '')),
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  allowedStyles: {},
  disallowedTagsMode: 'discard',
  // An element that is not allowed loses its tag; these lose their content too.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'svg', 'math'],
};

/** A fragment of the page (the article element) with nothing but the allowed markup. */
export function sanitizeFragment(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** The part of linkedom's DOM the check reads (core has no DOM types). */
interface CheckedElement {
  tagName: string;
  parentElement: CheckedElement | null;
  textContent: string | null;
  attributes: ArrayLike<{ name: string; value: string }>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
}

const SAFE_URL = /^(?:https?:\/\/|mailto:|#)/i;
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'cite', 'ping', 'manifest', 'lowsrc', 'dynsrc'];
const RESOURCE_TAGS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'link', 'img', 'picture', 'source', 'video', 'audio', 'track', 'image', 'base', 'form', 'input', 'svg', 'math', 'portal', 'applet']);

/** Why a page is not inert, or null. Only `<script type="application/ld+json">` in the head may be a script. */
export function inertProblem(page: string): string | null {
  const { document } = parseHTML(page) as unknown as { document: { querySelectorAll(selector: string): ArrayLike<CheckedElement> } };
  for (const element of Array.from(document.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    if (tag === 'script') {
      if (element.getAttribute('type') !== 'application/ld+json' || element.parentElement?.tagName.toLowerCase() !== 'head' || element.hasAttribute('src')) return 'a script other than the JSON-LD block';
      continue;
    }
    if (tag === 'img') {
      if (!isAssetName(element.getAttribute('src')) || element.hasAttribute('srcset')) return 'an image that is not one of the bundle’s assets';
      if (Array.from(element.attributes).some((a) => a.name !== 'src' && a.name !== 'alt')) return 'an image with attributes other than src and alt';
      continue;
    }
    if (RESOURCE_TAGS.has(tag)) return `a <${tag}> element`;
    if (tag === 'meta' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh') return 'a meta refresh';
    if (tag === 'style' && /url\s*\(|@import/i.test(element.textContent ?? '')) return 'a style that loads something';
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) return `an event handler (${name}) on <${tag}>`;
      if (name === 'style') return `a style attribute on <${tag}>`;
      if (URL_ATTRIBUTES.includes(name) && !SAFE_URL.test(attribute.value.trim())) return `an unsafe URL in ${name} of <${tag}>`;
    }
  }
  return null;
}

export function assertInert(page: string): void {
  const problem = inertProblem(page);
  if (problem) throw new Error(`The exported page is not inert: it holds ${problem}.`);
}
