import { expect, test } from './fixtures';
import { createArticle } from './library-helpers';

test('the command palette opens an article by a fuzzy headline, lists commands with their shortcuts, and Escape goes back', async ({ app }) => {
  await createArticle(app, { headline: 'Rotterdam terminal strike talks narrow pay gap' });
  await createArticle(app, { headline: 'Lindemeer heating subsidy reaches fewer households' });
  await expect(app.getByText('2 articles', { exact: true })).toBeVisible();

  const search = app.getByRole('searchbox', { name: 'Search articles' });
  await search.focus();
  await app.keyboard.press('Control+Shift+P');
  const palette = app.getByRole('dialog', { name: 'Command palette' });
  const box = palette.getByRole('combobox', { name: 'Open an article or run a command' });
  await expect(box).toBeFocused();
  // Commands that can run now, with their shortcuts.
  // In a browser tab, the shortcut the browser lets through (Ctrl+N opens a window there).
  await expect(palette.getByRole('option', { name: /New Article\s*Alt\+Shift\+N/ })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await expect(search).toBeFocused();

  // Ctrl+K outside the body opens it too; scattered letters find the headline.
  await app.keyboard.press('Control+K');
  await expect(box).toBeFocused();
  await box.pressSequentially('rtdm strk');
  await expect(palette.getByRole('option').first()).toContainText('Rotterdam terminal strike talks');
  await expect(box).toHaveAttribute('aria-activedescendant', /.+/);
  await app.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue('Rotterdam terminal strike talks narrow pay gap');

  // Inside the body, Ctrl+K belongs to the editor: no palette.
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.keyboard.press('Control+K');
  await expect(palette).toHaveCount(0);
  // Ctrl+Shift+P works anywhere, the body too; "search" runs a library search.
  await app.keyboard.press('Control+Shift+P');
  await box.pressSequentially('heating');
  await palette.getByRole('option', { name: /Search articles for “heating”/ }).click();
  await expect(app.getByRole('searchbox', { name: 'Search articles' })).toHaveValue('heating');
  await expect(app.getByRole('region', { name: 'Search results' }).getByRole('button', { name: /Lindemeer heating/ })).toBeVisible();
});
