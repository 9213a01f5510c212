import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';

test('header fields: word-run undo, character counts with a soft limit, placeholders that read as hints', async ({ app }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  const headline = app.getByRole('textbox', { name: 'Headline' });
  await expect(headline).toBeFocused();
  await expect(app.getByTestId('headline-count')).toHaveText('Headline: 0 / 80 characters');

  await app.keyboard.type('Harbour pilots warn');
  await app.keyboard.press('Control+z');
  await expect(headline).toHaveValue('Harbour pilots ');
  await app.keyboard.press('Control+z');
  await expect(headline).toHaveValue('Harbour ');
  await app.keyboard.press('Control+Shift+z');
  await expect(headline).toHaveValue('Harbour pilots ');
  await app.keyboard.type('say night shifts on the Maas are unsafe and the port is short of twelve crews');
  await expect(app.getByTestId('headline-count')).toHaveText('Headline: 12 over 80 characters');
  await expect(app.getByTestId('headline-count')).toHaveClass(/field-count--over/);

  // The kicker's hint is a hint: not the uppercase bold of a kicker.
  const hint = await app.evaluate<{ transform: string; italic: string; weight: string }>(`(() => {
    const style = getComputedStyle(document.querySelector('[aria-label="Kicker"]'), '::placeholder');
    return { transform: style.textTransform, italic: style.fontStyle, weight: style.fontWeight };
  })()`);
  expect(hint).toEqual({ transform: 'none', italic: 'italic', weight: '400' });
});

test('language and the AI disclosure are choices, saved with the article', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Ports and models');
  await app.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await app.getByRole('combobox', { name: 'AI' }).selectOption('ai-assisted');
  const note = app.getByRole('textbox', { name: 'Disclosure shown to readers' });
  await expect(note).toHaveAttribute('placeholder', 'Written with the help of AI tools and checked by the newsroom.');
  await note.fill('Translated with a model, checked by the desk.');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const [name] = await readdir(path.join(host.workspace, 'articles'));
  const saved = JSON.parse(await readFile(path.join(host.workspace, 'articles', name!), 'utf8'));
  expect(saved.meta).toMatchObject({ language: 'fr', aiUse: 'ai-assisted', aiDisclosure: 'Translated with a model, checked by the desk.' });

  await app.getByRole('combobox', { name: 'AI' }).selectOption('none');
  await expect(note).toHaveCount(0);
});
