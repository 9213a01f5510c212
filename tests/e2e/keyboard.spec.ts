import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';

test('a keyboard-only session: create, write, format, move around, trash and undo, never losing the focus', async ({ app, host }) => {
  const focused = () => app.evaluate<string>(`(() => { const e = document.activeElement; return e ? (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().slice(0, 40) : 'none'; })()`);
  // The first Tab reaches the skip link.
  await app.keyboard.press('Tab');
  await expect(app.getByRole('link', { name: 'Skip to the article' })).toBeFocused();

  await app.keyboard.press('Control+n');
  const headline = app.getByRole('textbox', { name: 'Headline' });
  await expect(headline).toBeFocused();
  await app.keyboard.type('Ferry crews vote on strike');
  await app.keyboard.press('Enter');
  await app.keyboard.type('The vote closes on Friday.');
  await app.keyboard.press('Enter');
  const body = app.getByRole('textbox', { name: 'Article body' });
  await expect(body).toBeFocused();
  await app.keyboard.type('Crews on the night ferries will vote this week.');
  // Select "this week" and make it bold.
  await app.keyboard.press('ArrowLeft');
  await app.keyboard.press('Control+Shift+ArrowLeft');
  await app.keyboard.press('Control+Shift+ArrowLeft');
  await expect.poll(() => app.evaluate<string>('window.getSelection().toString()')).toBe('this week');
  // The editor reads the page's selection a moment later (selectionchange): Ctrl+B acts on its own.
  await expect
    .poll(() =>
      app.evaluate<string>(
        `(() => { const editor = document.querySelector('[aria-label="Article body"]').__lexicalEditor; return editor.getEditorState().read(() => { const s = editor.getEditorState()._selection; return s ? s.getTextContent() : ''; }); })()`,
      ),
    )
    .toBe('this week');
  await app.keyboard.press('Control+b');
  await expect(body.locator('strong, b, .CopydeskTheme__textBold').first()).toHaveText('this week');
  await app.keyboard.press('End');

  // Shortcuts to the headline, the body and the library.
  await app.keyboard.press('Control+Alt+h');
  await expect(headline).toBeFocused();
  await app.keyboard.press('Control+Alt+b');
  await expect(body).toBeFocused();
  await app.keyboard.press('Control+1');
  await expect(app.locator('.library button, .library [tabindex="0"]').filter({ hasText: 'Ferry crews vote on strike' }).first()).toBeFocused();
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });

  // The shortcut panel, from "?" outside a text field; Escape closes it.
  await app.keyboard.press('?');
  const panel = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Find');
  await expect(panel).toContainText('Ctrl+F');
  // Commands only the desktop app carries out are not offered in a browser tab.
  await expect(panel).not.toContainText('Open Workspace');
  await expect(panel).not.toContainText('Close Window');
  // Ctrl+N never reaches a page (the browser opens a window): a browser tab shows and takes its own.
  await expect(panel.locator('.shortcuts__row').filter({ hasText: 'New Article' })).toContainText('Alt+Shift+N');
  await app.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // Article ▾ → Move to trash, from the keyboard; the focus goes to the toast's Undo.
  await app.keyboard.press('Control+Alt+h');
  await app.keyboard.press('Shift+Tab');
  await expect(app.getByRole('button', { name: 'Article ▾' })).toBeFocused();
  await app.keyboard.press('Enter');
  await app.keyboard.press('End');
  await expect(app.getByRole('menuitem', { name: 'Move to trash' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('button', { name: 'Undo' })).toBeFocused();
  expect(await readdir(path.join(host.workspace, 'articles'))).toEqual([]);
  await app.keyboard.press('Enter');
  await expect(headline).toHaveValue('Ferry crews vote on strike');
  await expect(headline).toBeFocused();
  expect(await focused()).toBe('Headline');
  const [file] = await readdir(path.join(host.workspace, 'articles'));
  const saved = JSON.parse(await readFile(path.join(host.workspace, 'articles', file!), 'utf8'));
  expect(JSON.stringify(saved.body)).toContain('"text":"this week","type":"text"');
});

