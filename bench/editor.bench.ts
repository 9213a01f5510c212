/**
 * Editor figures in Chromium: opening a 20,000-word article to editable, and keystroke
 * latency in it, in Copydesk (browser mode, from the click in the library) beside a bare
 * Lexical editor given the same JSON.
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
import { startHost, stopHost } from '../tests/helpers/browser-mode';
import { median, percentile, type Figure } from './report';
import { articleFile } from './workspace.bench';

const KEYSTROKES = 120;
const OPENS = 5;

/** Resolves with ms from `start()` until the body holds `marker`, measured inside the page. */
export async function timeUntilText(page: Page, startScript: string, marker: string): Promise<number> {
  return page.evaluate(
    ({ script, text }) =>
      new Promise<number>((resolve) => {
        const done = () => {
          const body = document.querySelector('[aria-label="Article body"]');
          return body !== null && (body.textContent ?? '').includes(text);
        };
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (done()) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        new Function(script)();
      }),
    { script: startScript, text: marker },
  );
}

/** Keydown to the editor's DOM mutation and the work behind it, per keystroke, typed at the end of the body. */
export async function keystrokeLatencies(page: Page): Promise<number[]> {
  await page.locator('[aria-label="Article body"]').click();
  await page.keyboard.press('Control+End');
  await page.evaluate(() => {
    const w = window as unknown as { latencies: number[]; pendingKey: number | null };
    w.latencies = [];
    w.pendingKey = null;
    const body = document.querySelector('[aria-label="Article body"]')!;
    body.addEventListener('keydown', () => (w.pendingKey = performance.now()), { capture: true });
    // Keydown until the editor has changed the DOM and the work queued behind that change
    // (React renders, listeners) has run: a task posted after the mutation marks that.
    const channel = new MessageChannel();
    let started = 0;
    channel.port1.onmessage = () => w.latencies.push(performance.now() - started);
    new MutationObserver(() => {
      if (w.pendingKey !== null) {
        started = w.pendingKey;
        w.pendingKey = null;
        channel.port2.postMessage(null);
      }
    }).observe(body, { childList: true, subtree: true, characterData: true });
  });
  for (let i = 0; i < KEYSTROKES; i++) await page.keyboard.type(i % 12 === 11 ? ' ' : 'x', { delay: 0 });
  return page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
}

export async function editorFigures(): Promise<Figure[]> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'copydesk-editor-bench-'));
  const baselineDir = path.join(scratch, 'baseline');
  await build({
    root: path.join(__dirname, 'lexical-baseline'),
    logLevel: 'silent',
    configFile: false,
    build: { outDir: baselineDir, emptyOutDir: true, modulePreload: false },
  });
  const baselineServer = createServer((req, res) => {
    const file = path.join(baselineDir, req.url === '/' ? 'index.html' : (req.url ?? '').replace(/^\/+/, ''));
    void readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => baselineServer.listen(0, '127.0.0.1', resolve));
  const baselineUrl = `http://127.0.0.1:${(baselineServer.address() as AddressInfo).port}/`;

  const big = articleFile('Twenty thousand words', 20_000);
  const small = articleFile('A short note', 50);
  const marker = 'bench-end-marker';
  big.body.root.children.push({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: marker, format: 0, detail: 0, mode: 'normal', style: '' }] });
  const workspace = path.join(scratch, 'workspace');
  await mkdir(path.join(workspace, 'articles'), { recursive: true });
  await writeFile(path.join(workspace, 'articles', 'twenty-thousand-words.json'), serializeArticle(big));
  await writeFile(path.join(workspace, 'articles', 'a-short-note.json'), serializeArticle(small));
  const host = await startHost(workspace, false);
  const browser = await chromium.launch({
    ...launchOptionsFor(findBrowser()),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // tsx compiles this file with esbuild, which wraps named functions in __name(); the
  // functions sent to the page need it too.
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  try {
    const app = await context.newPage();
    await app.goto(host.url);
    await app.getByRole('button', { name: /A short note/ }).waitFor();
    const clickBig = `[...document.querySelectorAll('.library__item')].find((b) => b.textContent.includes('Twenty thousand words')).click()`;
    const opens: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      await app.getByRole('button', { name: /A short note/ }).click();
      await app.waitForFunction(() => {
        const headline = document.querySelector<HTMLTextAreaElement>('[aria-label="Headline"]');
        const body = document.querySelector('[aria-label="Article body"]');
        return headline?.value === 'A short note' && !(body?.textContent ?? '').includes('bench-end-marker');
      });
      opens.push(await timeUntilText(app, clickBig, marker));
    }
    const typed = await keystrokeLatencies(app);

    const json = JSON.stringify(big.body);
    const page = await context.newPage();
    await page.goto(baselineUrl);
    await page.waitForFunction(() => 'openBody' in window);
    await page.evaluate((body) => ((window as unknown as { benchJson: string }).benchJson = body), json);
    const baseOpens: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      await page.evaluate(() => {
        document.getElementById('editor')!.textContent = '';
      });
      baseOpens.push(await timeUntilText(page, 'window.openBody(window.benchJson)', marker));
    }
    const baseTyped = await keystrokeLatencies(page);
    const p95 = percentile(typed, 95);
    const baseP95 = percentile(baseTyped, 95);
    return [
      {
        what: `open a 20,000-word article to editable, from the library click (median of ${OPENS})`,
        measured: median(opens),
        baseline: median(baseOpens),
        baselineLabel: 'bare Lexical, same JSON',
        budget: 150,
      },
      {
        what: `keystroke latency in that article, keydown to DOM and idle, p95 of ${typed.length} (budget also ≤ baseline + 3 ms = ${(baseP95 + 3).toFixed(1)} ms)`,
        measured: p95,
        baseline: baseP95,
        baselineLabel: 'bare Lexical, same keystrokes',
        budget: Math.round(Math.min(16, baseP95 + 3) * 10) / 10,
      },
    ];
  } finally {
    await browser.close();
    await stopHost(host);
    baselineServer.close();
    await rm(scratch, { recursive: true, force: true });
  }
}
