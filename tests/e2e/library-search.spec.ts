import { expect, test } from './fixtures';
import { createArticle } from './library-helpers';

test('search as you type shows hits with the words marked, understands field filters, and says plainly when nothing matches', async ({ app }) => {
  await createArticle(app, { headline: 'Harbour pilots warn of night shifts', tags: ['ports'], paragraphs: ['The pilots said the night shift rota leaves ships waiting at the harbour mouth.'] });
  await createArticle(app, { headline: 'Heating subsidy reaches fewer households', tags: ['energy'], paragraphs: ['Households on heat pumps were left out of the subsidy.'] });
  await createArticle(app, { headline: 'Wind farm permits stall', tags: ['energy'], paragraphs: ['Permits for the offshore wind farm wait on the ministry.'] });
  await expect(app.getByText('3 articles', { exact: true })).toBeVisible();

  const box = app.getByRole('searchbox', { name: 'Search articles' });
  await app.keyboard.press('Control+Shift+F');
  await expect(box).toBeFocused();
  await box.pressSequentially('pilot');
  const results = app.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('status')).toHaveText('1 article matches.');
  const hit = results.getByRole('button', { name: /Harbour pilots warn/ });
  await expect(hit).toBeVisible();
  // The passage with the matched word marked (a prefix: "pilot" finds "pilots").
  await expect(hit.locator('mark').first()).toHaveText(/^pilots?$/i);

  await box.fill('tag:energy');
  await expect(app.getByRole('list', { name: 'Search filters' })).toContainText('Tag: energy');
  await expect(results.getByRole('status')).toHaveText('2 articles match.');
  await expect(results.getByRole('button', { name: /Heating subsidy/ })).toBeVisible();
  await expect(results.getByRole('button', { name: /Wind farm permits/ })).toBeVisible();

  await box.fill('"offshore wind" tag:energy');
  await expect(results.getByRole('status')).toHaveText('1 article matches.');

  await box.fill('zeppelin');
  await expect(results.getByRole('status')).toHaveText('Nothing matches “zeppelin”.');

  // A hit opens its article; Escape in the box brings the list back.
  await box.fill('subsidy');
  await results.getByRole('button', { name: /Heating subsidy/ }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue('Heating subsidy reaches fewer households');
  await box.focus();
  await app.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await expect(app.getByRole('list', { name: 'Articles', exact: true }).getByRole('button')).toHaveCount(3);
});

test('filters combine, show their counts, and are kept for the workspace', async ({ app }) => {
  await createArticle(app, { headline: 'Energy one', tags: ['energy'], section: 'Economy', bylines: ['Ana Lima'] });
  await createArticle(app, { headline: 'Energy two', tags: ['energy'], section: 'Climate', bylines: ['Tom Berg'] });
  await createArticle(app, { headline: 'Schools', tags: ['schools'], section: 'Education', bylines: ['Ana Lima'] });
  const list = app.getByRole('list', { name: 'Articles', exact: true });
  await expect(list.getByRole('button')).toHaveCount(3);

  await app.getByRole('button', { name: 'Filters' }).click();
  const filters = app.getByRole('group', { name: 'Filters' });
  const tag = filters.getByRole('combobox', { name: 'Tag' });
  await expect(tag.locator('option', { hasText: 'energy (2)' })).toHaveCount(1);
  await tag.selectOption('energy');
  await expect(list.getByRole('button')).toHaveCount(2);
  // The byline counts now say what each would leave beside the tag.
  const byline = filters.getByRole('combobox', { name: 'Byline' });
  await expect(byline.locator('option', { hasText: 'Ana Lima (1)' })).toHaveCount(1);
  await byline.selectOption('Ana Lima');
  await expect(list.getByRole('button')).toHaveCount(1);
  await expect(list.getByRole('button', { name: /Energy one/ })).toBeVisible();
  await expect(app.getByText('1 of 3 articles')).toBeVisible();

  // Sorted by headline, both ways.
  await app.getByRole('button', { name: 'Clear filters' }).click();
  await app.getByRole('combobox', { name: 'Sort by' }).selectOption('headline');
  await expect(list.getByRole('button').first()).toContainText('Energy one');
  await app.getByRole('button', { name: /^Order: A to Z/ }).click();
  await expect(list.getByRole('button').first()).toContainText('Schools');

  // One Tab stop: Ctrl+1 goes into the list; typing a headline's first letters jumps to it, Enter opens it.
  await app.keyboard.press('Control+1');
  await expect(list.getByRole('button').first()).toBeFocused();
  await expect(list.locator('button[tabindex="0"]')).toHaveCount(1);
  await app.keyboard.type('ener');
  await expect(list.getByRole('button', { name: /Energy two/ })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue('Energy two');

  // Kept for this workspace: after a reload the same view.
  await filters.getByRole('combobox', { name: 'Section' }).selectOption('Climate');
  await app.reload();
  await expect(list.getByRole('button')).toHaveCount(1);
  await expect(list.getByRole('button', { name: /Energy two/ })).toBeVisible();
  await expect(app.getByRole('list', { name: 'Filters on' })).toContainText('Section: Climate');
  await expect(app.getByRole('combobox', { name: 'Sort by' })).toHaveValue('headline');
});

test('a save updates its own row from the change event, and never loads the whole list again', async ({ app }) => {
  await createArticle(app, { headline: 'First story' });
  const id = await createArticle(app, { headline: 'Second story' });
  const list = app.getByRole('list', { name: 'Articles', exact: true });
  await expect(list.getByRole('button')).toHaveCount(2);
  let listLoads = 0;
  app.on('request', (request) => {
    if (request.url().includes('/api/articles.list')) listLoads++;
  });
  await list.getByRole('button', { name: /Second story/ }).click();
  const headline = app.getByRole('textbox', { name: 'Headline' });
  await headline.press('End');
  await headline.pressSequentially(', updated');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await expect(list.locator(`[data-id="${id}"]`)).toContainText('Second story, updated');
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.keyboard.type('Words that change the count.');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await expect(list.locator(`[data-id="${id}"]`)).toContainText('5 words');
  // The row kept its place, and the list was never fetched again.
  await expect(list.getByRole('button').nth(0)).toContainText('Second story, updated');
  expect(listLoads).toBe(0);
});
