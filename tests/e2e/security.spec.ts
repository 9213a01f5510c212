import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';

test('without the token the page shows no data and says how to get in', async ({ page, host }) => {
  await page.goto(host.origin + '/');
  await expect(page.getByRole('heading', { name: 'Open Copydesk from its address' })).toBeVisible();
  await expect(page.getByText('needs its access token')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New article' })).toHaveCount(0);
});

test('the token is taken out of the address bar and no cookie is set', async ({ app, context }) => {
  expect(app.url()).not.toContain('token');
  expect(await context.cookies()).toEqual([]);
});

test('a page from another origin cannot call the API', async ({ app, host, context }) => {
  // The user has Copydesk open and visits another page, which tries to call the API.
  const other = await context.newPage();
  await other.goto('about:blank');
  const statuses = await other.evaluate(async (target) => {
    const attempt = async (contentType: string) => {
      try {
        const r = await fetch(`${target}/api/articles.create`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': contentType },
          body: JSON.stringify({ meta: { headline: 'csrf' } }),
        });
        return r.status;
      } catch {
        return 'blocked';
      }
    };
    return [await attempt('application/json'), await attempt('text/plain')];
  }, host.origin);
  for (const status of statuses) expect(status).not.toBe(200);
  expect(await readdir(path.join(host.workspace, 'articles'))).toEqual([]);
  await expect(app.getByText('0 articles')).toBeVisible();
});

test('pasting the printed address into a tab that was refused lets it in', async ({ page, host }) => {
  await page.goto(host.origin + '/');
  await expect(page.getByRole('heading', { name: 'Open Copydesk from its address' })).toBeVisible();
  // Same page, only the fragment changes: browsers do not reload for that by themselves.
  await page.evaluate(`location.hash = ${JSON.stringify(new URL(host.url).hash)}`);
  await expect(page.getByRole('button', { name: 'New article' })).toBeVisible();
  expect(page.url()).not.toContain('token');
});
