/**
 * Library figures in Chromium (browser mode), on workspaces made by the generator
 * (scripts/generate-workspace.ts): the first paint of a 10,000-article list,
 * and the longest main-thread task around an autosave while typing with 10,000 articles in
 * the library, each beside the same with 10 articles.
 *
 * The longest task is read from a Chrome trace of the typing and the save, by the main
 * thread's CPU time (the Long Tasks API reports only tasks over 50 ms, and wall-clock gaps
 * count the time the thread waited for a core on a busy machine).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { findBrowser, launchOptionsFor } from '../scripts/find-browser.mjs';
import { generateWorkspace } from '../scripts/generate-workspace';
import { Workspace } from '../src/core/workspace/workspace';
import { startHost, stopHost } from '../tests/helpers/browser-mode';
import { median, scaled, type Figure } from './report';

const SAVES = 5;

/** A generated workspace of `count` articles (`npm run generate`), its index warm so the host opens at once. */
async function libraryOf(root: string, count: number): Promise<string> {
  const dir = path.join(root, `library-${count}`);
  generateWorkspace({ articles: count, out: dir });
  const ws = await Workspace.open(dir, { watch: false });
  await ws.close();
  return dir;
}

/** Waits until the host's search index is built, so its work does not share the machine with the figures. */
async function searchReady(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      const response = await fetch('/api/search.status', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-copydesk-token': localStorage.getItem('copydesk-token') ?? '' },
        body: '{}',
      });
      const result = (await response.json()) as { ok: boolean; value?: { state: string } };
      return result.ok && result.value?.state === 'ready';
    },
    undefined,
    { timeout: 300_000, polling: 1_000 },
  );
}

/**
 * Milliseconds from the list's data arriving (the `articles.list` response's end) to the
 * first frame painted after its rows are in the page.
 */
async function firstPaint(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.locator('.library__item').first().waitFor();
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        // The row is in: the next animation frame runs just before the paint that shows it.
        requestAnimationFrame(() => {
          const painted = performance.now();
          const listed = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/articles.list')) as PerformanceResourceTiming | undefined;
          resolve(painted - (listed?.responseEnd ?? painted));
        });
      }),
  );
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The longest task on the page's main thread in a Chrome trace, by the thread's own CPU
 * time (`tdur`): on a machine shared with other work, the time the thread waited for a
 * core is not the page's doing, and wall-clock gaps would count it.
 */
function longestTask(trace: Buffer): number {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  let longest = 0;
  for (const e of events) {
    if (e.ph !== 'X' || (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') || !main.includes(`${e.pid}:${e.tid}`)) continue;
    longest = Math.max(longest, (e.tdur ?? e.dur ?? 0) / 1000);
  }
  return longest;
}

/** The longest main-thread task (ms) from the first keystroke of a burst until the save's echo has been drawn. */
async function longestTaskAroundSave(browser: Browser, page: Page): Promise<number> {
  const body = page.locator('[aria-label="Article body"]');
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline', 'devtools.timeline'] });
  await body.pressSequentially(' more copy', { delay: 30 });
  await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor({ timeout: 10_000 });
  // The library's echo of the save arrives as an event after the save returns.
  await page.waitForTimeout(600);
  return longestTask(await browser.stopTracing());
}

async function measureLibrary(browser: Browser, dir: string): Promise<{ paint: number; task: number }> {
  const host = await startHost(dir, false);
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    await searchReady(page);
    const paints: number[] = [];
    for (let i = 0; i < 5; i++) paints.push(await firstPaint(page, host.url));
    // A draft: approved copy asks before it can be edited.
    await page.locator('.library__item', { has: page.locator('.status--draft') }).first().click();
    const body = page.locator('[aria-label="Article body"]');
    await body.click();
    await page.keyboard.press('Control+End');
    const tasks: number[] = [];
    for (let i = 0; i < SAVES; i++) tasks.push(await longestTaskAroundSave(browser, page));
    return { paint: median(paints), task: median(tasks) };
  } finally {
    await context.close();
    await stopHost(host);
  }
}

export async function libraryUiFigures(): Promise<Figure[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'copydesk-library-ui-bench-'));
  const browser = await chromium.launch({
    ...launchOptionsFor(findBrowser()),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const large = Number(process.env.COPYDESK_BENCH_ARTICLES ?? scaled(10_000, 2_000));
    const small = await measureLibrary(browser, await libraryOf(root, 10));
    const big = await measureLibrary(browser, await libraryOf(root, large));
    const count = large.toLocaleString('en-US');
    return [
      {
        what: `first paint of the ${count}-article list, from its data to the frame (median of 5)`,
        measured: big.paint,
        baseline: small.paint,
        baselineLabel: 'the same, 10 articles',
        budget: 200,
      },
      {
        what: `longest main-thread task (thread CPU time) around an autosave while typing, ${count} articles (median of ${SAVES}; budget ≤ baseline + 16 ms)`,
        measured: big.task,
        baseline: small.task,
        baselineLabel: 'the same save, 10 articles',
        budget: 16,
        budgetOverBaseline: true,
      },
    ];
  } finally {
    await browser.close();
    rmSync(root, { recursive: true, force: true });
  }
}
