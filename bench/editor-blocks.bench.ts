/**
 * The editor with newsroom blocks, in Chromium: opening a 20,000-word article holding
 * images, tables, pull quotes, rules and editor notes to editable, and keystroke latency
 * in it, in Copydesk (browser mode, from the library click) beside a bare Lexical editor
 * with the same nodes given the same JSON; and pasting a 1 MB web page (sanitized,
 * cleaned, turned into nodes) beside bare Lexical's own unsanitized paste of it.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { findBrowser, launchOptionsFor } from '../scripts/find-browser.mjs';
import { serializeArticle } from '../src/core/articles/article-file';
import { sha256Hex } from '../src/core/storage/sha256';
import { startHost, stopHost } from '../tests/helpers/browser-mode';
import { tinyPng } from '../tests/helpers/images';
import { keystrokeLatencies, timeUntilText } from './editor.bench';
import { median, percentile, quick, type Figure } from './report';
import { articleFile } from './workspace.bench';

const OPENS = quick ? 2 : 5;
const PASTES = quick ? 2 : 4;
const MARKER = 'bench-end-marker';

const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' });
const block = { version: 1, direction: null, format: '', indent: 0 };
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', ...block, textFormat: 0, textStyle: '', children });
const cell = (value: string, header: boolean) => ({ type: 'tablecell', ...block, headerState: header ? 1 : 0, colSpan: 1, rowSpan: 1, backgroundColor: null, children: [paragraph(text(value))] });
const table = (n: number) => ({
  type: 'table',
  ...block,
  children: [0, 1, 2, 3].map((r) => ({ type: 'tablerow', ...block, children: [0, 1, 2].map((c) => cell(r === 0 ? `Head ${c}` : `${n * 10 + r}.${c}`, r === 0)) })),
});

/** The 20,000 words of the plain benchmark with a picture every 25 blocks, a table every 40, a pull quote, a rule and a note now and then. */
function blocksArticle(asset: string) {
  const file = articleFile('Twenty thousand words with pictures', 20_000);
  const children: unknown[] = [];
  file.body.root.children.forEach((child, i) => {
    children.push(child);
    if (i % 25 === 12) children.push({ type: 'image', version: 1, asset, alt: 'A picture', caption: `Picture ${i}`, credit: 'Photo: Desk' });
    if (i % 40 === 20) children.push(table(i));
    if (i % 50 === 30) children.push({ type: 'pullquote', ...block, attribution: 'A negotiator', children: [text('We are closer than we have ever been.')] });
    if (i % 60 === 45) children.push({ type: 'horizontalrule', version: 1 });
    if (i % 70 === 35) children.push(paragraph(text('Figure to check: '), { type: 'editornote', ...block, children: [text('TK confirm')] }, text(' with the ministry.', 2)));
  });
  children.push(paragraph(text(MARKER)));
  file.body.root.children = children as typeof file.body.root.children;
  return file;
}

/** About 1 MB of a news site's page: sections with subheads, emphasis, links, figures, tables, quotes, lists and the site's chrome between them. */
export function webPage(bytes = 1024 * 1024): string {
  const section = (i: number) =>
    `<div class="share-bar"><a href="https://twitter.example/share">Tweet</a><button>Copy link</button></div>
<h2>Section ${i}: what changes on the night shift</h2>
<p>Negotiators for the port authority and the union <strong>agreed a new roster</strong> on Monday, ending a <em>three-week</em> stoppage that left <a href="https://ledger.example/${i}">42 ships waiting</a> off the coast, the union said in a statement.</p>
<p style="font-weight:400">The deal caps night shifts at four a week and raises the night premium to 35 per cent from 30 per cent, according to a copy seen by the paper.</p>
<figure><img src="https://images.example/${i}.jpg" alt="Cranes ${i}" onerror="void 0"><figcaption>Cranes stood idle. <span class="credit">Photo: Ledger</span></figcaption></figure>
<table><thead><tr><th>Year</th><th>Premium</th></tr></thead><tbody><tr><td>2025</td><td>30%</td></tr><tr><td>2026</td><td>35%</td></tr></tbody></table>
<blockquote><p>“Difficult but businesslike,” said the union's lead negotiator.</p></blockquote>
<ul><li>The port authority</li><li>The dockers' union</li></ul>
<div class="newsletter-signup"><p>Sign up for our newsletter.</p></div><p><a href="https://ledger.example/more">Read more</a></p>`;
  const parts: string[] = ['<html><body><header><nav><a href="/">Home</a></nav></header><article><h1>A long page</h1>'];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes - 200; i++) {
    const next = section(i);
    parts.push(next);
    size += next.length;
  }
  parts.push(`<p>${MARKER}</p></article><footer>© Ledger</footer></body></html>`);
  return parts.join('\n');
}

/** Milliseconds from a paste event with `html` until the body shows the marker, measured in the page. */
async function pasteTime(page: Page): Promise<number> {
  return timeUntilText(
    page,
    `const data = new DataTransfer();
     data.setData('text/html', window.benchHtml);
     data.setData('text/plain', 'plain');
     const body = document.querySelector('[aria-label="Article body"]');
     body.focus();
     body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));`,
    MARKER,
  );
}

