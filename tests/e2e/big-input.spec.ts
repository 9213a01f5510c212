/**
 * Big input in Chromium: a 10 MB paste into the body, and a 100,000-word article saved
 * through the API and opened in the editor. Each works or is refused with the limit
 * named, and the page's main thread is watched for long tasks (PerformanceObserver
 * 'longtask') while it happens. Reading pasted markup into the editor is one task that
 * grows with the markup, so a paste is refused over MAX_PASTE_CHARS (256 KB), where that
 * task stays near 200 ms; the refusal itself holds the page for no task over 200 ms.
 * Opening the long article is one task of Lexical's too: its length is logged, not held
 * to 200 ms (about 300 ms on a busy 2-core machine).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callApi } from './page-helpers';

/** Starts recording long tasks; `longestTask` reads the longest since, in ms. */
async function watchLongTasks(app: Page): Promise<void> {
  await app.evaluate(`(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(entry.duration); })
      .observe({ type: 'longtask' });
  })()`);
}
async function longestTask(app: Page): Promise<number> {
  // Entries are delivered after the task; a frame later they are all in.
  await app.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)))');
  return app.evaluate<number>('Math.max(0, ...window.__longTasks)');
}

/** Builds markup of this many paragraphs, and its plain text, in the page (a task of its own, not watched); returns the markup's length. */
async function buildMarkup(app: Page, paragraphs: number, wordsEach: number): Promise<number> {
  return app.evaluate<number>(`(() => {
    const words = 'the harbour board met on monday and agreed a new roster for night shifts '.split(' ').filter(Boolean);
    const parts = [];
    for (let p = 0; p < ${paragraphs}; p++) {
      const line = [];
      for (let w = 0; w < ${wordsEach}; w++) line.push(words[(p + w) % words.length]);
      parts.push(line.join(' ') + '.');
    }
    window.__markup = parts.map((text) => '<p>' + text + '</p>').join('');
    window.__plain = parts.join('\\n');
    return window.__markup.length;
  })()`);
}

/**
 * Pastes the built markup into the body as the browser delivers a paste, from a page
 * script; the plain text beside it is the markup's own text, as a browser gives it, or `plain`.
 */
async function pasteMarkup(app: Page, plain?: string): Promise<void> {
  await app.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/html', window.__markup);
    data.setData('text/plain', ${plain === undefined ? 'window.__plain' : JSON.stringify(plain)});
    document.querySelector('[aria-label="Article body"]').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

test('markup over the limit whose text is within it goes in as plain text, and says so', async ({ app }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  const body = app.getByRole('textbox', { name: 'Article body' });
  await body.click();
  const size = await buildMarkup(app, 400, 150);
  expect(size).toBeGreaterThan(256 * 1024);
  await pasteMarkup(app, 'The harbour board met on Monday.\nIt agreed a new roster.');
  await expect(app.getByRole('alert').filter({ hasText: 'pasted formatting' })).toContainText('the text went in as plain paragraphs');
  await expect(body.locator('p')).toHaveText(['The harbour board met on Monday.', 'It agreed a new roster.']);
});

test('a 10 MB paste is refused with the limit named, the body unchanged, and no long task', async ({ app }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  const body = app.getByRole('textbox', { name: 'Article body' });
  await body.click();
  await app.keyboard.type('Lede.');
  const size = await buildMarkup(app, 14_000, 150);
  expect(size).toBeGreaterThan(10 * 1024 * 1024);
  await watchLongTasks(app);
  await pasteMarkup(app);
  await expect(app.getByRole('alert').filter({ hasText: 'the limit for one paste is 256 KB' })).toContainText('Nothing was pasted');
  await expect(app.getByRole('alert').filter({ hasText: 'limit for one paste' })).toContainText('is 10.');
  expect(await longestTask(app)).toBeLessThan(200);
  await expect(body).toHaveText('Lede.');
  // Still answering: typing goes on where it was.
  await app.keyboard.type(' More.');
  await expect(body).toHaveText('Lede. More.');
});

test('a paste just under the limit (250 KB of markup) is taken', async ({ app }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  const body = app.getByRole('textbox', { name: 'Article body' });
  await body.click();
  const size = await buildMarkup(app, 320, 150);
  await watchLongTasks(app);
  const started = Date.now();
  await pasteMarkup(app);
  expect(size).toBeLessThan(256 * 1024);
  await expect(body.locator('p')).toHaveCount(320, { timeout: 20_000 });
  test.info().annotations.push({ type: 'figure', description: `paste of ${(size / 1024).toFixed(0)} KB: ${Date.now() - started} ms, longest task ${(await longestTask(app)).toFixed(0)} ms` });
  await expect(app.getByRole('alert')).toHaveCount(0);
});

test('a 100,000-word article saved through the API opens in the editor', async ({ app }) => {
  test.setTimeout(90_000);
  const paragraph = (words: string) => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: [{ type: 'text', version: 1, text: words, format: 0, style: '', mode: 'normal', detail: 0 }],
  });
  const vocabulary = 'the harbour board met on monday and agreed a new roster for night shifts'.split(' ');
  const children = Array.from({ length: 2_000 }, (_, p) => paragraph(Array.from({ length: 50 }, (__, w) => vocabulary[(p + w) % vocabulary.length]).join(' ')));
  children[1_999] = paragraph(`${children[1_999]!.children[0]!.text} The end.`);
  const created = await callApi<{ id: string; revision: string }>(app, 'articles.create', { meta: { headline: 'The long read' } });
  await callApi(app, 'articles.save', { id: created.id, baseRevision: created.revision, body: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } } });
  await app.reload();
  await watchLongTasks(app);
  const started = Date.now();
  await app.getByRole('button', { name: /The long read/ }).click();
  const body = app.getByRole('textbox', { name: 'Article body' });
  await expect(body.locator('p')).toHaveCount(2_000, { timeout: 30_000 });
  await expect(body).toContainText('The end.');
  test.info().annotations.push({ type: 'figure', description: `100,000-word article open: ${Date.now() - started} ms, longest task ${(await longestTask(app)).toFixed(0)} ms` });
  await expect(app.getByText(/100,0\d\d words/).first()).toBeVisible();
});