test('an undo that no longer applies says so in plain words', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await app.getByRole('textbox', { name: 'Headline' }).fill('Gone for good');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await app.getByRole('button', { name: 'Article ▾' }).click();
  await app.getByRole('menuitem', { name: 'Move to trash' }).click();
  await expect(app.getByRole('button', { name: 'Undo' })).toBeVisible();
  // Someone empties the trash meanwhile, once the article is in it.
  const trash = path.join(host.workspace, '.copydesk', 'trash');
  const { rm } = await import('node:fs/promises');
  const inTrash = async (): Promise<string[]> => readdir(trash).catch(() => []);
  await expect.poll(async () => (await inTrash()).filter((name) => name.endsWith('.json')).length).toBeGreaterThan(0);
  for (const name of await inTrash()) await rm(path.join(trash, name), { recursive: true, force: true });
  await app.getByRole('button', { name: 'Undo' }).click();
  const toast = app.getByRole('status').filter({ hasText: 'Gone for good' });
  await expect(toast).toHaveText(/“Gone for good” is no longer in the trash \(it was restored or emptied\), so there is nothing to undo\./);
  await expect(toast).not.toContainText('--');
});

test('the sidebar collapses and comes back, and the layout holds at 800×600', async ({ app }) => {
  await app.setViewportSize({ width: 800, height: 600 });
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Narrow window');
  await app.keyboard.press('Control+\\');
  await expect(app.locator('#library')).toBeHidden();
  await expect(app.getByRole('button', { name: 'Show the library' })).toBeVisible();
  // Nothing of the article is cut off sideways.
  const overflow = await app.evaluate<number>(`document.querySelector('.article-scroll').scrollWidth - document.querySelector('.article-scroll').clientWidth`);
  expect(overflow).toBeLessThanOrEqual(0);
  await app.keyboard.press('Control+1');
  await expect(app.locator('#library')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Hide the library' })).toBeVisible();

  // Review mode opens over the text here: the library steps aside while it is open, comes
  // back from its toggle on request, and returns by itself when review mode closes.
  const review = app.getByRole('complementary', { name: 'Review' });
  const toggleReview = async () => {
    await app.getByRole('textbox', { name: 'Headline' }).click();
    await app.keyboard.press('Control+Shift+R');
  };
  await toggleReview();
  await expect(review).toBeVisible();
  await expect(app.locator('#library')).toBeHidden();
  await toggleReview();
  await expect(review).toBeHidden();
  await expect(app.locator('#library')).toBeVisible();
  await toggleReview();
  await expect(app.locator('#library')).toBeHidden();
  await app.getByRole('button', { name: 'Show the library' }).click();
  await expect(app.locator('#library')).toBeVisible();
  await expect(review).toBeVisible();
});

test('after Duplicate from the keyboard, the focus is on the copy’s headline, not the page', async ({ app }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  const headline = app.getByRole('textbox', { name: 'Headline' });
  await expect(headline).toBeFocused();
  await app.keyboard.type('Original piece');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await app.keyboard.press('Shift+Tab');
  await expect(app.getByRole('button', { name: 'Article ▾' })).toBeFocused();
  await app.keyboard.press('Enter');
  await app.keyboard.press('ArrowDown');
  await expect(app.getByRole('menuitem', { name: 'Duplicate' })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(headline).toHaveValue('Original piece (copy)');
  await expect(headline).toBeFocused();
});

test('in a browser tab, Alt+Shift+N starts an article and Alt+Shift+1 goes to the library', async ({ app }) => {
  await app.locator('body').click();
  await app.keyboard.press('Alt+Shift+N');
  const headline = app.getByRole('textbox', { name: 'Headline' });
  await expect(headline).toBeFocused();
  await app.keyboard.type('Tram line 4 opens');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await app.keyboard.press('Alt+Shift+1');
  await expect(app.locator('.library [aria-current="true"]')).toBeFocused();
});
