import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';

test('an article file written by another program appears in the list without a reload', async ({ app, host }) => {
  await expect(app.getByText('0 articles')).toBeVisible();
  const article = {
    schemaVersion: 1,
    id: '5d6c1e9e-0f5b-4c8e-9d71-2b3a4c5d6e7f',
    meta: {
      headline: 'Filed from the wire desk script',
      dek: '',
      kicker: 'Wire',
      section: 'World',
      bylines: [],
      dateline: '',
      language: 'en',
      tags: [],
      status: 'draft',
      aiDisclosure: '',
      slugLocked: false,
      sourceIds: [],
      related: [],
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
    },
    body: { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'From outside.' }] }] } },
    review: { decisions: [] },
  };
  await writeFile(path.join(host.workspace, 'articles', 'from-the-wire.json'), JSON.stringify(article, null, 2));
  await expect(app.getByRole('button', { name: /Filed from the wire desk script/ })).toBeVisible();
  await expect(app.getByText('1 article', { exact: true })).toBeVisible();

  await app.getByRole('button', { name: /Filed from the wire desk script/ }).click();
  await expect(app.getByRole('textbox', { name: 'Article body' })).toContainText('From outside.');
});

test('an open article changed on disk by another program is reloaded in place', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await app.getByRole('textbox', { name: 'Headline' }).fill('Watched story');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const file = path.join(host.workspace, 'articles', 'watched-story.json');
  const text = (await readFile(file, 'utf8')).replace('"dek": ""', '"dek": "Changed by a colleague’s script"');
  await writeFile(file, text);
  await expect(app.getByRole('textbox', { name: 'Dek' })).toHaveValue('Changed by a colleague’s script');
  await expect(app.getByRole('status').filter({ hasText: 'Updated from disk' })).toBeVisible();
});

test('an unreadable article file is listed as damaged, explained, and left as it is', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await app.getByRole('textbox', { name: 'Headline' }).fill('Healthy article');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const broken = path.join(host.workspace, 'articles', 'half-written.json');
  await writeFile(broken, '{"schemaVersion": 1, "id": "12');
  // Announced at the top of the list, above the articles, with its count; the notice opens the list of files.
  const notice = app.getByRole('region', { name: 'Files that cannot be read' });
  await expect(notice.getByRole('button', { name: /1 file cannot be read/ })).toBeVisible();
  const noticeBox = (await notice.boundingBox())!;
  const articleBox = (await app.getByRole('button', { name: /Healthy article/ }).boundingBox())!;
  expect(noticeBox.y).toBeLessThan(articleBox.y);
  await notice.getByRole('button', { name: /1 file cannot be read/ }).click();
  await expect(app.getByRole('button', { name: /articles\/half-written\.json/ })).toBeVisible();
  await app.getByRole('button', { name: /articles\/half-written\.json/ }).click();
  await expect(app.getByRole('heading', { name: 'articles/half-written.json cannot be read' })).toBeVisible();
  await expect(app.getByRole('main').getByText('not valid JSON')).toBeVisible();
  await expect(app.getByRole('main').getByText('(line 1, column')).toBeVisible();
  await expect(app.getByLabel('The beginning of the file')).toContainText('"schemaVersion": 1');
  await expect(app.getByRole('main').getByText(broken)).toBeVisible();
  await app.getByRole('button', { name: /Healthy article/ }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue('Healthy article');
  expect(await readFile(broken, 'utf8')).toBe('{"schemaVersion": 1, "id": "12');
});

