/**
 * `index.html`: the article as a standalone page, readable offline and in print — kicker,
 * headline, dek, byline, dateline, date, reading time, the AI disclosure when set, the
 * body, the numbered sources and the related articles — with its CSS inline, its JSON-LD
 * in the head, and nothing that loads or runs anything.
 */
import type { ArticleFacts } from './article-facts';
import { joinNames } from './article-facts';
import { bodyHtml, escapeHtml } from './body-html';
import { jsonLdScript } from './json-ld';
import { assertInert, sanitizeFragment } from './sanitize-page';
import { sourceDetails } from './source-list';

const CSS = `:root{color-scheme:light dark;--ink:#1d1d1f;--muted:#5f6368;--rule:#d9d9de;--accent:#8a1c1c}
@media (prefers-color-scheme:dark){:root{--ink:#ececf0;--muted:#a4a7ae;--rule:#3a3b40;--accent:#f08a8a}}
body{margin:0;color:var(--ink);font:18px/1.6 Georgia,"Times New Roman",serif}
article{max-width:40rem;margin:2.5rem auto;padding:0 1.25rem}
.kicker{margin:0;color:var(--accent);font:600 .8rem/1.4 system-ui,sans-serif;letter-spacing:.08em;text-transform:uppercase}
h1{margin:.25rem 0 .75rem;font-size:2.1rem;line-height:1.2}
h2{margin:2rem 0 .5rem;font-size:1.35rem;line-height:1.3}
h3{margin:1.5rem 0 .5rem;font-size:1.1rem}
.dek{margin:0 0 1rem;color:var(--muted);font-size:1.15rem}
.byline,.meta{margin:0;color:var(--muted);font:.85rem/1.5 system-ui,sans-serif}
.meta span+span::before{content:" · "}
.ai-disclosure{margin:1rem 0;padding:.6rem .8rem;border-left:3px solid var(--accent);font:.85rem/1.5 system-ui,sans-serif}
header{padding-bottom:1rem;border-bottom:1px solid var(--rule)}
blockquote{margin:1.25rem 0;padding-left:1rem;border-left:3px solid var(--rule);font-style:italic}
blockquote p{margin:0}
a{color:inherit}
.source-note{font:.7rem system-ui,sans-serif}
.source-note a{text-decoration:none;color:var(--accent)}
.sources,.related{margin-top:2.5rem;border-top:1px solid var(--rule);font:.9rem/1.5 system-ui,sans-serif}
.sources li{margin-bottom:.4rem}
.checklist{list-style:none;padding-left:1rem}
code{font:.9em ui-monospace,monospace}
@media print{body{font-size:11pt}article{max-width:none;margin:0}a{text-decoration:none}.sources a[href^="http"]::after{content:" <" attr(href) ">";word-break:break-all}}`;

/** The CSP a viewer applies to the page: nothing but the inline style, and images from the bundle itself. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'";

function dateLabel(iso: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  }
}

function header(facts: ArticleFacts): string {
  const meta = [
    facts.dateline ? `<span class="dateline">${escapeHtml(facts.dateline)}</span>` : '',
    `<span><time datetime="${escapeHtml(facts.datePublished)}">${escapeHtml(dateLabel(facts.datePublished, facts.language))}</time></span>`,
    facts.minutes ? `<span>${facts.minutes} min read</span>` : '',
  ].filter(Boolean);
  return [
    '<header>',
    facts.kicker ? `<p class="kicker">${escapeHtml(facts.kicker)}</p>` : '',
    `<h1>${escapeHtml(facts.headline)}</h1>`,
    facts.dek ? `<p class="dek">${escapeHtml(facts.dek)}</p>` : '',
    facts.bylines.length ? `<p class="byline">By ${escapeHtml(joinNames(facts.bylines))}</p>` : '',
    `<p class="meta">${meta.join('')}</p>`,
    facts.aiContent ? `<aside class="ai-disclosure" role="note"><strong>AI disclosure:</strong> ${escapeHtml(facts.aiDisclosure)}</aside>` : '',
    '</header>',
  ]
    .filter(Boolean)
    .join('\n');
}

function sourceSection(facts: ArticleFacts): string {
  if (!facts.sources.length) return '';
  const items = facts.sources.map((s) => {
    const title = s.url ? `<a href="${escapeHtml(s.url)}" rel="noopener noreferrer">${escapeHtml(s.title)}</a>` : escapeHtml(s.title);
    const details = sourceDetails(s);
    return `<li id="source-${s.number}">${title}${details ? ` <small>${escapeHtml(details)}</small>` : ''}</li>`;
  });
  return `<section class="sources">\n<h2>Sources</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</section>`;
}

function relatedSection(facts: ArticleFacts): string {
  if (!facts.related.length) return '';
  return `<section class="related">\n<h2>Related articles</h2>\n<ul>\n${facts.related.map((r) => `<li>${escapeHtml(r.headline || r.slug)}</li>`).join('\n')}\n</ul>\n</section>`;
}

/** The body's sanitized HTML, for the page and for ninjs's text/html body. */
export function sanitizedBody(facts: ArticleFacts): string {
  return sanitizeFragment(bodyHtml(facts.body, facts.sourceNumber));
}

export function articlePage(facts: ArticleFacts, body = sanitizedBody(facts)): string {
  const article = sanitizeFragment(`<article lang="${escapeHtml(facts.language)}">\n${header(facts)}\n<div class="body">\n${body}</div>\n${sourceSection(facts)}\n${relatedSection(facts)}\n</article>`);
  const page = `<!doctype html>
<html lang="${escapeHtml(facts.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">
<title>${escapeHtml(facts.headline)}</title>
${facts.dek ? `<meta name="description" content="${escapeHtml(facts.dek)}">\n` : ''}<style>
${CSS}
</style>
<script type="application/ld+json">
${jsonLdScript(facts)}
</script>
</head>
<body>
${article}
</body>
</html>
`;
  assertInert(page);
  return page;
}
