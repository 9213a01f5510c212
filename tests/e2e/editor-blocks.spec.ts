/**
 * The body's blocks and formats as an editor uses them: each from the toolbar and from its
 * shortcut, saved to the article file; the toolbar as one Tab stop with arrow keys and an
 * overflow menu at 800×600; Tab indenting list items; the link editor (create, refuse an
 * unsafe scheme, edit, open, remove) and the floating bar on a link.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { selectInBody } from './page-helpers';

interface Node {
  type: string;
  tag?: string;
  format?: number;
  text?: string;
  url?: string;
  listType?: string;
  attribution?: string;
  children?: Node[];
}

async function newArticle(app: Page, headline = 'Blocks') {
  await app.getByRole('button', { name: 'New article' }).click();
  await app.getByRole('textbox', { name: 'Headline' }).fill(headline);
  await app.getByRole('textbox', { name: 'Article body' }).click();
}

async function savedBody(app: Page, workspace: string, slug = 'blocks'): Promise<Node[]> {
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const file = JSON.parse(await readFile(path.join(workspace, 'articles', `${slug}.json`), 'utf8'));
  return file.body.root.children as Node[];
}

const toolbar = (app: Page) => app.getByRole('toolbar', { name: 'Formatting' });
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test('each block comes from its shortcut and its toolbar button, and is saved', async ({ app, host }) => {
  await newArticle(app);
  const body = app.getByRole('textbox', { name: 'Article body' });
  await app.keyboard.type('Talks resume');
  await app.keyboard.press(`${mod}+Alt+2`);
  await expect(body.locator('h2')).toHaveText('Talks resume');
  await expect(toolbar(app).getByRole('button', { name: 'H2 Subhead', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await app.keyboard.press('End');
  await app.keyboard.press('Enter');
  await app.keyboard.type('The first day');
  await app.keyboard.press(`${mod}+Alt+3`);
  await expect(body.locator('h3')).toHaveText('The first day');
  await app.keyboard.press('Enter');
  await app.keyboard.type('Difficult but businesslike.');
  await app.keyboard.press(`${mod}+Alt+Q`);
  await expect(body.locator('blockquote')).toHaveText('Difficult but businesslike.');
  await app.keyboard.press('Enter');
  await app.keyboard.type('We are closer than ever.');
  await app.keyboard.press(`${mod}+Alt+P`);
  await expect(body.locator('blockquote.CopydeskTheme__pullquote')).toHaveText('We are closer than ever.');
  await app.keyboard.press('Enter');
  await app.keyboard.type('One');
  await app.keyboard.press(`${mod}+Shift+8`);
  await expect(body.locator('ul li')).toHaveText('One');
  await app.keyboard.press('Enter');
  await app.keyboard.type('Nested');
  await app.keyboard.press('Tab');
  await expect(body.locator('ul ul li')).toHaveText('Nested');
  await app.keyboard.press('Shift+Tab');
  await expect(body.locator('ul ul li')).toHaveCount(0);
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  await app.keyboard.type('First');
  await app.keyboard.press(`${mod}+Shift+7`);
  await expect(body.locator('ol li')).toHaveText('First');
  await app.keyboard.press('Enter');
  await app.keyboard.press('Enter');
  await app.keyboard.type('Back to body text');
  await toolbar(app).getByRole('button', { name: 'H2 Subhead', exact: true }).click();
  await expect(body.locator('h2').nth(1)).toHaveText('Back to body text');
  await toolbar(app).getByRole('button', { name: 'Body Text' }).click();
  await expect(body.locator('p').last()).toHaveText('Back to body text');

  const blocks = await savedBody(app, host.workspace);
  expect(blocks.map((b) => (b.type === 'heading' ? b.tag : b.type === 'list' ? b.listType : b.type))).toEqual([
    'h2',
    'h3',
    'quote',
    'pullquote',
    'bullet',
    'number',
    'paragraph',
  ]);
});

test('each inline format comes from its shortcut and its button, with its pressed state', async ({ app, host }) => {
  await newArticle(app);
  await app.keyboard.type('bold italic underline strike code sup sub');
  const formats: Array<[string, string, string | null, number]> = [
    ['bold', 'Bold', `${mod}+B`, 1],
    ['italic', 'Italic', `${mod}+I`, 2],
    ['underline', 'Underline', `${mod}+U`, 8],
    ['strike', 'Strikethrough', `${mod}+Shift+X`, 4],
    ['code', 'Inline Code', `${mod}+E`, 16],
    ['sup', 'Superscript', `${mod}+.`, 64],
    ['sub', 'Subscript', `${mod}+,`, 32],
  ];
  for (const [word, , shortcut] of formats) {
    await selectInBody(app, word);
    await app.keyboard.press(shortcut!);
  }
  await selectInBody(app, 'bold');
  await expect(toolbar(app).getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
  await expect(toolbar(app).getByRole('button', { name: 'Bold' })).toHaveAttribute('title', /Bold \((Ctrl|⌘)\+?B\)/);
  // The toolbar button takes it off again.
  await toolbar(app).getByRole('button', { name: 'Bold' }).click();
  await expect(toolbar(app).getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'false');
  await app.keyboard.press(`${mod}+B`);

  const [paragraph] = await savedBody(app, host.workspace);
  const byWord = new Map(paragraph!.children!.map((t) => [t.text!.trim(), t.format]));
  for (const [word, , , bit] of formats) expect(byWord.get(word), word).toBe(bit);
});

test('the toolbar is one Tab stop with arrow keys, Home and End, and fits one row at 800×600 with a More menu', async ({ app }) => {
  await app.setViewportSize({ width: 800, height: 600 });
  await newArticle(app);
  await app.keyboard.type('Some words.');
  const bar = toolbar(app);
  const box = await bar.boundingBox();
  const buttons = bar.locator(':scope > .toolbar__slot > button');
  const tops = await buttons.evaluateAll((els) => [...new Set(els.map((el) => Math.round(el.getBoundingClientRect().top)))]);
  expect(tops, 'one row').toHaveLength(1);
  expect(box!.height).toBeLessThan(60);
  await expect(bar.getByRole('button', { name: 'More formatting' })).toBeVisible();
  // One Tab stop: exactly one button is in the tab order.
  expect(await buttons.evaluateAll((els) => els.filter((el) => el.getAttribute('tabindex') === '0').length)).toBe(1);
  await bar.getByRole('button', { name: 'Body Text' }).focus();
  await app.keyboard.press('ArrowRight');
  await expect(bar.getByRole('button', { name: 'H2 Subhead', exact: true })).toBeFocused();
  await app.keyboard.press('End');
  await expect(bar.getByRole('button', { name: 'More formatting' })).toBeFocused();
  await app.keyboard.press('Home');
  await expect(bar.getByRole('button', { name: 'Body Text' })).toBeFocused();
  await app.keyboard.press('End');
  await app.keyboard.press('Enter');
  const menu = app.getByRole('menu', { name: 'More formatting' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').or(menu.getByRole('menuitemcheckbox')).first()).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(bar.getByRole('button', { name: 'More formatting' })).toBeFocused();
  // Shift+Tab from the bar goes back to the fields above it, Tab into the body.
  await app.keyboard.press('Tab');
  await expect(app.getByRole('textbox', { name: 'Article body' })).toBeFocused();
});

test('the link editor creates, refuses unsafe schemes, edits, opens and removes links', async ({ app, host, context }) => {
  await newArticle(app);
  await app.keyboard.type('Read the report and write to the desk.');
  await selectInBody(app, 'the report');
  await app.keyboard.press(`${mod}+K`);
  const dialog = app.getByRole('dialog', { name: 'Add link' });
  await expect(dialog).toBeVisible();
  // The palette (also Ctrl+K elsewhere) did not open over it.
  await expect(app.getByRole('dialog', { name: /palette/i })).toHaveCount(0);
  const address = dialog.getByLabel('Link address');
  await expect(address).toBeFocused();
  for (const hostile of ['javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) {
    await address.fill(hostile);
    await address.press('Enter');
    await expect(dialog.getByRole('alert')).toContainText('not allowed');
  }
  await address.fill('example.org/report');
  await address.press('Enter');
  await expect(dialog).toHaveCount(0);
  const link = app.getByRole('textbox', { name: 'Article body' }).locator('a');
  await expect(link).toHaveText('the report');
  await expect(link).toHaveAttribute('href', 'https://example.org/report');

  // The caret in the link shows the floating bar; Open goes to a new tab with no opener.
  await selectInBody(app, 'repo');
  const bar = app.getByRole('group', { name: 'Link' });
  await expect(bar).toContainText('https://example.org/report');
  await context.route('https://example.org/**', (route) => route.fulfill({ body: '<title>report</title>', contentType: 'text/html' }));
  const popup = context.waitForEvent('page');
  await bar.getByRole('button', { name: 'Open' }).click();
  const opened = await popup;
  expect(opened.url()).toBe('https://example.org/report');
  expect(await opened.evaluate("window.opener")).toBeNull();
  await opened.close();

  await bar.getByRole('button', { name: 'Edit' }).click();
  const edit = app.getByRole('dialog', { name: 'Edit link' });
  await edit.getByLabel('Link address').fill('mailto:desk@example.org');
  await edit.getByRole('button', { name: 'Save link' }).click();
  await expect(link).toHaveAttribute('href', 'mailto:desk@example.org');

  let blocks = await savedBody(app, host.workspace);
  expect(JSON.stringify(blocks)).toContain('"url":"mailto:desk@example.org"');
  expect(JSON.stringify(blocks)).not.toMatch(/javascript|data:text|file:/);

  await selectInBody(app, 'repo');
  await app.getByRole('group', { name: 'Link' }).getByRole('button', { name: 'Remove' }).click();
  await expect(link).toHaveCount(0);
  await expect(app.getByRole('textbox', { name: 'Article body' })).toContainText('Read the report and write to the desk.');
  blocks = await savedBody(app, host.workspace);
  expect(JSON.stringify(blocks)).not.toContain('"type":"link"');
});
