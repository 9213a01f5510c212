/**
 * The real desktop app, through Playwright's Electron driver. It needs the Electron
 * binary, which downloads from GitHub on first run; where that is impossible the suite
 * reports itself skipped, and the desktop shell is covered by tests/unit/main.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary';

const binary = findElectronBinary();
const ROOT = path.resolve(__dirname, '..', '..');

test.skip(!binary, 'No Electron binary on this machine (it downloads from GitHub, unreachable here).');

test('the desktop app opens its workspace in a locked-down window', async () => {
  const parent = await mkdtemp(path.join(tmpdir(), 'copydesk-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [ROOT],
    env: { ...process.env, COPYDESK_WORKSPACE: path.join(parent, 'workspace') },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('button', { name: 'New article' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Rotterdam terminal strike talks/ })).toBeVisible();
    expect(page.url()).toBe('copydesk://app/index.html');
    // No Node in the page; only the named API.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as { copydesk: object }).copydesk).sort())).toEqual([
      'articles',
      'on',
      'trash',
      'workspace',
    ]);
    // Navigation away from the app is refused.
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('copydesk://app/index.html');
  } finally {
    await app.close();
    await rm(parent, { recursive: true, force: true });
  }
});
