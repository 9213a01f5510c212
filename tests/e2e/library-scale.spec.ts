/**
 * The library at newsroom scale: a generated workspace of 10,000 articles (the script
 * `npm run generate` a user runs) opens to a list whose page holds a screenful of rows,
 * and stays so while it is scrolled to the end.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { startHost, stopHost, type Host } from '../helpers/browser-mode';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTICLES = 10_000;

test('a 10,000-article library scrolls from top to bottom with a screenful of rows in the page', async ({ page }) => {
  test.setTimeout(240_000);
  const parent = await mkdtemp(path.join(tmpdir(), 'copydesk-scale-'));
  const workspace = path.join(parent, 'workspace');
  let host: Host | null = null;
  try {
    await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/generate-workspace.ts'), '--articles', String(ARTICLES), '--out', workspace], { cwd: ROOT });
    host = await startHost(workspace, false);
    await page.goto(host.url);
    await expect(page.getByText('10,000 articles', { exact: true })).toBeVisible({ timeout: 60_000 });
    const list = page.getByRole('list', { name: 'Articles', exact: true });
    const rows = list.getByRole('listitem');
    await expect(rows.first()).toBeVisible();
    const rowCount = () => rows.count();
    expect(await rowCount()).toBeLessThan(40);
    await expect(rows.first()).toHaveAttribute('aria-setsize', String(ARTICLES));

    // One Tab stop: focus the list, then End goes to the last article and Home back.
    await list.getByRole('button').first().focus();
    await page.keyboard.press('End');
    await expect(list.locator(`[aria-posinset="${ARTICLES}"] button`)).toBeFocused();
    expect(await rowCount()).toBeLessThan(40);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('Home');
    await expect(list.locator('[aria-posinset="1"] button')).toBeFocused();

    // Scrolling with the wheel through the middle keeps the page small too.
    await page.locator('.library__scroll').hover();
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 4_000);
    await expect.poll(() => page.locator('.library__scroll').evaluate((el) => el.scrollTop)).toBeGreaterThan(10_000);
    expect(await rowCount()).toBeLessThan(40);
  } finally {
    if (host) await stopHost(host);
    await rm(parent, { recursive: true, force: true });
  }
});