test.describe('first run', () => {
  test.use({ seed: true });

  test('a new workspace is seeded with the sample analyses', async ({ app }) => {
    await expect(app.getByRole('button', { name: /Rotterdam terminal strike talks/ })).toBeVisible();
    await expect(app.getByRole('button', { name: /heating subsidy/ })).toBeVisible();
    await app.getByRole('button', { name: /Rotterdam terminal strike talks/ }).click();
    await expect(app.getByRole('textbox', { name: 'Article body' })).toContainText('difficult but businesslike');
    await expect(app.getByRole('combobox', { name: 'Kicker' })).toHaveValue('Analysis');
    // Sections already in use are offered while typing one.
    const sections = await app.locator('#copydesk-sections option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    expect(sections).toEqual(expect.arrayContaining(['Economy', 'Education', 'Politics']));
    await expect(app.getByRole('combobox', { name: 'Section' })).toHaveAttribute('list', 'copydesk-sections');
    await expect(app.getByTestId('save-state')).toHaveText('Saved');
  });
});

test('edits typed while another program changes the same file are not lost', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Contested story');
  await expect(app.getByText('articles/contested-story.json')).toBeVisible({ timeout: 10_000 });
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const file = path.join(host.workspace, 'articles', 'contested-story.json');

  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.keyboard.type('My paragraph, typed in Copydesk.');
  // Before the autosave fires, a colleague's script rewrites the file.
  const theirs = (await readFile(file, 'utf8')).replace('"dek": ""', '"dek": "Their dek"');
  await writeFile(file, theirs);

  await expect(app.getByRole('alert')).toContainText('changed on disk', { timeout: 10_000 });
  await expect(app.getByTestId('save-state')).toHaveText(/Not saved/, { timeout: 10_000 });
  expect(await readFile(file, 'utf8')).toBe(theirs);

  // Keep mine: the version on screen, all of it, is what gets written.
  await app.getByRole('button', { name: 'Keep mine' }).click();
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const kept = JSON.parse(await readFile(file, 'utf8'));
  expect(JSON.stringify(kept.body)).toContain('My paragraph, typed in Copydesk.');
  expect(kept.meta.dek).toBe('');
  expect(kept.meta.headline).toBe('Contested story');
  await expect(app.getByRole('alert')).toHaveCount(0);
  // Theirs is kept, byte for byte, in the article's history.
  const historyDir = path.join(host.workspace, '.copydesk', 'history', kept.id);
  const [keptFile] = await readdir(historyDir);
  expect(await readFile(path.join(historyDir, keptFile!), 'utf8')).toBe(theirs);
});

test('loading the version on disk over unsaved typing keeps the typing in the history', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Two versions');
  await expect(app.getByText('articles/two-versions.json')).toBeVisible({ timeout: 10_000 });
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const file = path.join(host.workspace, 'articles', 'two-versions.json');
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.keyboard.type('Typed here, about to be set aside.');
  await writeFile(file, (await readFile(file, 'utf8')).replace('"dek": ""', '"dek": "Their dek"'));
  await app.getByRole('button', { name: 'Load the version on disk' }).click({ timeout: 10_000 });
  await expect(app.getByRole('textbox', { name: 'Dek' })).toHaveValue('Their dek');
  await expect(app.getByRole('textbox', { name: 'Article body' })).not.toContainText('Typed here');
  const id = JSON.parse(await readFile(file, 'utf8')).id as string;
  const historyDir = path.join(host.workspace, '.copydesk', 'history', id);
  const [keptFile] = await readdir(historyDir);
  expect(await readFile(path.join(historyDir, keptFile!), 'utf8')).toContain('Typed here, about to be set aside.');
});

test('an open article whose file is removed by another program can be saved as a new article', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Vanishing draft');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  await app.keyboard.type('Text worth keeping.');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });

  const { rm } = await import('node:fs/promises');
  await rm(path.join(host.workspace, 'articles', 'vanishing-draft.json'));
  await expect(app.getByRole('alert')).toContainText('moved or removed by another program');
  await expect(app.getByRole('textbox', { name: 'Article body' })).toContainText('Text worth keeping.');

  await app.getByRole('button', { name: 'Save as a new article' }).click();
  await expect(app.getByRole('alert')).toHaveCount(0);
  await expect(app.getByText('articles/vanishing-draft.json')).toBeVisible();
  const saved = JSON.parse(await readFile(path.join(host.workspace, 'articles', 'vanishing-draft.json'), 'utf8'));
  expect(JSON.stringify(saved.body)).toContain('Text worth keeping.');
  expect(saved.meta.headline).toBe('Vanishing draft');
});

