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

test.describe('at 1360 px', () => {
  test.use({ viewport: { width: 1360, height: 800 } });

  test('a row never cuts its claims label mid-word; the full text is in its title', async ({ app }) => {
    const labels = app.locator('.library__claims');
    // Every sample article with claims open (the approved one has each of its claims decided).
    await expect(labels).toHaveCount(3);
    // “In review” is the widest pill: its row is the one that ran out of room.
    const row = app.locator('.library__item', { hasText: 'In review' });
    await expect(row.locator('.library__claims')).toHaveAttribute('title', /^15 claims open: /);
    for (const label of await labels.all()) {
      const fit = await label.evaluate((el) => {
        const meta = el.parentElement!;
        const box = el.getBoundingClientRect();
        const words = [...el.children].map((w) => {
          const r = w.getBoundingClientRect();
          // A word is shown whole (on the label's one line, inside it) or not at all (on the hidden line below).
          const shown = r.top < box.bottom;
          return { text: w.textContent, shown, whole: !shown || (r.left >= box.left - 0.5 && r.right <= box.right + 0.5) };
        });
        return { overflow: meta.scrollWidth - meta.clientWidth, words, text: el.textContent };
      });
      expect(fit.overflow, `the meta line of “${fit.text}” overflows`).toBeLessThanOrEqual(0);
      expect(fit.words.length, 'one element per word').toBe(3);
      for (const word of fit.words) expect(word.whole, `“${word.text}” is cut`).toBe(true);
      expect(fit.words[0]!.shown, 'the count is always shown').toBe(true);
    }
  });
});

test('the language filter names languages, keeps a tag it cannot name, and says the name on the chip', async ({ app }) => {
  const { articles } = await callApi<{ articles: Summary[] }>(app, 'articles.list', {});
  // One article in French, one with a tag no one can name.
  for (const [article, language] of [
    [articles[0]!, 'fr'],
    [articles[1]!, 'zz'],
  ] as const) {
    const { revision } = await callApi<{ revision: string }>(app, 'articles.get', { id: article.id });
    await callApi(app, 'articles.save', { id: article.id, baseRevision: revision, meta: { language } });
  }
  await app.getByRole('button', { name: 'Filters' }).click();
  const select = app.getByRole('combobox', { name: 'Language' });
  await expect(select.locator('option')).toHaveText(['Any language', 'English (2)', 'French (1)', 'zz (1)']);
  await select.selectOption('fr');
  await app.getByRole('button', { name: /^Filters/ }).click();
  await expect(app.getByRole('button', { name: 'Remove filter Language: French' })).toBeVisible();
});
