/**
 * Sources as an editor and a reviewer use them, in the browser against a real host: a
 * source pasted in and attached, a quote attributed with Ctrl+Shift+A that survives a
 * reload and shows the snapshot's passage; the same text pasted twice; find in a snapshot;
 * deleting a cited source from the library, refused and then detached everywhere.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { bodyOf, callApi, selectInBody } from './page-helpers';
import { expect, test } from './fixtures';

const SNAPSHOT = [
  'ROTTERDAM, Nov 10 (Northsea Wire) - Talks to end the strike at Maasgate Container Terminals broke up on Monday evening without agreement.',
  'Pieter Bakels, Maasgate\'s chief operating officer, told reporters on Sunday that the company had "moved a long way in a short time" on pay. He declined to comment after Monday\'s session.',
  'The main obstacle is a new rostering system. "A roster that changes every fortnight is a pay cut for anyone with children," Verhoeven said. The roster question is unsettled.',
].join('\n\n');

interface AddedSource {
  status: 'added';
  source: { id: string; revision: string };
}

/** A source in the library, added as pasted text through the API. */
async function addSource(app: Page, title: string, text = SNAPSHOT): Promise<string> {
  const added = await callApi<AddedSource>(app, 'sources.add', {
    fields: { title, type: 'article-newspaper', 'container-title': 'Northsea Wire', issued: '2026-11-10' },
    snapshot: { text, origin: 'pasted' },
  });
  return added.source.id;
}

/** An article with this body and these sources, written through the API; returns its id and file. */
async function addArticle(app: Page, headline: string, sourceIds: string[], body: ReturnType<typeof bodyOf>) {
  const created = await callApi<{ id: string; revision: string }>(app, 'articles.create', { meta: { headline, sourceIds } });
  const saved = await callApi<{ slug: string }>(app, 'articles.save', { id: created.id, baseRevision: created.revision, body });
  return { id: created.id, slug: saved.slug };
}

const panelOf = (app: Page) => app.getByRole('complementary', { name: 'Sources' });