test('switching articles saves the edits of the one left, at once', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('First');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue('');
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Second');
  // Within the autosave second, go back to the first article.
  await app.getByRole('button', { name: /^First/ }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue('First');
  expect(await readdir(path.join(host.workspace, 'articles'))).toEqual(['first.json', 'second.json']);
});

test('an article the editor cannot show says so, and the rest of the app keeps working', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await app.getByRole('textbox', { name: 'Headline' }).fill('Healthy neighbour');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const text = (await readFile(path.join(host.workspace, 'articles', 'healthy-neighbour.json'), 'utf8'))
    .replace(/"id": "[^"]+"/, '"id": "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"')
    .replace('"headline": "Healthy neighbour"', '"headline": "From a newer version"')
    // Article files keep one body block a line, written compactly.
    .replace(/"type": ?"paragraph"/, '"type":"hologram"');
  await writeFile(path.join(host.workspace, 'articles', 'from-a-newer-version.json'), text);
  await app.getByRole('button', { name: /From a newer version/ }).click();
  await expect(app.getByRole('heading', { name: 'This article cannot be shown' })).toBeVisible();
  await app.getByRole('button', { name: /Healthy neighbour/ }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue('Healthy neighbour');
  expect(await readFile(path.join(host.workspace, 'articles', 'from-a-newer-version.json'), 'utf8')).toBe(text);
});

test('Keep mine writes the body on screen even when only the headline was edited here', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Shared body');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  await app.keyboard.type('The body as I wrote it.');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const file = path.join(host.workspace, 'articles', 'shared-body.json');

  await app.getByRole('textbox', { name: 'Headline' }).fill('Shared body, sharper');
  await writeFile(file, (await readFile(file, 'utf8')).replace('The body as I wrote it.', 'Their rewrite of the body.'));
  await expect(app.getByRole('button', { name: 'Keep mine' })).toBeVisible({ timeout: 10_000 });
  await app.getByRole('button', { name: 'Keep mine' }).click();
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const kept = await readFile(path.join(host.workspace, 'articles', 'shared-body-sharper.json'), 'utf8');
  expect(kept).toContain('The body as I wrote it.');
  expect(kept).not.toContain('Their rewrite');
});

test('an open article moved by another program follows its new name, without a warning', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Moving story');
  await expect(app.getByText('articles/moving-story.json')).toBeVisible({ timeout: 10_000 });
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const { rename } = await import('node:fs/promises');
  await rename(path.join(host.workspace, 'articles', 'moving-story.json'), path.join(host.workspace, 'articles', 'renamed-by-hand.json'));
  await expect(app.getByText('articles/renamed-by-hand.json')).toBeVisible({ timeout: 10_000 });
  await expect(app.getByRole('alert')).toHaveCount(0);
});

test('a save the host refuses says so above the article, and goes through once it can', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Refused');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  // As after a restart of browser mode: the token this tab holds is no longer valid.
  const token = await app.evaluate<string | null>(
    "(() => { const t = localStorage.getItem('copydesk-token'); localStorage.setItem('copydesk-token', 'stale'); return t; })()",
  );
  await app.getByRole('textbox', { name: 'Dek' }).fill('Written while refused.');
  await expect(app.getByRole('alert')).toContainText('Not saved', { timeout: 10_000 });
  await app.evaluate(`localStorage.setItem('copydesk-token', ${JSON.stringify(token ?? '')})`);
  await app.getByRole('button', { name: 'Try now' }).click();
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  expect(await readFile(path.join(host.workspace, 'articles', 'refused.json'), 'utf8')).toContain('Written while refused.');
});

test.describe('keyboard', () => {
  test.use({ seed: true });

  test('arrow keys move through the library and Enter opens an article', async ({ app }) => {
    const items = app.getByRole('navigation', { name: 'Articles' }).getByRole('button');
    await items.first().focus();
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('ArrowDown');
    await expect(items.nth(2)).toBeFocused();
    await app.keyboard.press('ArrowUp');
    await expect(items.nth(1)).toBeFocused();
    const headline = (await items.nth(1).locator('.library__headline').textContent()) ?? '';
    await app.keyboard.press('Enter');
    await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue(headline);
  });
});
