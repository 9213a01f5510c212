/**
 * The app-wide commands the desktop menu, the palette and the shortcuts share: each one
 * does something on screen, whether an article is open or not.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createArticle } from './library-helpers';

async function runFromPalette(app: Page, label: string) {
  await app.keyboard.press('Control+Shift+P');
  const palette = app.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').pressSequentially(label);
  await palette.getByRole('option').filter({ hasText: label }).filter({ hasNotText: 'Search articles for' }).first().click();
  await expect(palette).toHaveCount(0);
}

test('Import… picks documents and opens the imported article', async ({ app }) => {
  const chooser = app.waitForEvent('filechooser');
  await runFromPalette(app, 'Import');
  await (await chooser).setFiles({ name: 'wire.md', mimeType: 'text/markdown', buffer: Buffer.from('# Port strike enters third week\n\nThe union and the operator are no closer.\n\nTalks resumed on Monday.\n') });
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue('Port strike enters third week');
  await expect(app.getByRole('textbox', { name: 'Article body' })).toContainText('Talks resumed on Monday.');
});

test('Add Source… and Export… act on the open article, and on the library without one', async ({ app }) => {
  await createArticle(app, { headline: 'Harbour dues rise for the first time since 2019' });
  // Without an article: the source library opens with its New source dialog.
  await runFromPalette(app, 'Add Source');
  const newSource = app.getByRole('dialog', { name: 'New source' });
  await expect(newSource).toContainText('Added to the source library.');
  await newSource.getByRole('button', { name: 'Close' }).click();
  await expect(app.getByRole('heading', { name: 'Sources', level: 2 })).toBeVisible();

  // Export… with nothing open is the batch export.
  await app.keyboard.press('Control+Shift+E');
  const batch = app.getByRole('dialog', { name: 'Export articles' });
  await expect(batch).toBeVisible();
  await batch.getByRole('button', { name: 'Close' }).click();

  await app.getByText('Harbour dues rise for the first time since 2019').first().click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue('Harbour dues rise for the first time since 2019');
  await app.keyboard.press('Control+Shift+E');
  await expect(app.getByRole('dialog', { name: /Export “Harbour dues rise/ })).toBeVisible();
  await app.getByRole('dialog', { name: /Export “Harbour dues rise/ }).getByRole('button', { name: 'Close' }).click();

  await runFromPalette(app, 'Add Source');
  await expect(app.getByRole('dialog', { name: 'New source' })).toContainText('attached to this article');
});

test('Toggle Dark Theme switches the colors and is remembered', async ({ app }) => {
  const paper = () => app.evaluate<string>('getComputedStyle(document.body).backgroundColor');
  const light = await paper();
  await runFromPalette(app, 'Toggle Dark Theme');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await paper();
  expect(dark).not.toBe(light);
  await app.reload();
  await expect(app.getByRole('button', { name: 'New article' })).toBeVisible();
  expect(await paper()).toBe(dark);
  await runFromPalette(app, 'Toggle Dark Theme');
  expect(await paper()).toBe(light);
});

test('Sources (Ctrl+2) opens the source library', async ({ app }) => {
  await app.keyboard.press('Control+2');
  await expect(app.getByRole('heading', { name: 'Sources', level: 2 })).toBeVisible();
});