test('a pasted source is attached, a quote attributed with Ctrl+Shift+A survives a reload, and its card shows the passage', async ({ app, host }) => {
  await app.getByRole('button', { name: 'New article' }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toBeFocused();
  await app.keyboard.type('Maasgate talks stall on rosters');
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.keyboard.type('The company said it had “moved a long way in a short time” on pay.');

  const panel = panelOf(app);
  await expect(panel).toContainText('No sources yet');
  await panel.getByRole('button', { name: 'Attach source…' }).click();
  await app.getByRole('option', { name: /New source/ }).click();
  const dialog = app.getByRole('dialog', { name: 'New source' });
  await dialog.getByLabel('Title').fill('Maasgate strike talks end without deal');
  await dialog.getByLabel('Type').selectOption('article-newspaper');
  await dialog.getByLabel('Author(s)').fill('Joost Dijkhuis');
  await dialog.getByLabel('Date').fill('2026-11-10');
  await dialog.getByLabel('Site or publication').fill('Northsea Wire');
  await dialog.getByLabel('Text of the source').fill(SNAPSHOT);
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog).toBeHidden();
  // The focus lands on the new source's card, not on the page's body.
  await expect(panel.getByRole('button', { name: 'Maasgate strike talks end without deal', exact: true })).toBeFocused();
  await expect(panel).toContainText('Northsea Wire · 2026-11-10');
  await expect(panel).toContainText('not cited yet');

  await selectInBody(app, '“moved a long way in a short time”');
  await app.keyboard.press('Control+Shift+A');
  const popover = app.getByRole('dialog', { name: 'Attribute to a source' });
  await expect(popover.getByRole('option', { name: /Maasgate strike talks end/ })).toHaveAttribute('aria-selected', 'true');
  await popover.getByLabel('Locator (optional)').fill('para 2');
  await app.keyboard.press('Enter');
  await expect(popover).toBeHidden();

  const body = app.getByRole('textbox', { name: 'Article body' });
  const span = body.locator('[data-source-id]');
  await expect(span).toHaveText('“moved a long way in a short time”');
  const sourceId = (await span.getAttribute('data-source-id'))!;
  await expect(panel).toContainText('cited 1×');
  await expect(panel.getByRole('button', { name: /“moved a long way in a short time”/ })).toBeVisible();
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });

  const file = JSON.parse(await readFile(path.join(host.workspace, 'articles', 'maasgate-talks-stall-on-rosters.json'), 'utf8'));
  expect(file.meta.sourceIds).toEqual([sourceId]);
  const paragraph = file.body.root.children[0];
  expect(paragraph.children.map((c: { type: string }) => c.type)).toEqual(['text', 'attribution', 'text']);
  expect(paragraph.children[1]).toMatchObject({ sourceId, locator: 'para 2', children: [{ text: '“moved a long way in a short time”' }] });
  expect(await readdir(path.join(host.workspace, 'sources'))).toEqual([`${sourceId}.json`]);

  await app.reload();
  await app.getByRole('button', { name: /Maasgate talks stall on rosters/ }).click();
  const again = app.getByRole('textbox', { name: 'Article body' }).locator(`[data-source-id="${sourceId}"]`);
  await expect(again).toHaveText('“moved a long way in a short time”');
  await expect(again).toHaveClass('CopydeskTheme__attribution');
  await expect(again).toHaveAttribute('data-locator', 'para 2');
  await expect(again).toHaveCSS('text-decoration-style', 'dotted');

  await again.hover();
  const card = app.getByTestId('attribution-card');
  await expect(card).toContainText('Maasgate strike talks end without deal');
  await expect(card).toContainText('Locator: para 2');
  await expect(card.getByTestId('attribution-passage')).toContainText('Pieter Bakels, Maasgate\'s chief operating officer');
  await expect(card.locator('mark')).toHaveText('moved a long way in a short time');

  // The keyboard gets the card too: Escape puts it away, focus on the words brings it back.
  await app.mouse.move(5, 5);
  await app.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await again.focus();
  await expect(card.locator('mark')).toHaveText('moved a long way in a short time');

  // The cited-at list takes the editor to the words.
  await panelOf(app).getByRole('button', { name: /“moved a long way in a short time”/ }).click();
  await expect.poll(() => app.evaluate('window.getSelection().toString()')).toBe('“moved a long way in a short time”');

  // The card's Change… opens the attribution on those words; Remove attribution takes it off, the words stay.
  await app.mouse.move(5, 5);
  await again.hover();
  await card.getByRole('button', { name: 'Change…' }).click();
  const change = app.getByRole('dialog', { name: 'Change the attribution' });
  await expect(change).toBeVisible();
  await expect(change.getByLabel('Locator (optional)')).toHaveValue('para 2');
  await app.keyboard.press('Escape');
  await expect(change).toBeHidden();
  await app.mouse.move(5, 5);
  await again.hover();
  await card.getByRole('button', { name: 'Remove attribution' }).click();
  await expect(body.locator('[data-source-id]')).toHaveCount(0);
  await expect(body).toContainText('The company said it had “moved a long way in a short time” on pay.');
});

