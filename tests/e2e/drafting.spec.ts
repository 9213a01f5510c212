import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';

test('a new article typed in the browser is saved to its file and comes back after a reload', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  // The headline has the caret; Enter moves on to the dek, then to the body.
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Harbour strike talks stall on night shifts');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('textbox', { name: 'Dek' })).toBeFocused();
  await app.keyboard.type('Pay is nearly settled; the roster is not.');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('textbox', { name: 'Article body' })).toBeFocused();
  await app.keyboard.type('Negotiators met for a ninth round on Monday.');
  await app.keyboard.press('Enter');
  await app.keyboard.type('“Difficult but businesslike,” said Anna Verhoeven.');

  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await expect(app.getByTestId('word-count')).toHaveText('14 words');

  const file = path.join(host.workspace, 'articles', 'harbour-strike-talks-stall-on-night-shifts.json');
  const onDisk = JSON.parse(await readFile(file, 'utf8'));
  expect(onDisk.meta.headline).toBe('Harbour strike talks stall on night shifts');
  expect(onDisk.meta.dek).toBe('Pay is nearly settled; the roster is not.');
  const paragraphs = onDisk.body.root.children.map((p: { children: Array<{ text: string }> }) => p.children.map((t) => t.text).join(''));
  expect(paragraphs).toEqual(['Negotiators met for a ninth round on Monday.', '“Difficult but businesslike,” said Anna Verhoeven.']);
  expect(await readdir(path.join(host.workspace, 'articles'))).toEqual(['harbour-strike-talks-stall-on-night-shifts.json']);

  await app.reload();
  await app.getByRole('button', { name: /Harbour strike talks stall on night shifts/ }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue('Harbour strike talks stall on night shifts');
  await expect(app.getByRole('textbox', { name: 'Dek' })).toHaveValue('Pay is nearly settled; the roster is not.');
  await expect(app.getByRole('textbox', { name: 'Article body' })).toContainText('Negotiators met for a ninth round on Monday.');
  await expect(app.getByRole('textbox', { name: 'Article body' })).toContainText('“Difficult but businesslike,” said Anna Verhoeven.');
  await expect(app.getByText('articles/harbour-strike-talks-stall-on-night-shifts.json')).toBeVisible();
});

test('the slug follows the headline, and can be fixed', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await app.getByRole('textbox', { name: 'Headline' }).fill('First try');
  await expect(app.getByText('articles/first-try.json')).toBeVisible({ timeout: 10_000 });
  await app.getByRole('textbox', { name: 'Headline' }).fill('Second thoughts');
  await expect(app.getByText('articles/second-thoughts.json')).toBeVisible({ timeout: 10_000 });

  await app.getByRole('button', { name: 'Article ▾' }).click();
  await app.getByLabel('File name (slug)').fill('strike-explainer');
  await expect(app.getByText('articles/strike-explainer.json')).toBeVisible(); // the preview
  await app.getByRole('button', { name: 'Lock' }).click();
  await expect(app.getByText('articles/strike-explainer.json')).toBeVisible();
  await app.getByRole('textbox', { name: 'Headline' }).fill('Third headline');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  expect(await readdir(path.join(host.workspace, 'articles'))).toEqual(['strike-explainer.json']);
});

test('an article moved to the trash can be restored', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await app.getByRole('textbox', { name: 'Headline' }).fill('Short-lived');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await app.getByRole('button', { name: 'Article ▾' }).click();
  await app.getByRole('menuitem', { name: 'Move to trash' }).click();
  await expect(app.getByRole('button', { name: /Short-lived/ })).toHaveCount(0);
  expect(await readdir(path.join(host.workspace, 'articles'))).toEqual([]);

  // The foot of the window says so, with an undo.
  await expect(app.getByRole('status').filter({ hasText: 'moved to the trash' })).toBeVisible();
  await app.getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue('Short-lived');
  expect(await readdir(path.join(host.workspace, 'articles'))).toEqual(['short-lived.json']);

  await app.getByRole('button', { name: 'Article ▾' }).click();
  await app.getByRole('menuitem', { name: 'Move to trash' }).click();
  await expect(app.getByRole('button', { name: /Short-lived/ })).toHaveCount(0);
  await app.getByRole('button', { name: 'Trash' }).click();
  await expect(app.getByText('Short-lived', { exact: true })).toBeVisible();
  await app.getByRole('button', { name: 'Restore' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue('Short-lived');
  expect(await readdir(path.join(host.workspace, 'articles'))).toEqual(['short-lived.json']);
});

test('Ctrl+S saves at once, without waiting for the pause in typing', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Saved on demand');
  await expect(app.getByText('articles/saved-on-demand.json')).toBeVisible({ timeout: 10_000 });
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await app.getByRole('textbox', { name: 'Dek' }).click();
  await app.keyboard.type('Filed at the last minute.');
  await expect(app.getByTestId('save-state')).toHaveText('Edited');
  await app.keyboard.press('Control+S');
  // Well inside the one second autosave waits for.
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 600 });
  expect(await readFile(path.join(host.workspace, 'articles', 'saved-on-demand.json'), 'utf8')).toContain('Filed at the last minute.');
});

test('a new draft left blank leaves nothing behind', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('The one with words');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  expect(await readdir(path.join(host.workspace, 'articles'))).toEqual(['the-one-with-words.json']);
  await expect(app).toHaveTitle('The one with words — Copydesk');
});

test('pasted web copy keeps its text and structure but cannot run code or carry unsafe links', async ({ app, host }) => {
  const dialogs: string[] = [];
  app.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Pasted');
  await app.getByRole('textbox', { name: 'Article body' }).click();
  const html = [
    '<h1>Big title</h1><h3>Small title</h3>',
    '<p>Safe <a href="https://example.org/report">report</a> and <a href="javascript:alert(1)">trap</a>.</p>',
    '<img src="x" onerror="alert(2)"><script>alert(3)</script><p onclick="alert(4)">Click me</p>',
  ].join('');
  await app.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/html', ${JSON.stringify(html)});
    data.setData('text/plain', 'fallback');
    document.querySelector('[aria-label="Article body"]').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
  const body = app.getByRole('textbox', { name: 'Article body' });
  await expect(body).toContainText('Click me');
  // Two levels of subhead: H1 became H2, H3 stayed a minor subhead.
  await expect(body.locator('h2')).toHaveText('Big title');
  await expect(body.locator('h3')).toHaveText('Small title');
  await expect(body.locator('h1')).toHaveCount(0);
  await expect(body.locator('a[href="https://example.org/report"]')).toHaveCount(1);
  await expect(body.locator('a[href^="javascript:"], a[href="about:blank"]')).toHaveCount(0);
  await expect(body).toContainText('and trap.');
  await expect(body.locator('script, img, [onclick], [onerror]')).toHaveCount(0);
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const saved = await readFile(path.join(host.workspace, 'articles', 'pasted.json'), 'utf8');
  expect(saved).not.toMatch(/javascript:|onerror|onclick|<script/);
  expect(dialogs).toEqual([]);
});
