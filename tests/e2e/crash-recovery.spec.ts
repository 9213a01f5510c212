import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callApi } from './page-helpers';

/**
 * The page's saves never reach the host from now on, those it sends as it closes included,
 * as when the app is killed mid-edit or the disk is gone: each fails as a network error.
 */
function cutSaves(page: Page) {
  return page.evaluate(`(() => {
    const real = window.fetch.bind(window);
    window.fetch = (input, init) => (String(input).includes('articles.save') ? Promise.reject(new TypeError('Failed to fetch')) : real(input, init));
  })()`);
}

/** Closes the page with its text unsaved. */
async function crash(page: Page) {
  await page.close();
}

test('text typed in a page closed before it could save is offered on the next open, and recovered', async ({ app, host, context }) => {
  const created = await callApi<{ id: string }>(app, 'articles.create', { meta: { headline: 'Night shift rosters' } });
  await app.reload();
  await app.getByRole('button', { name: /Night shift rosters/ }).click();
  const body = app.getByRole('textbox', { name: 'Article body' });
  await body.click();

  await cutSaves(app);
  await app.keyboard.type('The union wants twelve more crews before the winter.');
  await expect(app.getByTestId('save-state')).not.toHaveText('Saved');
  // The unsaved text is in the page's own storage within a moment.
  await expect
    .poll(() =>
      app.evaluate<string>(
        `new Promise((resolve) => { const r = indexedDB.open('copydesk-recovery'); r.onsuccess = () => { const g = r.result.transaction('unsaved').objectStore('unsaved').getAll(); g.onsuccess = () => resolve(g.result.map((x) => x.preview).join('|')); }; })`,
      ),
    )
    .toBe('Night shift rosters — The union wants twelve more crews before the winter.');
  await crash(app);

  const next = await context.newPage();
  await next.goto(host.url);
  await next.getByRole('button', { name: /Night shift rosters/ }).click();
  const notice = next.getByTestId('recovery-notice');
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('heading')).toHaveText(/^Recover unsaved text from \d+ \w+, \d\d:\d\d$/);
  await expect(notice).toContainText('The union wants twelve more crews before the winter.');
  await notice.getByRole('button', { name: 'Recover' }).click();
  await expect(next.getByRole('textbox', { name: 'Article body' })).toContainText('The union wants twelve more crews before the winter.');
  await expect(next.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const [name] = await readdir(path.join(host.workspace, 'articles'));
  expect(await readFile(path.join(host.workspace, 'articles', name!), 'utf8')).toContain('twelve more crews');

  // Once saved, nothing is offered any more.
  await next.reload();
  await next.getByRole('button', { name: /Night shift rosters/ }).click();
  await expect(next.getByRole('textbox', { name: 'Article body' })).toContainText('twelve more crews');
  await expect(next.getByTestId('recovery-notice')).toHaveCount(0);
  expect(created.id).toBeTruthy();
});

test('discarding the offer forgets the unsaved text', async ({ app, host, context }) => {
  await callApi(app, 'articles.create', { meta: { headline: 'Pay offer' } });
  await app.reload();
  await app.getByRole('button', { name: /Pay offer/ }).click();
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await cutSaves(app);
  await app.keyboard.type('Words that should go.');
  await app.waitForTimeout(800);
  await crash(app);
  const [file] = await readdir(path.join(host.workspace, 'articles'));
  expect(await readFile(path.join(host.workspace, 'articles', file!), 'utf8')).not.toContain('Words that should go.');

  const next = await context.newPage();
  await next.goto(host.url);
  await next.getByRole('button', { name: /Pay offer/ }).click();
  await next.getByTestId('recovery-notice').getByRole('button', { name: 'Discard' }).click();
  await expect(next.getByTestId('recovery-notice')).toHaveCount(0);
  await next.reload();
  await next.getByRole('button', { name: /Pay offer/ }).click();
  await expect(next.getByRole('textbox', { name: 'Headline' })).toHaveValue('Pay offer');
  await expect(next.getByTestId('recovery-notice')).toHaveCount(0);
  await expect(next.getByRole('textbox', { name: 'Article body' })).not.toContainText('Words that should go.');
});
