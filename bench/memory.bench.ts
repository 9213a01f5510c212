/**
 * Memory in Chromium (browser mode): the JS heap after garbage collection, before and
 * after a long typing run (20,000 keystrokes in a 5,000-word article) and a library
 * session (scroll the whole list, search, open 200 articles in a 10,000-article
 * workspace). The budget is flat: at most 10 % growth from the heap measured once the
 * first quarter of the same session has run (what a session fills by design, loaded code,
 * the undo history up to its cap, the search index, is in place by then) to its end.
 * Collected and read through the DevTools protocol (HeapProfiler.collectGarbage,
 * Runtime.getHeapUsage).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { findBrowser, launchOptionsFor } from '../scripts/find-browser.mjs';
import { serializeArticle } from '../src/core/articles/article-file';
import { Workspace } from '../src/core/workspace/workspace';
import { slugify } from '../src/shared/slug';
import { startHost, stopHost } from '../tests/helpers/browser-mode';
import { scaled, type Figure } from './report';
import { articleFile } from './workspace.bench';

const MB = 1024 * 1024;

/** The JS heap in use once garbage is collected (twice: finalizers free more on the second pass). */
async function heapAfterGc(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

const settle = (page: Page, ms: number) => page.waitForTimeout(ms);

async function typingRun(context: BrowserContext, url: string, keystrokes: number): Promise<Figure> {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: /Five thousand words/ }).click();
  const body = page.locator('[aria-label="Article body"]');
  await body.click();
  await page.keyboard.press('Control+End');
  const chunk = 'the council said on monday that 99,000 households would wait. ';
  let typed = 0;
  let before = 0;
  while (typed < keystrokes) {
    const text = chunk.slice(0, Math.min(chunk.length, keystrokes - typed));
    await page.keyboard.type(text, { delay: 0 });
    typed += text.length;
    if (typed % (chunk.length * 8) < chunk.length) {
      await page.keyboard.press('Enter');
      typed++;
    }
    if (before === 0 && typed >= keystrokes / 4) {
      await settle(page, 2_500);
      before = await heapAfterGc(context, page);
    }
  }
  // Let the autosave land, then collect.
  await settle(page, 2_500);
  const after = await heapAfterGc(context, page);
  await page.close();
  return {
    what: `JS heap after GC, ${keystrokes.toLocaleString('en-US')} keystrokes typed into a 5,000-word article (growth ${(((after - before) / before) * 100).toFixed(1)} %)`,
    measured: after / MB,
    baseline: before / MB,
    baselineLabel: 'the same page after the first quarter of the keystrokes, after GC',
    budget: 1.1,
    budgetIsRatio: true,
    unit: 'MB',
  };
}

async function librarySession(context: BrowserContext, url: string, count: number, opens: number): Promise<Figure> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.library__item').first().waitFor({ timeout: 120_000 });
  const openArticle = async (i: number) => {
    const headline = `Story ${i} from the harbour desk`;
    const search = page.getByRole('searchbox', { name: 'Search articles' });
    if (await search.count()) {
      await search.fill(`Story ${i} from`);
    } else {
      await page.locator('.library__scroll').evaluate((el, top) => el.scrollTo({ top }), i * 40);
    }
    await page.getByRole('button', { name: new RegExp(`Story ${i} from the harbour desk`) }).first().click({ timeout: 30_000 });
    await page.waitForFunction((h) => document.querySelector<HTMLTextAreaElement>('[aria-label="Headline"]')?.value === h, headline, { timeout: 30_000 });
  };
  const search = page.getByRole('searchbox', { name: 'Search articles' });
  const scrollAll = () =>
    page.locator('.library__scroll').evaluate(async (el) => {
      for (let top = 0; top < el.scrollHeight; top += el.clientHeight) {
        el.scrollTo({ top });
        await new Promise((r) => requestAnimationFrame(() => r(null)));
      }
      el.scrollTo({ top: 0 });
    });
  const step = Math.max(1, Math.floor(count / opens));
  let before = 0;
  for (let k = 0; k < opens; k++) {
    // Each quarter: the whole list scrolled, then articles found by search and opened.
    if (k % Math.ceil(opens / 4) === 0) {
      if (k > 0 && before === 0) {
        if (await search.count()) await search.fill('');
        await settle(page, 1_500);
        before = await heapAfterGc(context, page);
      }
      if (await search.count()) await search.fill('');
      await scrollAll();
    }
    await openArticle((k * step) % count);
  }
  if (await search.count()) await search.fill('');
  await settle(page, 1_500);
  const after = await heapAfterGc(context, page);
  await page.close();
  return {
    what: `JS heap after GC, library session in a ${count.toLocaleString('en-US')}-article workspace: scroll, search, open ${opens} articles (growth ${(((after - before) / before) * 100).toFixed(1)} %)`,
    measured: after / MB,
    baseline: before / MB,
    baselineLabel: 'the same page after the first quarter of the session, after GC',
    budget: 1.1,
    budgetIsRatio: true,
    unit: 'MB',
  };
}

export async function memoryFigures(): Promise<Figure[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'copydesk-memory-'));
  const browser = await chromium.launch({
    ...launchOptionsFor(findBrowser()),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const hosts = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });

    const typingDir = path.join(root, 'typing');
    mkdirSync(path.join(typingDir, 'articles'), { recursive: true });
    writeFileSync(path.join(typingDir, 'articles', 'five-thousand-words.json'), serializeArticle(articleFile('Five thousand words', 5_000)));
    const typingHost = await startHost(typingDir, false);
    hosts.push(typingHost);
    const typing = await typingRun(context, typingHost.url, scaled(20_000, 2_000));

    const count = scaled(10_000, 1_000);
    const libraryDir = path.join(root, 'library');
    mkdirSync(path.join(libraryDir, 'articles'), { recursive: true });
    for (let i = 0; i < count; i++) {
      const article = articleFile(`Story ${i} from the harbour desk`, 150);
      writeFileSync(path.join(libraryDir, 'articles', `${slugify(article.meta.headline)}.json`), serializeArticle(article));
    }
    await (await Workspace.open(libraryDir, { watch: false })).close();
    const libraryHost = await startHost(libraryDir, false);
    hosts.push(libraryHost);
    const library = await librarySession(context, libraryHost.url, count, scaled(200, 40));
    return [typing, library];
  } finally {
    await browser.close();
    for (const host of hosts) await stopHost(host);
    rmSync(root, { recursive: true, force: true });
  }
}
