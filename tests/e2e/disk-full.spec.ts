/**
 * The disk full while editing: the save fails loudly with the reason, the file on disk
 * keeps its last saved text, the text stays in the editor, and it is saved once the disk
 * allows, without the editor doing anything but wait (or press Try now).
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost, stopHost } from '../helpers/browser-mode';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';

test('a full disk: the reason on screen, the text kept, saved when space is back', async ({ page }) => {
  const parent = await mkdtemp(path.join(tmpdir(), 'copydesk-disk-full-'));
  const flag = path.join(parent, 'disk-is-full');
  const host = await startHost(path.join(parent, 'workspace'), false, { entry: path.join(__dirname, '..', 'helpers', 'faulty-web.ts'), env: { COPYDESK_TEST_DISK_FULL: flag } });
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByRole('textbox', { name: 'Headline' }).fill('Harbour pilots warn');
    await page.getByRole('textbox', { name: 'Article body' }).click();
    await page.keyboard.type('Saved before the disk filled up.');
    await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
    const file = path.join(host.workspace, 'articles', 'harbour-pilots-warn.json');
    expect(await readFile(file, 'utf8')).toContain('Saved before the disk filled up.');

    await writeFile(flag, '');
    await page.keyboard.type(' Typed while the disk was full.');
    const banner = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await expect(banner).toContainText('the disk is full (ENOSPC)', { timeout: 10_000 });
    await expect(banner).toContainText('your text is still here');
    await expect(page.getByRole('textbox', { name: 'Article body' })).toContainText('Typed while the disk was full.');
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).toContain('Saved before the disk filled up.');
    expect(onDisk).not.toContain('Typed while the disk was full.');

    await rm(flag);
    expect(existsSync(flag)).toBe(false);
    await expect(page.getByTestId('save-state')).toHaveText('Saved', { timeout: 20_000 });
    await expect(banner).toHaveCount(0);
    expect(await readFile(file, 'utf8')).toContain('Typed while the disk was full.');
  } finally {
    await stopHost(host);
    await rm(parent, { recursive: true, force: true });
  }
});
