/**
 * Each end-to-end test gets its own temp workspace and its own browser-mode host, started
 * as a real child process the way a user starts it (`npm run web`), and a page opened on
 * the printed address.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startHost, stopHost, type Host } from '../helpers/browser-mode';

interface Fixtures {
  seed: boolean;
  workspace: string;
  host: Host;
  app: Page;
}

export const test = base.extend<Fixtures>({
  seed: [false, { option: true }],
  // Playwright fixtures must destructure their first argument, even when they need nothing from it.
  // oxlint-disable-next-line no-empty-pattern
  workspace: async ({}, use) => {
    const parent = await mkdtemp(path.join(tmpdir(), 'copydesk-e2e-'));
    await use(path.join(parent, 'workspace'));
    await rm(parent, { recursive: true, force: true });
  },
  host: async ({ workspace, seed }, use) => {
    const host = await startHost(workspace, seed);
    await use(host);
    await stopHost(host);
  },
  app: async ({ page, host }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(host.url);
    await expect(page.getByRole('button', { name: 'New article' })).toBeVisible();
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