test('text pasted twice is offered as the source the library has, or added again only when asked', async ({ app, host }) => {
  const existing = await addSource(app, 'Maasgate strike talks end without deal');
  const { id } = await addArticle(app, 'Ballot timing', [], bodyOf(['The ballot takes five working days.']));
  await app.getByRole('button', { name: /Ballot timing/ }).click();
  await expect(app.locator('.article-pane')).toHaveAttribute('data-article-id', id);

  const panel = panelOf(app);
  // What was typed in the search, matching nothing, starts the new source's title.
  await panel.getByRole('button', { name: 'Attach source…' }).click();
  await app.getByRole('combobox', { name: 'Search the source library' }).fill('Port authority October figures');
  await app.getByRole('option', { name: '+ New source “Port authority October figures”…' }).click();
  const started = app.getByRole('dialog', { name: 'New source' });
  await expect(started.getByLabel('Title')).toHaveValue('Port authority October figures');
  await started.getByRole('button', { name: 'Cancel' }).click();
  await expect(started).toBeHidden();

  const pasteAgain = async (title: string) => {
    await panel.getByRole('button', { name: 'Attach source…' }).click();
    await app.getByRole('option', { name: /New source/ }).click();
    const dialog = app.getByRole('dialog', { name: 'New source' });
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Text of the source').fill(SNAPSHOT);
    await dialog.getByRole('button', { name: 'Add source' }).click();
    return dialog;
  };

  let dialog = await pasteAgain('Wire copy, pasted again');
  await expect(dialog.getByRole('alert')).toContainText('Already in the library: Maasgate strike talks end without deal');
  await expect(dialog.getByRole('alert')).toContainText('same text');
  await dialog.getByRole('button', { name: 'Use that one' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('button', { name: 'Maasgate strike talks end without deal', exact: true })).toBeVisible();
  expect(await readdir(path.join(host.workspace, 'sources'))).toEqual([`${existing}.json`]);

  dialog = await pasteAgain('A second copy on purpose');
  await dialog.getByRole('button', { name: 'Add a copy anyway' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('button', { name: 'A second copy on purpose', exact: true })).toBeVisible();
  expect(await readdir(path.join(host.workspace, 'sources'))).toHaveLength(2);
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const file = JSON.parse(await readFile(path.join(host.workspace, 'articles', 'ballot-timing.json'), 'utf8'));
  expect(file.meta.sourceIds).toHaveLength(2);
  expect(file.meta.sourceIds[0]).toBe(existing);
});

test('find in a snapshot counts and steps through every match, whatever its case', async ({ app }) => {
  const sourceId = await addSource(app, 'Maasgate strike talks end without deal');
  await addArticle(app, 'Roster fight', [sourceId], bodyOf(['The roster is the sticking point.']));
  await app.getByRole('button', { name: /Roster fight/ }).click();
  await panelOf(app).getByRole('button', { name: 'Maasgate strike talks end without deal', exact: true }).click();

  const reader = app.getByRole('dialog', { name: 'Snapshot of Maasgate strike talks end without deal' });
  await expect(reader).toContainText('Northsea Wire · 2026-11-10');
  const find = reader.getByRole('searchbox', { name: 'Find in snapshot' });
  await expect(find).toBeFocused();
  // The field, its count and its arrows sit on one line (the editor's find bar styles stay its own).
  const row = reader.getByRole('search');
  const [field, next] = [await find.boundingBox(), await row.getByRole('button').last().boundingBox()];
  expect(Math.abs(field!.y + field!.height / 2 - (next!.y + next!.height / 2))).toBeLessThan(8);
  expect(next!.x).toBeGreaterThan(field!.x + field!.width - 1);
  await find.fill('ROSTER');
  // "rostering", "roster", "roster": three, highlighted in the text.
  await expect(reader.getByTestId('find-count')).toHaveText('1 of 3');
  expect(await app.evaluate("CSS.highlights.get('copydesk-find').size")).toBe(3);
  await find.press('Enter');
  await expect(reader.getByTestId('find-count')).toHaveText('2 of 3');
  await reader.getByRole('button', { name: 'Next match' }).click();
  await expect(reader.getByTestId('find-count')).toHaveText('3 of 3');
  await find.press('Shift+Enter');
  await expect(reader.getByTestId('find-count')).toHaveText('2 of 3');
  // Curly or straight, the same quote.
  await find.fill('“moved a long way');
  await expect(reader.getByTestId('find-count')).toHaveText('1 of 1');
  await find.fill('nowhere in this text');
  await expect(reader.getByTestId('find-count')).toHaveText('No matches');
  await find.press('Escape');
  await expect(reader).toBeHidden();
});

test('a cited source is offered only a delete that detaches it everywhere; then the text stays and the attribution goes', async ({ app, host }) => {
  const sourceId = await addSource(app, 'Maasgate strike talks end without deal');
  const sentence = 'The company had “moved a long way in a short time” on pay.';
  const { slug } = await addArticle(
    app,
    'Maasgate talks stall',
    [sourceId],
    bodyOf([['The company had ', { text: '“moved a long way in a short time”', sourceId, locator: 'para 2' }, ' on pay.']]),
  );
  await expect(app.getByRole('button', { name: /Maasgate talks stall/ })).toBeVisible();

  await app.getByRole('button', { name: /^Sources/ }).click();
  const library = app.getByRole('region', { name: 'Source library' });
  await expect(library).toContainText('cited by 1 article');
  await library.getByRole('button', { name: /Maasgate strike talks end without deal/ }).click();
  const detail = app.getByRole('region', { name: 'Source' });
  await expect(detail.getByRole('button', { name: 'Maasgate talks stall' })).toBeVisible();
  await detail.getByRole('button', { name: 'Delete source…' }).click();
  // Cited: no plain Delete that would be refused, but the articles and a detach offered.
  const confirm = detail.getByRole('group', { name: 'Delete source' });
  await expect(confirm).toContainText('Cited by 1 article');
  await expect(confirm.getByRole('button', { name: 'Maasgate talks stall' })).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(await readdir(path.join(host.workspace, 'sources'))).toEqual([`${sourceId}.json`]);

  await detail.getByRole('button', { name: 'Delete source…' }).click();
  await confirm.getByRole('button', { name: 'Detach from all and delete' }).click();
  await expect(library.getByRole('status')).toContainText('detached it from 1 article (“Maasgate talks stall”)');
  await expect(app.getByRole('button', { name: 'Sources (0)' })).toBeVisible();
  expect(await readdir(path.join(host.workspace, 'sources'))).toEqual([]);
  const file = JSON.parse(await readFile(path.join(host.workspace, 'articles', `${slug}.json`), 'utf8'));
  expect(JSON.stringify(file.body)).not.toContain('attribution');
  expect(file.meta.sourceIds).toEqual([]);
  expect(file.body.root.children[0].children.map((c: { text: string }) => c.text).join('')).toBe(sentence);
});

test('a source edited in the library is saved on its revision; a change made on disk meanwhile is a conflict, not an overwrite', async ({ app, host }) => {
  const sourceId = await addSource(app, 'Maasgate strike talks end without deal');
  await app.getByRole('button', { name: /^Sources/ }).click();
  await app.getByRole('region', { name: 'Source library' }).getByRole('button', { name: /Maasgate strike talks end without deal/ }).click();
  const detail = app.getByRole('region', { name: 'Source' });
  const title = detail.getByLabel('Title');
  await expect(title).toHaveValue('Maasgate strike talks end without deal');

  await detail.getByLabel('Author(s)').fill('Joost Dijkhuis; {Northsea Wire staff}');
  await detail.getByRole('button', { name: 'Save changes' }).click();
  await expect(detail.getByRole('status')).toHaveText('Saved');
  const file = path.join(host.workspace, 'sources', `${sourceId}.json`);
  expect(JSON.parse(await readFile(file, 'utf8')).csl.author).toEqual([{ given: 'Joost', family: 'Dijkhuis' }, { literal: 'Northsea Wire staff' }]);

  // Another program retitles the source while the title is being edited here.
  const onDisk = JSON.parse(await readFile(file, 'utf8'));
  onDisk.csl.title = 'Retitled by the wire desk';
  await writeFile(file, JSON.stringify(onDisk, null, 2));
  await title.fill('Maasgate talks: no deal');
  await detail.getByRole('button', { name: 'Save changes' }).click();
  const conflict = detail.getByRole('alert').filter({ hasText: 'changed on disk' });
  await expect(conflict).toBeVisible();
  expect(JSON.parse(await readFile(file, 'utf8')).csl.title).toBe('Retitled by the wire desk');
  await conflict.getByRole('button', { name: 'Load the version on disk' }).click();
  await expect(title).toHaveValue('Retitled by the wire desk');
});

test('the sources panel collapses to a toggle and stays so after a reload; on a narrow window it opens over the text', async ({ app }) => {
  await addArticle(app, 'Panel layout', [], bodyOf(['Short.']));
  await app.getByRole('button', { name: /Panel layout/ }).click();
  const panel = panelOf(app);
  await expect(panel).toBeVisible();
  const text = app.getByRole('textbox', { name: 'Article body' });
  // Beside the text on a 1,280-pixel window, with a comfortable measure left for the text.
  await app.setViewportSize({ width: 1280, height: 800 });
  expect((await text.boundingBox())!.width).toBeGreaterThanOrEqual(560);
  await panel.getByRole('button', { name: 'Hide the sources' }).click();
  await expect(panel).toBeHidden();
  await app.reload();
  await app.getByRole('button', { name: /Panel layout/ }).click();
  await expect(app.getByRole('button', { name: 'Show the sources (0)' })).toBeVisible();
  await expect(panelOf(app)).toBeHidden();
  await app.getByRole('button', { name: 'Show the sources (0)' }).click();
  await expect(panelOf(app)).toBeVisible();

  await app.setViewportSize({ width: 1000, height: 760 });
  await expect(panelOf(app)).toBeHidden();
  const before = (await text.boundingBox())!;
  await app.getByRole('button', { name: 'Show the sources (0)' }).click();
  await expect(panelOf(app)).toBeVisible();
  // Over the text: the text is not squeezed (the library steps aside meanwhile, so it may widen).
  expect((await text.boundingBox())!.width).toBeGreaterThanOrEqual(before.width);
  await expect(app.locator('#library')).toBeHidden();
  // The header's actions stay out from under it: Article ▾ takes a click.
  const articleMenu = app.getByRole('button', { name: 'Article ▾' });
  await articleMenu.click({ timeout: 2_000 });
  await expect(app.getByRole('menu')).toBeVisible();
  await articleMenu.click({ timeout: 2_000 });
  await expect(app.getByRole('menu')).toBeHidden();
  await panelOf(app).getByRole('button', { name: 'Close the sources' }).click();
  await expect(panelOf(app)).toBeHidden();
});

test('Ctrl+Shift+A offers the source whose snapshot has the words, else the latest attached, and opens beside the words on screen', async ({ app }) => {
  const hasWords = await addSource(app, 'Maasgate strike talks end without deal');
  const latest = await addSource(app, 'Port authority weekly figures', 'Container dwell times rose to six days in the week to November 9.');
  const filler = Array.from({ length: 24 }, (_, i) => `Paragraph ${i + 1} of background on the port and its terminals.`);
  await addArticle(app, 'Suggested source', [hasWords, latest], bodyOf([...filler, 'The company had “moved a long way in a short time” on pay.', 'Nobody said anything about the weather.']));
  await app.setViewportSize({ width: 1280, height: 700 });
  await app.getByRole('button', { name: /Suggested source/ }).click();

  // Words the older source has: it is offered, though another was attached since.
  await selectInBody(app, 'moved a long way in a short time');
  await app.keyboard.press('Control+Shift+A');
  const popover = app.getByRole('dialog', { name: 'Attribute to a source' });
  await expect(popover.getByRole('option', { name: /Maasgate strike talks end/ })).toHaveAttribute('aria-selected', 'true');
  // The words were scrolled into view (they stay marked while the popover has the focus), and the popover is on screen without covering them.
  const box = (await popover.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(700);
  const words = (await app.evaluate<{ top: number; bottom: number }>('(() => { const r = [...CSS.highlights.get("copydesk-pending")][0].getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; })()'))!;
  expect(words.top).toBeGreaterThan(0);
  expect(words.bottom).toBeLessThan(700);
  expect(box.y >= words.bottom || box.y + box.height <= words.top).toBe(true);
  await app.keyboard.press('Escape');
  await expect(popover).toBeHidden();

  // Words no snapshot has: the latest attached is offered.
  await selectInBody(app, 'anything about the weather');
  await app.keyboard.press('Control+Shift+A');
  await expect(popover.getByRole('option', { name: /Port authority weekly figures/ })).toHaveAttribute('aria-selected', 'true');
});
