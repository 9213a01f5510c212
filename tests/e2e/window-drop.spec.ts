/**
 * Files dropped on the window (src/renderer/src/shell/WindowDrop.tsx), in browser mode: the
 * same code runs in the desktop app. Drops are dispatched with a DataTransfer holding real
 * File objects, as the browser builds them when files are dragged in from the desktop.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callApi } from './page-helpers';

/** Drops files (name → text) on the element the selector names, with the drag that comes first. */
async function dropFiles(app: Page, selector: string, files: Record<string, string>): Promise<void> {
  // A page script (a string): the test's own types know no DOM.
  const dataTransfer = await app.evaluateHandle(`(() => {
    const transfer = new DataTransfer();
    for (const [name, text] of ${JSON.stringify(Object.entries(files))}) transfer.items.add(new File([text], name));
    return transfer;
  })()`);
  await app.dispatchEvent(selector, 'dragenter', { dataTransfer });
  await app.dispatchEvent(selector, 'dragover', { dataTransfer });
  await app.dispatchEvent(selector, 'drop', { dataTransfer });
}

test('a Markdown file dropped on the window becomes a draft and opens; one it cannot read is named', async ({ app }) => {
  await dropFiles(app, 'main.main', {
    'harbour-pilots.md': '# Harbour pilots warn of night-shift gaps\n\nThe pilots’ association says two of five night shifts ran short in October.\n\n## What the port says\n\n“We are recruiting,” the harbour master said.\n',
  });
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue('Harbour pilots warn of night-shift gaps');
  await expect(app.getByRole('textbox', { name: 'Article body' })).toContainText('We are recruiting');
  await expect(app.getByRole('status').filter({ hasText: 'Imported “Harbour pilots warn of night-shift gaps” as a draft.' })).toBeVisible();

  await dropFiles(app, 'main.main', { 'port-photo.jpg': 'not really a picture' });
  await expect(app.getByRole('status').filter({ hasText: 'port-photo.jpg is not a document Copydesk imports as an article' })).toBeVisible();
  const { articles } = await callApi<{ articles: unknown[] }>(app, 'articles.list', {});
  expect(articles).toHaveLength(1);
});

test('a text file dropped on the sources panel becomes a source, not an article', async ({ app }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await app.keyboard.type('Port figures');
  const panel = app.getByRole('complementary', { name: 'Sources' });
  await expect(panel).toBeVisible();
  await dropFiles(app, '#sources-panel', { 'harbour-master-call.txt': 'Call with the harbour master, 12 November.\n\nHe said 38,000 containers passed the quay in October.' });
  await expect(app.getByRole('status').filter({ hasText: 'Added 1 source to the library.' })).toBeVisible();
  const { sources } = await callApi<{ sources: Array<{ title: string }> }>(app, 'sources.list', {});
  expect(sources).toHaveLength(1);
  const { articles } = await callApi<{ articles: unknown[] }>(app, 'articles.list', {});
  expect(articles).toHaveLength(1);
});
