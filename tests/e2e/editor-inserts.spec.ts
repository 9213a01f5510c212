/**
 * What an editor inserts into the body: an image from a file (stored in the workspace,
 * with caption, credit and alt text; an SVG refused; a missing file shown as missing), a
 * table (header row, rows and columns added and removed), a horizontal rule, a pull quote
 * with its attribution, editor notes (counted, visited, blocking export until resolved),
 * typography by the article's language (each replacement undone by one Ctrl+Z), and the
 * body's spellcheck language.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callApi } from './page-helpers';

interface Node {
  type: string;
  text?: string;
  asset?: string;
  alt?: string;
  caption?: string;
  credit?: string;
  attribution?: string;
  headerState?: number;
  children?: Node[];
}

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])));
    return Buffer.concat([length, Buffer.from(type, 'ascii'), data, crc]);
  };
  const header = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 200, 40, 30, 200, 40, 30, 0, 20, 90, 160, 20, 90, 160]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function newArticle(app: Page, headline: string) {
  await app.getByRole('button', { name: 'New article' }).click();
  await app.getByRole('textbox', { name: 'Headline' }).fill(headline);
  await app.getByRole('textbox', { name: 'Article body' }).click();
}

async function savedBody(app: Page, workspace: string, slug: string): Promise<Node[]> {
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  return JSON.parse(await readFile(path.join(workspace, 'articles', `${slug}.json`), 'utf8')).body.root.children;
}

/** Runs an editor command the way the palette and the menu do, whether its button is on the bar or in More. */
async function toolbarCommand(app: Page, name: string) {
  const bar = app.getByRole('toolbar', { name: 'Formatting' });
  const button = bar.getByRole('button', { name, exact: true });
  if (await button.count()) {
    await button.click();
    return;
  }
  await bar.getByRole('button', { name: 'More formatting' }).click();
  await app.getByRole('menu', { name: 'More formatting' }).getByRole('menuitem', { name: new RegExp(`^${name}`, 'i') }).click();
}

test('an image inserted from a file is stored in the workspace, with caption, credit and alt text; a missing one says so', async ({ app, host }) => {
  await newArticle(app, 'Pictures');
  await app.keyboard.type('Above the picture.');
  await toolbarCommand(app, 'Insert image');
  await app.getByTestId('image-file').setInputFiles({ name: 'cranes.png', mimeType: 'image/png', buffer: png() });
  const figure = app.getByRole('figure').first();
  await expect(figure.locator('img')).toBeVisible();
  await expect(figure.locator('img')).toHaveAttribute('src', /^blob:/);
  await figure.getByLabel('Caption').fill('Cranes stood idle for three weeks.');
  await figure.getByLabel('Credit').fill('Photo: J. Moreau');
  await figure.getByLabel('Alt text').fill('Cranes at dusk');
  await expect(figure.locator('img')).toHaveAttribute('alt', 'Cranes at dusk');

  const stored = await readdir(path.join(host.workspace, 'assets'));
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatch(/^[0-9a-f]{64}\.png$/);
  const blocks = await savedBody(app, host.workspace, 'pictures');
  const image = blocks.find((b) => b.type === 'image')!;
  expect(image).toMatchObject({ asset: `assets/${stored[0]}`, caption: 'Cranes stood idle for three weeks.', credit: 'Photo: J. Moreau', alt: 'Cranes at dusk' });

  // An SVG is refused in words, and nothing is inserted.
  await toolbarCommand(app, 'Insert image');
  await app.getByTestId('image-file').setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>') });
  await expect(app.getByRole('alert').filter({ hasText: 'SVG' })).toContainText('Export it as PNG');
  await expect(app.getByRole('figure')).toHaveCount(1);

  // The file goes away: the image says it is missing, and keeps its caption.
  await rm(path.join(host.workspace, 'assets', stored[0]!));
  await app.reload();
  await app.getByRole('button', { name: /Pictures/ }).first().click();
  await expect(app.getByRole('img', { name: /Image missing/ })).toBeVisible();
  await expect(app.getByRole('figure').getByLabel('Caption')).toHaveValue('Cranes stood idle for three weeks.');
});

