import { expect, test } from './fixtures';
import { articlesOnDisk, createArticle } from './library-helpers';

test('relating two articles shows the link on both sides, and a trashed one as broken', async ({ app, host }) => {
  const pilots = await createArticle(app, { headline: 'Harbour pilots warn of night shifts', paragraphs: ['Pilots want a second crew at night.'] });
  const rota = await createArticle(app, { headline: 'Port authority answers on rotas', paragraphs: ['The authority said the rota is under review.'] });
  const list = app.getByRole('list', { name: 'Articles', exact: true });

  await list.getByRole('button', { name: /Harbour pilots warn/ }).click();
  const related = app.getByRole('region', { name: 'Related' });
  await expect(related.getByText('No related articles yet.')).toBeVisible();
  await related.getByRole('button', { name: 'Add related article…' }).click();
  await related.getByRole('combobox', { name: 'Find an article to relate' }).pressSequentially('authority');
  await related.getByRole('option', { name: /Port authority answers/ }).click();
  await expect(related.getByRole('list', { name: 'Related articles' })).toContainText('Port authority answers on rotas');
  await expect.poll(async () => (await articlesOnDisk(host.workspace)).get(pilots)!.meta.related).toEqual([rota]);
  // Typing on after linking saves without a conflict (the link went through the autosave).
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.keyboard.type(' More.');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });

  await list.getByRole('button', { name: /Port authority answers/ }).click();
  const other = app.getByRole('region', { name: 'Related' });
  await expect(other.getByRole('list', { name: 'Related to this' })).toContainText('Harbour pilots warn of night shifts');

  // The linked article goes to the trash: the link stays, shown as broken, until it is restored.
  await app.getByRole('button', { name: 'Article ▾' }).click();
  await app.getByRole('menuitem', { name: 'Move to trash' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'moved to the trash' })).toBeVisible();
  await list.getByRole('button', { name: /Harbour pilots warn/ }).click();
  await expect(app.getByRole('region', { name: 'Related' }).getByRole('list', { name: 'Related articles' })).toContainText('In the trash');
  expect((await articlesOnDisk(host.workspace)).get(pilots)!.meta.related).toEqual([rota]);

  // Deleted for good from the trash: the link goes, and the trash says from where.
  await app.getByRole('button', { name: 'Trash' }).click();
  await app.getByRole('button', { name: 'Delete for good…' }).click();
  await app.getByRole('group', { name: /Delete “Port authority answers on rotas” for good/ }).getByRole('button', { name: 'Delete for good' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'deleted for good' })).toContainText('Its links were removed from “Harbour pilots warn of night shifts”');
  await expect.poll(async () => (await articlesOnDisk(host.workspace)).get(pilots)!.meta.related).toEqual([]);
});

test('a suggested article is related in one click, with the reason shown', async ({ app, host }) => {
  const text = 'The lighthouse keepers of Vlieland and Terschelling signed the tidal beacon accord with the coastguard.';
  const one = await createArticle(app, { headline: 'Lighthouse keepers sign beacon accord', tags: ['coast'], paragraphs: [text] });
  const two = await createArticle(app, { headline: 'Tidal beacons return to Vlieland', tags: ['coast'], paragraphs: [`${text} The beacons return in spring.`] });
  await createArticle(app, { headline: 'Council budget vote delayed', paragraphs: ['Aldermen postponed the vote on the budget.'] });

  await app.getByRole('list', { name: 'Articles', exact: true }).getByRole('button', { name: /Lighthouse keepers/ }).click();
  const suggestions = app.getByRole('list', { name: 'Suggested related articles' });
  const suggestion = suggestions.getByRole('listitem').filter({ hasText: 'Tidal beacons return to Vlieland' });
  await expect(suggestion).toBeVisible({ timeout: 15_000 });
  await expect(suggestion).toContainText(/Shares words|Tags: coast/);
  await suggestion.getByRole('button', { name: 'Relate', exact: true }).click();
  await expect(app.getByRole('list', { name: 'Related articles' })).toContainText('Tidal beacons return to Vlieland');
  await expect.poll(async () => (await articlesOnDisk(host.workspace)).get(one)!.meta.related).toEqual([two]);
});
