// @vitest-environment happy-dom
// happy-dom, unlike a browser's DOMParser, would fetch a parsed page's stylesheets and follow its refresh: off.
// @vitest-environment-options {"settings": {"disableCSSFileLoading": true, "disableJavaScriptFileLoading": true, "handleDisabledFileLoadingAsSuccess": true, "navigation": {"disableMainFrameNavigation": true, "disableChildFrameNavigation": true, "disableChildPageNavigation": true}}}
/**
 * The preview's page is made inert before it goes into the sandboxed frame: a stricter CSP
 * first in its head, and nothing left that could load or navigate anywhere.
 */
import { describe, expect, it } from 'vitest';
import { inertPreview, PREVIEW_CSP } from '../../../src/renderer/src/export/preview-html';

const PAGE = `<!doctype html><html lang="en"><head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
<base href="https://cdn.example/">
<link rel="stylesheet" href="https://cdn.example/site.css">
<meta http-equiv="refresh" content="0; url=https://elsewhere.example/">
<title>Rotterdam terminal strike talks</title>
<script type="application/ld+json">{"@type":"AnalysisNewsArticle"}</script>
<script>alert(1)</script>
</head><body><article>
<h1>Rotterdam terminal strike talks</h1>
<p>As <a href="https://example.com/northsea-wire" rel="noopener">the wire</a> said<a class="source-note" href="#source-1">[1]</a>.</p>
<figure><img src="assets/abc.png" alt="The quay" srcset="assets/abc@2x.png 2x"><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline"></figure>
<video poster="https://example.com/p.jpg" src="https://example.com/v.mp4"></video>
<iframe src="https://example.com/embed"></iframe>
<ol id="source-1"><li>Northsea Wire</li></ol>
</article></body></html>`;

function parse(html: string) {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('inertPreview', () => {
  const doc = parse(inertPreview(PAGE));

  it('puts a CSP that allows nothing but inline styles and data: images first in the head, before the page’s own', () => {
    const first = doc.head.firstElementChild;
    expect(first?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(first?.getAttribute('content')).toBe(PREVIEW_CSP);
    expect(PREVIEW_CSP).toContain("default-src 'none'");
    expect(PREVIEW_CSP).not.toMatch(/https?:|'self'|\*/);
    // The page's own policy stays too: both apply.
    expect(doc.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')).toHaveLength(2);
  });

  it('leaves no link that navigates, but keeps in-page anchors and says where a link would go', () => {
    const links = [...doc.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([null, '#source-1']);
    expect(links[0]!.getAttribute('title')).toBe('https://example.com/northsea-wire (not followed in the preview)');
    expect(links[0]!.textContent).toBe('the wire');
  });

  it('loads nothing by address: no base, stylesheet link, refresh, frame, script or media source', () => {
    expect(doc.querySelector('base, link, iframe, meta[http-equiv="refresh"]')).toBeNull();
    expect([...doc.querySelectorAll('script')].map((s) => s.getAttribute('type'))).toEqual(['application/ld+json']);
    const images = [...doc.querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('src'))).toEqual([null, 'data:image/png;base64,iVBORw0KGgo=']);
    expect(images[0]!.getAttribute('srcset')).toBeNull();
    expect(images[0]!.getAttribute('alt')).toBe('The quay');
    const video = doc.querySelector('video')!;
    expect(video.getAttribute('src')).toBeNull();
    expect(video.getAttribute('poster')).toBeNull();
  });

  it('keeps what the reader sees: the title, the headline, the text', () => {
    expect(doc.title).toBe('Rotterdam terminal strike talks');
    expect(doc.querySelector('h1')?.textContent).toBe('Rotterdam terminal strike talks');
    expect(doc.body.textContent).toContain('As the wire said[1].');
  });
});
