import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { callApi } from './page-helpers';

test('a version is kept when edits settle; compare it word by word and restore it as a new version', async ({ app, host }) => {
  test.setTimeout(90_000);
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Harbour pilots warn of delays');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  const body = app.getByRole('textbox', { name: 'Article body' });
  await expect(body).toBeFocused();
  await app.keyboard.type('Pilots said the night shifts were unsafe and the port was short of twelve crews.');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const id = await app.locator('.article-pane').getAttribute('data-article-id');

  // Once the edits rest, a version is kept without anyone asking.
  await expect
    .poll(async () => (await callApi<{ versions: unknown[] }>(app, 'articles.versions', { id })).versions.length, { timeout: 30_000, intervals: [1000] })
    .toBe(1);

  // A rewrite the desk does not like.
  await body.click();
  await app.keyboard.press('Control+a');
  await app.keyboard.type('Pilots said everything was fine.');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });

  await app.getByRole('button', { name: 'Article ▾' }).click();
  await app.getByRole('menuitem', { name: 'Versions…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Versions' });
  await expect(dialog).toBeVisible();
  const compare = dialog.getByTestId('version-compare');
  await expect(compare).toContainText('compared with the text now');
  await expect(compare.locator('del')).toContainText(['night shifts were unsafe']);
  await expect(compare.locator('ins').first()).toContainText('everything');
  await expect(dialog.getByRole('button', { name: /Saved while editing/ })).toHaveAttribute('aria-pressed', 'true');
  await app.screenshot({ path: test.info().outputPath('version-compare.png') });

  await dialog.getByRole('button', { name: 'Restore this version' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(body).toContainText('the port was short of twelve crews.');
  await expect(app.getByText('Version restored.')).toBeVisible();
  const [name] = await readdir(path.join(host.workspace, 'articles'));
  expect(await readFile(path.join(host.workspace, 'articles', name!), 'utf8')).toContain('short of twelve crews');

  // Nothing was lost: the rewrite is a version too.
  const { versions } = await callApi<{ versions: Array<{ kind: string; preview: string }> }>(app, 'articles.versions', { id });
  expect(versions.map((v) => v.kind)).toEqual(['before-restore', 'settled']);
  expect(versions[0]!.preview).toBe('Pilots said everything was fine.');

  // The version now has the same words as the text: nothing to show unless asked.
  await app.getByRole('button', { name: 'Article ▾' }).click();
  await app.getByRole('menuitem', { name: 'Versions…' }).click();
  await dialog.getByRole('button', { name: /Saved while editing/ }).click();
  await expect(compare).toContainText('the same words.');
  await expect(compare).toContainText('No word differs');
  await expect(compare.getByRole('document')).toHaveCount(0);
  await compare.getByRole('checkbox', { name: /Show the whole text/ }).check();
  await expect(compare.getByRole('document')).toContainText('the port was short of twelve crews.');
});

test('the Article menu is a menu for the keyboard: arrows move, Escape closes back to its button', async ({ app }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Menu check');
  const toggle = app.getByRole('button', { name: 'Article ▾' });
  await toggle.focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('menuitem', { name: 'Versions…' })).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(app.getByRole('menuitem', { name: 'Duplicate' })).toBeFocused();
  await app.keyboard.press('End');
  await expect(app.getByRole('menuitem', { name: 'Move to trash' })).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(app.getByRole('menuitem', { name: 'Versions…' })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('menu', { name: 'Article' })).toHaveCount(0);
  await expect(toggle).toBeFocused();

  // Versions… opens its dialog; closing it gives the focus back to the menu's button.
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Versions' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog', { name: 'Versions' })).toHaveCount(0);
  await expect(toggle).toBeFocused();
});

test('the conflict banner shows what differs, word by word, before the choice', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Contested rosters');
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.keyboard.type('The night shift has nine crews.');
  await expect(app.getByText('articles/contested-rosters.json')).toBeVisible({ timeout: 10_000 });
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const file = path.join(host.workspace, 'articles', 'contested-rosters.json');

  await app.keyboard.type(' Pilots agree.');
  // Before the autosave fires, another program rewrites a word of the body.
  await writeFile(file, (await readFile(file, 'utf8')).replace('nine crews', 'seven crews'));

  const banner = app.getByRole('alert').filter({ hasText: 'changed on disk' });
  await expect(banner).toBeVisible({ timeout: 10_000 });
  const diff = banner.getByTestId('conflict-diff');
  await expect(diff).toContainText('What differs: 1 word only on disk, 3 words only here');
  // Each change is named for a screen reader too.
  await expect(diff.locator('del')).toHaveText(['[removed: seven]']);
  await expect(diff.locator('ins')).toHaveText([/^\[added: nine\]$/, /^\[added: \s*Pilots agree\.\]$/]);
  await banner.getByRole('button', { name: 'Keep mine' }).click();
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await expect(banner).toHaveCount(0);
});