test('a table is inserted with a header row, and rows and columns are added and removed', async ({ app, host }) => {
  await newArticle(app, 'Tables');
  await app.keyboard.type('Before the table.');
  await toolbarCommand(app, 'Insert table');
  const table = app.getByRole('textbox', { name: 'Article body' }).locator('table');
  await expect(table.locator('tr')).toHaveCount(3);
  await expect(table.locator('tr').first().locator('th')).toHaveCount(3);
  await app.keyboard.type('Year');
  await app.keyboard.press('Tab');
  await app.keyboard.type('Premium');
  await app.keyboard.press('Tab');
  await app.keyboard.press('Tab');
  await app.keyboard.type('2026');
  const bar = app.getByRole('toolbar', { name: 'Formatting' });
  await toolbarCommand(app, 'Add row below');
  await expect(table.locator('tr')).toHaveCount(4);
  await table.locator('tr').nth(2).locator('td').first().click();
  await toolbarCommand(app, 'Remove row');
  await expect(table.locator('tr')).toHaveCount(3);
  await table.locator('tr').nth(1).locator('td').first().click();
  await toolbarCommand(app, 'Add column right');
  await expect(table.locator('tr').first().locator('th, td')).toHaveCount(4);
  await table.locator('tr').nth(1).locator('td').nth(1).click();
  await toolbarCommand(app, 'Remove column');
  await expect(table.locator('tr').first().locator('th, td')).toHaveCount(3);
  await expect(bar).toBeVisible();

  const blocks = await savedBody(app, host.workspace, 'tables');
  const saved = blocks.find((b) => b.type === 'table')!;
  expect(saved.children).toHaveLength(3);
  expect(saved.children![0]!.children!.map((c) => Boolean(c.headerState))).toEqual([true, true, true]);
  const text = (n: Node): string => n.text ?? (n.children ?? []).map(text).join('');
  expect(saved.children![0]!.children!.map(text)).toEqual(['Year', 'Premium', '']);
  expect(saved.children![1]!.children!.map(text)).toEqual(['2026', '', '']);
});

test('a horizontal rule, a pull quote with its attribution, and editor notes that stop export until resolved', async ({ app, host }) => {
  await newArticle(app, 'Notes');
  await app.keyboard.type('The vote is on ');
  await app.keyboard.press(`${mod}+Alt+M`);
  // The caret stays in the note, after its "TK": typing goes on with the note; End leaves it.
  await app.keyboard.type(' confirm the date');
  await app.keyboard.press('End');
  await app.keyboard.type('and the count is ');
  await app.keyboard.press(`${mod}+Alt+M`);
  await app.keyboard.press('End');
  await app.keyboard.type('.');
  const body = app.getByRole('textbox', { name: 'Article body' });
  await expect(body.locator('mark[data-editor-note]')).toHaveText(['TK confirm the date', 'TK']);
  const bar = app.getByRole('toolbar', { name: 'Formatting' });
  await expect(bar.getByRole('button', { name: '2 editor notes: go to the next' })).toBeVisible();

  await app.keyboard.press('Enter');
  await toolbarCommand(app, 'Horizontal rule');
  await expect(body.locator('hr')).toHaveCount(1);
  await app.keyboard.type('We are closer than ever.');
  await app.keyboard.press(`${mod}+Alt+P`);
  await bar.getByRole('button', { name: 'Said by… (the pull quote’s attribution)' }).click();
  const dialog = app.getByRole('dialog', { name: 'Pull quote attribution' });
  await dialog.getByLabel('Who said it').fill('Maria Rossi, negotiator');
  await dialog.getByLabel('Who said it').press('Enter');
  await expect(body.locator('blockquote.CopydeskTheme__pullquote')).toHaveAttribute('data-attribution', '— Maria Rossi, negotiator');

  let blocks = await savedBody(app, host.workspace, 'notes');
  expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'horizontalrule', 'pullquote']);
  expect(blocks[2]!.attribution).toBe('Maria Rossi, negotiator');
  const article = await callApi<{ id: string }>(app, 'articles.get', { id: (await callApi<{ articles: Array<{ id: string; slug: string }> }>(app, 'articles.list', {})).articles.find((a) => a.slug === 'notes')!.id });
  let gate = await callApi<{ problems: Array<{ code: string; message: string }> }>(app, 'export.gate', { id: article.id });
  const notes = gate.problems.filter((p) => p.code === 'editor-note');
  expect(notes.map((p) => p.message)).toEqual([
    'Editor note 1 of 2 is unresolved in paragraph 1: “TK confirm the date”. Resolve it in the editor (Editor notes list) before publishing.',
    'Editor note 2 of 2 is unresolved in paragraph 1: “TK”. Resolve it in the editor (Editor notes list) before publishing.',
  ]);

  // The count goes to each note in turn; Resolve removes the one the caret is in.
  await bar.getByRole('button', { name: '2 editor notes: go to the next' }).click();
  await expect.poll(() => app.evaluate('window.getSelection().toString()')).toBe('TK confirm the date');
  await bar.getByRole('button', { name: 'Resolve note' }).click();
  await bar.getByRole('button', { name: '1 editor note: go to the next' }).click();
  await bar.getByRole('button', { name: 'Resolve note' }).click();
  await expect(body.locator('mark[data-editor-note]')).toHaveCount(0);
  blocks = await savedBody(app, host.workspace, 'notes');
  gate = await callApi(app, 'export.gate', { id: article.id });
  expect(gate.problems.filter((p) => p.code === 'editor-note')).toEqual([]);
});

