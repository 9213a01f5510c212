/**
 * An article whose edits can never be saved (a read-only workspace, its file gone) can be
 * left: what is on screen is kept in its history first, and the user is told where; when
 * even that is impossible, the user decides, told what leaving costs.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { callApi } from './page-helpers';
import { expect, test } from './fixtures';

const READ_ONLY = { code: 'read-only', message: 'This workspace was opened read-only; nothing can be changed.' };

test('an article that cannot be saved is left after its text is kept in the history', async ({ app, host }) => {
  const stuck = await callApi<{ id: string }>(app, 'articles.create', { meta: { headline: 'Stuck on screen' } });
  const other = await callApi<{ id: string }>(app, 'articles.create', { meta: { headline: 'Waiting its turn' } });
  const list = app.getByRole('navigation', { name: 'Articles' });
  await list.getByRole('button', { name: /Stuck on screen/ }).click();
  await expect(app.locator('.article-pane')).toHaveAttribute('data-article-id', stuck.id);
  // Saves are refused as a read-only workspace refuses them; keeping a version still works.
  await app.route('**/api/articles.save', (route) =>
    route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ ok: false, error: READ_ONLY }) }),
  );
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.keyboard.type('Typed where nothing can be saved.');
  const banner = app.getByRole('alert').filter({ hasText: 'Not saved: This workspace was opened read-only' });
  await expect(banner).toBeVisible({ timeout: 10_000 });

  // Switching waits for a save that will never come: the article stays.
  await list.getByRole('button', { name: /Waiting its turn/ }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'could not be saved, so it stays open' })).toBeVisible();
  await expect(app.locator('.article-pane')).toHaveAttribute('data-article-id', stuck.id);

  await banner.getByRole('button', { name: 'Leave without saving' }).click();
  // It goes where the user asked to go, and says where the text was kept.
  await expect(app.locator('.article-pane')).toHaveAttribute('data-article-id', other.id);
  const toast = app.getByRole('status').filter({ hasText: 'Not saved, but kept' });
  await expect(toast).toContainText(`.copydesk/history/${stuck.id}/`);
  const kept = await readdir(path.join(host.workspace, '.copydesk', 'history', stuck.id));
  expect(kept).toHaveLength(1);
  const version = await readFile(path.join(host.workspace, '.copydesk', 'history', stuck.id, kept[0]!), 'utf8');
  expect(version).toContain('Typed where nothing can be saved.');
  expect(version).toContain('Stuck on screen');
  expect(await readFile(path.join(host.workspace, 'articles', 'stuck-on-screen.json'), 'utf8')).not.toContain('Typed where');
});

test('an article whose file is gone can be left once the user knows the edits go with it', async ({ app, host }) => {
  await callApi(app, 'articles.create', { meta: { headline: 'Removed underneath' } });
  await app.getByRole('button', { name: /Removed underneath/ }).click();
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.keyboard.type('Words with nowhere to go.');
  await rm(path.join(host.workspace, 'articles', 'removed-underneath.json'));
  const gone = app.getByRole('alert').filter({ hasText: 'moved or removed by another program' });
  await expect(gone).toBeVisible({ timeout: 10_000 });

  await gone.getByRole('button', { name: 'Leave without saving' }).click();
  const choice = app.getByRole('alert').filter({ hasText: 'No copy could be kept either' });
  await expect(choice).toContainText('Leaving now loses the edits on screen');
  await choice.getByRole('button', { name: 'Stay' }).click();
  await expect(choice).toBeHidden();
  await expect(app.getByRole('textbox', { name: 'Article body' })).toContainText('Words with nowhere to go.');

  await gone.getByRole('button', { name: 'Leave without saving' }).click();
  await app.getByRole('alert').filter({ hasText: 'No copy could be kept either' }).getByRole('button', { name: 'Leave anyway' }).click();
  await expect(app.locator('.article-pane')).toHaveCount(0);
  await expect(app.getByRole('status').filter({ hasText: 'were left behind' })).toBeVisible();
});
