/**
 * Switching articles while typing, as a fast writer does: click another article in the
 * list, click into the editor, type, and click the next one without waiting for "Saved".
 * Every word must end up in the file of the article it was typed into, and in no other.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { plainTextFromBody } from '../../src/document/plain-text';
import { expect, test } from './fixtures';

const HEADLINES = ['Harbour strike talks stall', 'Budget vote slips again', 'Rail tender reopened', 'Schools count the cost'];
const SWITCHES = 50;

/** Creates an article through the API, as the page itself would; returns its id. */
async function createArticle(app: Page, headline: string): Promise<string> {
  return app.evaluate<string>(`(async () => {
    const response = await fetch('/api/articles.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-copydesk-token': localStorage.getItem('copydesk-token') ?? '' },
      body: JSON.stringify({ meta: { headline: ${JSON.stringify(headline)} } }),
    });
    const result = await response.json();
    if (!result.ok) throw new Error(result.error.message);
    return result.value.id;
  })()`);
}

/** The words of each article file on disk, by article id. */
async function wordsOnDisk(workspace: string): Promise<Map<string, Set<string>>> {
  const folder = path.join(workspace, 'articles');
  const words = new Map<string, Set<string>>();
  for (const name of await readdir(folder)) {
    const file = JSON.parse(await readFile(path.join(folder, name), 'utf8')) as { id: string; body: Parameters<typeof plainTextFromBody>[0] };
    words.set(file.id, new Set(plainTextFromBody(file.body).split(/\s+/).filter(Boolean)));
  }
  return words;
}

test('switching articles while typing puts every word in the article it was typed into, and nowhere else', async ({ app, host }) => {
  test.setTimeout(90_000);
  const ids: string[] = [];
  for (const headline of HEADLINES) ids.push(await createArticle(app, headline));
  const list = app.getByRole('navigation', { name: 'Articles' });
  for (const headline of HEADLINES) await expect(list.getByRole('button', { name: new RegExp(headline) })).toBeVisible();

  const typed: Array<{ word: string; id: string }> = [];
  for (let i = 0; i < SWITCHES; i++) {
    const at = i % HEADLINES.length;
    const word = `switch${String(i).padStart(2, '0')}word`;
    await list.getByRole('button', { name: new RegExp(HEADLINES[at]!) }).click();
    // "The editor", as the writer sees it: whichever body is on screen and can take a click.
    await app.getByRole('textbox', { name: 'Article body' }).click();
    await app.keyboard.press('Control+End');
    await app.keyboard.type(` ${word}`);
    typed.push({ word, id: ids[at]! });
  }
  const last = typed.at(-1)!;
  await expect(app.locator('.article-pane')).toHaveAttribute('data-article-id', last.id);
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });

  const onDisk = await wordsOnDisk(host.workspace);
  const misplaced: string[] = [];
  for (const { word, id } of typed) {
    const holders = [...onDisk].filter(([, words]) => words.has(word)).map(([holder]) => holder);
    if (holders.length !== 1 || holders[0] !== id) {
      const where = holders.length ? holders.map((h) => `"${HEADLINES[ids.indexOf(h)]}"`).join(' and ') : 'no file';
      misplaced.push(`${word}, typed into "${HEADLINES[ids.indexOf(id)]}", is in ${where}`);
    }
  }
  expect(misplaced).toEqual([]);
});

test('an article whose edits cannot be saved stays open and editable when another is picked', async ({ app, host }) => {
  const [stuck, other] = [await createArticle(app, 'Stuck on screen'), await createArticle(app, 'Waiting its turn')];
  const list = app.getByRole('navigation', { name: 'Articles' });
  await list.getByRole('button', { name: /Stuck on screen/ }).click();
  await expect(app.locator('.article-pane')).toHaveAttribute('data-article-id', stuck);
  // As after a restart of browser mode: the token this tab holds is no longer valid.
  const token = await app.evaluate<string | null>(
    "(() => { const t = localStorage.getItem('copydesk-token'); localStorage.setItem('copydesk-token', 'stale'); return t; })()",
  );
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.keyboard.type('Typed while refused.');
  await list.getByRole('button', { name: /Waiting its turn/ }).click();

  await expect(app.getByRole('alert').filter({ hasText: 'could not be saved, so it stays open' })).toBeVisible();
  const pane = app.locator('.article-pane');
  await expect(pane).toHaveAttribute('data-article-id', stuck);
  await expect(pane).not.toHaveAttribute('data-leaving');
  await expect(pane).not.toHaveAttribute('aria-busy');
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.keyboard.press('Control+End');
  await app.keyboard.type(' Still mine.');
  await expect(app.getByRole('textbox', { name: 'Article body' })).toContainText('Typed while refused. Still mine.');
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeEditable();

  await app.evaluate(`localStorage.setItem('copydesk-token', ${JSON.stringify(token ?? '')})`);
  await list.getByRole('button', { name: /Waiting its turn/ }).click();
  await expect(pane).toHaveAttribute('data-article-id', other);
  const onDisk = await wordsOnDisk(host.workspace);
  expect([...onDisk.get(stuck)!].join(' ')).toBe('Typed while refused. Still mine.');
});

test('picking the article already open leaves it open and editable, and a blank draft picked again stays', async ({ app, host }) => {
  const id = await createArticle(app, 'Open twice');
  const list = app.getByRole('navigation', { name: 'Articles' });
  await list.getByRole('button', { name: /Open twice/ }).click();
  const pane = app.locator('.article-pane');
  await expect(pane).toHaveAttribute('data-article-id', id);
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.keyboard.type('First words.');
  // Its own row again, at once and after the save.
  await list.getByRole('button', { name: /Open twice/ }).click();
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await list.getByRole('button', { name: /Open twice/ }).click();
  await expect(pane).toHaveAttribute('data-article-id', id);
  await expect(pane).not.toHaveAttribute('data-leaving');
  await expect(pane).not.toHaveAttribute('aria-busy');
  await expect(pane).not.toHaveAttribute('inert');
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.keyboard.press('Control+End');
  await app.keyboard.type(' Second line.');
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeEditable();
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  expect([...(await wordsOnDisk(host.workspace)).get(id)!].join(' ')).toBe('First words. Second line.');

  // A new blank draft, its row picked again: it stays open, and stays on disk.
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(pane).not.toHaveAttribute('data-article-id', id);
  const draft = await pane.getAttribute('data-article-id');
  await list.getByRole('button', { name: /Untitled/ }).click();
  await expect(pane).toHaveAttribute('data-article-id', draft!);
  await app.getByRole('textbox', { name: 'Headline' }).fill('Kept draft');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  expect((await wordsOnDisk(host.workspace)).has(draft!)).toBe(true);
});