test('quotes, apostrophes, dashes and ellipses by the article’s language, each undone by one Ctrl+Z; spellcheck in that language', async ({ app }) => {
  await newArticle(app, 'Typography');
  const body = app.getByRole('textbox', { name: 'Article body' });
  await expect(body).toHaveAttribute('spellcheck', 'true');
  await expect(body).toHaveAttribute('lang', 'en');
  await app.keyboard.type(`"It's done," she said -- and left...`);
  await expect(body).toHaveText('“It’s done,” she said — and left…');
  await app.keyboard.type(' "');
  await expect(body).toHaveText('“It’s done,” she said — and left… “');
  await app.keyboard.press(`${mod}+Z`);
  await expect(body).toHaveText('“It’s done,” she said — and left… "');

  // A French article: guillemets with narrow no-break spaces.
  await callApi(app, 'articles.create', { meta: { headline: 'En français', language: 'fr' } });
  await app.getByRole('button', { name: /En français/ }).first().click();
  await expect(body).toHaveAttribute('lang', 'fr');
  await body.click();
  await app.keyboard.type('Il a dit "oui".');
  await expect(body).toHaveText('Il a dit «\u202foui\u202f».');

  // Pasted straight text is fixed as a whole by the command.
  await app.keyboard.press('Enter');
  await app.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Elle a répondu "non"... puis -- rien.');
    document.querySelector('[aria-label="Article body"]').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
  await expect(body).toContainText('Elle a répondu "non"... puis -- rien.');
  await toolbarCommand(app, 'Fix quotes and dashes');
  await expect(body).toContainText('Elle a répondu «\u202fnon\u202f»… puis – rien.');
  await app.keyboard.press(`${mod}+Z`);
  await expect(body).toContainText('Elle a répondu "non"... puis -- rien.');

  // The headline and the dek set them too, in the article's language; one Ctrl+Z gives the straight one back.
  const headline = app.getByRole('textbox', { name: 'Headline' });
  await headline.click();
  await app.keyboard.press('End');
  await app.keyboard.type(' : le "oui" l\'emporte');
  await expect(headline).toHaveValue('En français\u00a0: le «\u202foui\u202f» l’emporte');
  await app.keyboard.type(' "');
  await expect(headline).toHaveValue('En français\u00a0: le «\u202foui\u202f» l’emporte «\u202f');
  await app.keyboard.press(`${mod}+Z`);
  await expect(headline).toHaveValue('En français\u00a0: le «\u202foui\u202f» l’emporte "');
  const dek = app.getByRole('textbox', { name: 'Dek' });
  await dek.click();
  await app.keyboard.type('Un vote -- enfin...');
  await expect(dek).toHaveValue('Un vote – enfin…');
});
