import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';

test('the app refuses a browser that does not have the token', async ({ page, host }) => {
  const response = await page.goto(host.origin + '/');
  expect(response?.status()).toBe(401);
  await expect(page.getByText('needs its access token')).toBeVisible();
});

test('a page from another origin cannot call the API', async ({ app, host, context }) => {
  // The user has Copydesk open (so the browser holds its cookie) and visits another page.
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
