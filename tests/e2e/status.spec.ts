/**
 * The workflow actions: the edits typed just before go to the file first, then the status
 * change (its own call, where the workspace may refuse it), made with the reviewer's name.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { callApi } from './page-helpers';

test.beforeEach(async ({ app }) => {
  // The name every status change is recorded with, as if asked on an earlier day.
  await callApi(app, 'workspace.updateSettings', { reviewerName: 'Desk Editor' });
});

test('a status change right after typing is saved together with what was typed', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Ready for the desk');
  await expect(app.getByText('articles/ready-for-the-desk.json')).toBeVisible({ timeout: 10_000 });
  await app.getByRole('textbox', { name: 'Dek' }).click();
  await app.keyboard.type('Typed a moment before the status changed.');
  // Within the autosave second: the dek is still waiting to be written.
  await app.getByRole('button', { name: 'Send to review' }).click();

  await expect(app.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: /Ready for the desk/ })).toContainText('In review');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const file = JSON.parse(await readFile(path.join(host.workspace, 'articles', 'ready-for-the-desk.json'), 'utf8'));
  expect(file.meta.status).toBe('in-review');
  expect(file.meta.dek).toBe('Typed a moment before the status changed.');
  expect(file.review.history).toMatchObject([{ from: 'draft', to: 'in-review', by: 'Desk Editor' }]);
  await expect(app.getByTestId('article-status')).toHaveText('In review');
  await expect(app.getByRole('alert')).toHaveCount(0);

  // Typing after the change builds on it: no conflict with the status's own write.
  await app.getByRole('textbox', { name: 'Dek' }).press('End');
  await app.keyboard.type(' And after.');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const after = JSON.parse(await readFile(path.join(host.workspace, 'articles', 'ready-for-the-desk.json'), 'utf8'));
  expect(after.meta).toMatchObject({ status: 'in-review', dek: 'Typed a moment before the status changed. And after.' });
});

test('a status change the workspace refuses is said above the article, and the status stays', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Not yet approved');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  // The request goes to the real host, built on a revision the file no longer has: the host refuses it.
  await app.route('**/api/articles.setStatus', async (route) => {
    const request = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify({ ...request, baseRevision: 'an-older-revision' }) });
  });
  await app.getByRole('button', { name: 'Send to review' }).click();

  await expect(app.getByRole('alert')).toContainText('The status was not changed');
  await expect(app.getByRole('alert')).toContainText('changed on disk');
  await expect(app.getByTestId('article-status')).toHaveText('Draft');
  await expect(app.getByRole('button', { name: 'Send to review' })).toBeEnabled();
  const file = JSON.parse(await readFile(path.join(host.workspace, 'articles', 'not-yet-approved.json'), 'utf8'));
  expect(file.meta.status).toBe('draft');
  await expect(app.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: /Not yet approved/ })).toContainText('Draft');

  // Once it can go through, it does; an article with no quotes or figures has nothing open to approve past.
  await app.unroute('**/api/articles.setStatus');
  await app.getByRole('button', { name: 'Send to review' }).click();
  await app.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(app.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: /Not yet approved/ })).toContainText('Approved');
  await expect(app.getByRole('alert')).toHaveCount(0);
  expect(JSON.parse(await readFile(path.join(host.workspace, 'articles', 'not-yet-approved.json'), 'utf8')).meta.status).toBe('approved');
});

test('typing on while a slow status change is under way neither blocks it nor is lost', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Slow disk');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  // A busy disk: the status change takes longer than the autosave's pause.
  await app.route('**/api/articles.setStatus', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await app.getByRole('button', { name: 'Send to review' }).click();
  await app.getByRole('textbox', { name: 'Dek' }).click();
  await app.keyboard.type('Written while the status was on its way.');

  await expect(app.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: /Slow disk/ })).toContainText('In review', {
    timeout: 10_000,
  });
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await expect(app.getByRole('alert')).toHaveCount(0);
  const file = JSON.parse(await readFile(path.join(host.workspace, 'articles', 'slow-disk.json'), 'utf8'));
  expect(file.meta).toMatchObject({ status: 'in-review', dek: 'Written while the status was on its way.' });
});
