import { expect, test } from './fixtures';
import { articlesOnDisk, createArticle } from './library-helpers';

test('renaming a tag used by three articles changes all three files, says what changed, and Undo puts it back', async ({ app, host }) => {
  const ids = [
    await createArticle(app, { headline: 'Grid tariffs rise', tags: ['energy', 'prices'] }),
    await createArticle(app, { headline: 'Heat pumps lag', tags: ['energy'] }),
    await createArticle(app, { headline: 'Wind farm permits stall', tags: ['energy'] }),
  ];
  const untouched = await createArticle(app, { headline: 'School buses', tags: ['schools'] });
  await expect(app.getByText('4 articles', { exact: true })).toBeVisible();

  await app.getByRole('button', { name: 'Filters' }).click();
  await app.getByRole('button', { name: 'Rename or merge tags…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Tags' });
  await expect(dialog.getByRole('listitem').filter({ hasText: 'energy' })).toContainText('3 articles');
  await dialog.getByRole('button', { name: 'Rename or merge energy' }).click();
  await dialog.getByRole('combobox', { name: 'New name' }).fill('power');
  await expect(dialog.getByRole('status')).toContainText('The 3 articles tagged “energy” will be tagged “power”');
  await dialog.getByRole('button', { name: 'Rename on 3 articles' }).click();
  await expect(dialog.getByRole('status')).toContainText('“energy” renamed to “power” on 3 articles.');
  await expect(dialog.getByRole('list', { name: 'Articles changed' }).getByRole('listitem')).toHaveCount(3);

  let files = await articlesOnDisk(host.workspace);
  for (const id of ids) {
    expect(files.get(id)!.meta.tags).toContain('power');
    expect(files.get(id)!.meta.tags).not.toContain('energy');
  }
  expect(files.get(ids[0]!)!.meta.tags).toContain('prices');
  expect(files.get(untouched)!.meta.tags).toEqual(['schools']);

  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByRole('status')).toContainText('Undone');
  files = await articlesOnDisk(host.workspace);
  for (const id of ids) expect(files.get(id)!.meta.tags).toContain('energy');
});

test('a tag merged into one that exists says so before and after', async ({ app, host }) => {
  const a = await createArticle(app, { headline: 'One', tags: ['Energy'] });
  const b = await createArticle(app, { headline: 'Two', tags: ['power'] });
  await app.getByRole('button', { name: 'Filters' }).click();
  await app.getByRole('button', { name: 'Rename or merge tags…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Tags' });
  await dialog.getByRole('button', { name: 'Rename or merge Energy' }).click();
  await dialog.getByRole('combobox', { name: 'New name' }).fill('power');
  await expect(dialog.getByRole('status')).toContainText('“power” is a tag already');
  await dialog.getByRole('button', { name: 'Merge into “power”' }).click();
  await expect(dialog.getByRole('status')).toContainText('merged into “power” on 1 article');
  const files = await articlesOnDisk(host.workspace);
  expect(files.get(a)!.meta.tags).toEqual(['power']);
  expect(files.get(b)!.meta.tags).toEqual(['power']);
});

test('tags are added with the workspace’s offered as you type, and removed, in the article header', async ({ app, host }) => {
  await createArticle(app, { headline: 'Tagged before', tags: ['energy'] });
  const id = await createArticle(app, { headline: 'To be tagged' });
  await app.getByRole('list', { name: 'Articles', exact: true }).getByRole('button', { name: /To be tagged/ }).click();
  const input = app.getByRole('combobox', { name: 'Add a tag' });
  await input.click();
  await input.pressSequentially('ener');
  await expect(app.getByRole('listbox', { name: 'Tags in this workspace' }).getByRole('option', { name: /energy/ })).toBeVisible();
  await app.keyboard.press('Enter');
  await input.pressSequentially('harbours');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('button', { name: 'Remove tag energy' })).toBeVisible();
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  expect((await articlesOnDisk(host.workspace)).get(id)!.meta.tags).toEqual(['energy', 'harbours']);

  await app.getByRole('button', { name: 'Remove tag energy' }).click();
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await expect.poll(async () => (await articlesOnDisk(host.workspace)).get(id)!.meta.tags).toEqual(['harbours']);
});
