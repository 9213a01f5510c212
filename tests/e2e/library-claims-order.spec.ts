/**
 * The library keeps up with changes it did not make itself: the open-claims label and the
 * "Has claims not backed" filter are right without anyone opening review mode, and a
 * status change moves the row to where it now sorts, without a reload.
 */
import { expect, test } from './fixtures';
import { callApi } from './page-helpers';

test.use({ seed: true });

interface Summary {
  id: string;
  headline: string;
  updatedAt: string;
  openClaims: number | null;
}

test('the sample articles show their open claims, and Send to review moves one to the top keeping its label', async ({ app }) => {
  const list = app.getByRole('list', { name: 'Articles' });
  const rows = list.locator('.library__item');
  await expect(rows).toHaveCount(4);
  // What the review engine says of each article.
  const { articles } = await callApi<{ articles: Summary[] }>(app, 'articles.list', {});
  const open = new Map<string, number>();
  for (const a of articles) open.set(a.id, (await callApi<{ open: number }>(app, 'review.check', { id: a.id })).open);
  const withOpen = [...open.values()].filter((n) => n > 0).length;
  expect(withOpen).toBeGreaterThan(1);
  // The filter counts every one of them, and each row says how many.
  await app.getByRole('button', { name: 'Filters' }).click();
  await expect(app.getByText(`Has claims not backed (${withOpen})`)).toBeVisible();
  for (const a of articles) {
    const row = list.locator(`[data-id="${a.id}"]`);
    if (open.get(a.id)! > 0) await expect(row.locator('.library__claims')).toHaveText(`${open.get(a.id)} claim${open.get(a.id) === 1 ? '' : 's'} open`);
    else await expect(row.locator('.library__claims')).toHaveCount(0);
  }

  // Sorted newest first (the default): the oldest article is sent to review.
  const oldest = [...articles].sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : 1)).find((a) => open.get(a.id)! > 0)!;
  const article = await callApi<{ revision: string }>(app, 'articles.get', { id: oldest.id });
  await expect(rows.first()).not.toHaveAttribute('data-id', oldest.id);
  await callApi(app, 'articles.setStatus', { id: oldest.id, baseRevision: article.revision, status: 'in-review' });
  await expect(rows.first()).toHaveAttribute('data-id', oldest.id);
  await expect(rows.first().locator('.pill')).toHaveText('In review');
  await expect(rows.first().locator('.library__claims')).toHaveText(`${open.get(oldest.id)} claim${open.get(oldest.id) === 1 ? '' : 's'} open`);
  // Still so once the background count of the new revision is in.
  await app.waitForTimeout(1_500);
  await expect(rows.first().locator('.library__claims')).toHaveText(`${open.get(oldest.id)} claim${open.get(oldest.id) === 1 ? '' : 's'} open`);
  await expect(app.getByText(`Has claims not backed (${withOpen})`)).toBeVisible();
});