async function serveBaseline(dir: string) {
  await build({ root: path.join(__dirname, 'lexical-blocks-baseline'), logLevel: 'silent', configFile: false, build: { outDir: dir, emptyOutDir: true, modulePreload: false } });
  const server = createServer((req, res) => {
    const file = path.join(dir, req.url === '/' ? 'index.html' : (req.url ?? '').replace(/^\/+/, ''));
    void readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

export async function editorBlocksFigures(): Promise<Figure[]> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'copydesk-blocks-bench-'));
  const baseline = await serveBaseline(path.join(scratch, 'baseline'));
  const png = tinyPng();
  const asset = `assets/${sha256Hex(png)}.png`;
  const big = blocksArticle(asset);
  const small = articleFile('A short note', 50);
  const paste = articleFile('Paste here', 10);
  const workspace = path.join(scratch, 'workspace');
  await mkdir(path.join(workspace, 'articles'), { recursive: true });
  await mkdir(path.join(workspace, 'assets'), { recursive: true });
  await writeFile(path.join(workspace, asset), png);
  await writeFile(path.join(workspace, 'articles', 'twenty-thousand-words-with-pictures.json'), serializeArticle(big));
  await writeFile(path.join(workspace, 'articles', 'a-short-note.json'), serializeArticle(small));
  await writeFile(path.join(workspace, 'articles', 'paste-here.json'), serializeArticle(paste));
  // A page just within the paste limit (256 KB of markup, src/shared/limits.ts); a larger
  // page's markup is not read (its text goes in as paragraphs, or it is refused).
  const html = webPage(250 * 1024);
  const host = await startHost(workspace, false);
  const browser = await chromium.launch({
    ...launchOptionsFor(findBrowser()),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  try {
    const app = await context.newPage();
    await app.goto(host.url);
    await app.getByRole('button', { name: /A short note/ }).waitFor();
    const clickBig = `[...document.querySelectorAll('.library__item')].find((b) => b.textContent.includes('Twenty thousand words with pictures')).click()`;
    const opens: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      await app.getByRole('button', { name: /A short note/ }).click();
      await app.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('[aria-label="Headline"]')?.value ?? '') === 'A short note');
      opens.push(await timeUntilText(app, clickBig, MARKER));
    }
    const typed = await keystrokeLatencies(app);
    const pastes: number[] = [];
    await app.evaluate((page) => ((window as unknown as { benchHtml: string }).benchHtml = page), html);
    await app.evaluate(`[...document.querySelectorAll('.library__item')].find((b) => b.textContent.includes('Paste here')).click()`);
    await app.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('[aria-label="Headline"]')?.value ?? '') === 'Paste here');
    for (let i = 0; i < PASTES; i++) {
      // Each round pastes into an emptied body.
      await app.locator('[aria-label="Article body"]').click();
      await app.keyboard.press('Control+A');
      await app.keyboard.press('Delete');
      await app.waitForFunction((marker) => !(document.querySelector('[aria-label="Article body"]')?.textContent ?? '').includes(marker), MARKER);
      pastes.push(await pasteTime(app));
    }

    const page = await context.newPage();
    await page.goto(baseline.url);
    await page.waitForFunction(() => 'openBody' in window);
    await page.evaluate((body) => ((window as unknown as { benchJson: string }).benchJson = body), JSON.stringify(big.body));
    const baseOpens: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      await page.evaluate(() => {
        document.getElementById('editor')!.textContent = '';
      });
      baseOpens.push(await timeUntilText(page, 'window.openBody(window.benchJson)', MARKER));
    }
    const baseTyped = await keystrokeLatencies(page);
    await page.evaluate(
      ({ page: pageHtml, empty }) => {
        (window as unknown as { benchHtml: string }).benchHtml = pageHtml;
        (window as unknown as { emptyJson: string }).emptyJson = empty;
      },
      { page: html, empty: JSON.stringify(paste.body) },
    );
    const basePastes: number[] = [];
    for (let i = 0; i < PASTES; i++) {
      await page.evaluate(() => window.openBody((window as unknown as { emptyJson: string }).emptyJson));
      basePastes.push(await pasteTime(page));
    }
    const count = (type: string) => (big.body.root.children as Array<{ type: string }>).filter((b) => b.type === type).length;
    const typedP95 = percentile(typed, 95);
    const baseP95 = percentile(baseTyped, 95);
    return [
      {
        what: `open a 20,000-word article with ${count('image')} images, ${count('table')} tables, pull quotes, rules and notes to editable (median of ${OPENS})`,
        measured: median(opens),
        baseline: median(baseOpens),
        baselineLabel: 'bare Lexical, same nodes, same JSON',
        budget: 150,
      },
      {
        what: `keystroke latency in that article, p95 of ${typed.length} (budget also ≤ baseline + 3 ms = ${(baseP95 + 3).toFixed(1)} ms)`,
        measured: typedP95,
        baseline: baseP95,
        baselineLabel: 'bare Lexical, same keystrokes',
        budget: Math.round(Math.min(16, baseP95 + 3) * 10) / 10,
      },
      {
        what: `paste a ${Math.round(html.length / 1024)} KB web page: sanitized, cleaned, into nodes and on screen (median of ${PASTES})`,
        measured: median(pastes),
        baseline: median(basePastes),
        baselineLabel: 'bare Lexical’s own paste, unsanitized',
        budget: null,
      },
    ];
  } finally {
    await browser.close();
    await stopHost(host);
    baseline.server.close();
    await rm(scratch, { recursive: true, force: true });
  }
}
