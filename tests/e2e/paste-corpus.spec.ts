/**
 * The paste corpus (tests/fixtures/paste/): a news page with a table, a figure and site
 * chrome; a Google Docs fragment; a Word fragment; plain-text wire copy; hostile markup.
 * Each is pasted into the body as the browser delivers a paste; the structure is kept,
 * the chrome dropped, and neither the page nor the saved file holds a handler or an
 * unsafe address; nothing runs, and the CSP has nothing to report.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

interface Node {
  type: string;
  tag?: string;
  format?: number;
  text?: string;
  url?: string;
  listType?: string;
  headerState?: number;
  alt?: string;
  caption?: string;
  credit?: string;
  asset?: string;
  children?: Node[];
}

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'paste');

async function pasteFixture(app: Page, name: string, headline: string): Promise<void> {
  const content = await readFile(path.join(FIXTURES, name), 'utf8');
  await app.getByRole('button', { name: 'New article' }).click();
  await app.getByRole('textbox', { name: 'Headline' }).fill(headline);
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.evaluate(`(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
    const data = new DataTransfer();
    ${name.endsWith('.html') ? `data.setData('text/html', ${JSON.stringify(content)});` : ''}
    data.setData('text/plain', ${JSON.stringify(name.endsWith('.html') ? 'plain fallback' : content)});
    document.querySelector('[aria-label="Article body"]').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

async function saved(app: Page, workspace: string, slug: string): Promise<{ json: string; blocks: Node[] }> {
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const json = await readFile(path.join(workspace, 'articles', `${slug}.json`), 'utf8');
  return { json, blocks: JSON.parse(json).body.root.children };
}

const textOf = (node: Node): string => node.text ?? (node.children ?? []).map(textOf).join('');
const all = (nodes: Node[], type: string, into: Node[] = []): Node[] => {
  for (const node of nodes) {
    if (node.type === type) into.push(node);
    all(node.children ?? [], type, into);
  }
  return into;
};

async function nothingRan(app: Page) {
  expect(await app.evaluate('window.__pwned')).toBeUndefined();
  expect(await app.evaluate('window.__csp')).toEqual([]);
  const body = app.getByRole('textbox', { name: 'Article body' });
  await expect(body.locator('script, style, iframe, svg, form, [onerror], [onload], [onclick], [onmouseover], img[src^="http"], img[src^="x"]')).toHaveCount(0);
}

test('a news page keeps its subheads, links, emphasis, table, quotes, list and figure, and loses the site around them', async ({ app, host }) => {
  await pasteFixture(app, 'news-page.html', 'News page');
  const body = app.getByRole('textbox', { name: 'Article body' });
  await expect(body).toContainText('The agreement runs until 2029.');
  const { json, blocks } = await saved(app, host.workspace, 'news-page');

  expect(blocks.filter((b) => b.type === 'heading').map((b) => [b.tag, textOf(b)])).toEqual([
    ['h2', 'Harbour deal struck after ninth round'],
    ['h2', 'What changes on the night shift'],
    ['h3', 'Who signed'],
  ]);
  const links = all(blocks, 'link');
  expect(links.map((l) => [textOf(l), l.url])).toEqual([['42 ships waiting', 'https://ledger.example/2026/ships-waiting']]);
  expect(all(blocks, 'text').find((t) => t.text === 'agreed a new roster')?.format).toBe(1);
  expect(all(blocks, 'text').find((t) => t.text === 'three-week')?.format).toBe(2);
  const [image] = all(blocks, 'image');
  expect(image).toMatchObject({ asset: '', alt: 'Cranes at the container terminal at dusk', caption: 'Cranes stood idle for three weeks.', credit: 'Photo: J. Moreau / Ledger' });
  await expect(body.getByText('Image not imported')).toBeVisible();
  const [table] = all(blocks, 'table');
  const rows = table!.children!.map((row) => row.children!.map((cell) => [textOf(cell), cell.headerState ? 'th' : 'td']));
  expect(rows).toEqual([
    [['Year', 'th'], ['Premium', 'th']],
    [['2024', 'td'], ['25%', 'td']],
    [['2025', 'td'], ['30%', 'td']],
    [['2026', 'td'], ['35%', 'td']],
  ]);
  expect(blocks.filter((b) => b.type === 'quote').map(textOf)).toEqual(['“Difficult but businesslike,” said the union\'s lead negotiator.', 'We are closer than we have ever been.']);
  expect(all(blocks, 'listitem').map(textOf)).toEqual(['The port authority', "The dockers' union", 'Two shipping lines']);

  for (const chrome of ['Subscribe', 'Tweet', 'Copy link', 'Read more', 'Continue reading', 'Advertisement', 'Sign up', 'Menu', 'Politics', 'Privacy', 'More from Business', 'morning briefing', 'The Coastal Ledger']) {
    expect(json, chrome).not.toContain(chrome);
  }
  // Nothing between the paragraphs is an empty paragraph.
  expect(blocks.filter((b) => b.type === 'paragraph' && !textOf(b).trim())).toEqual([]);
  expect(json).not.toMatch(/images\.ledger|analytics|url\(/);
  await nothingRan(app);
});

test('a Google Docs fragment keeps its subhead, bold, italic, link, list and subscript, with no empty paragraphs', async ({ app, host }) => {
  await pasteFixture(app, 'google-docs.html', 'Docs');
  await expect(app.getByRole('textbox', { name: 'Article body' })).toContainText('output fell by a third');
  const { json, blocks } = await saved(app, host.workspace, 'docs');
  expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'paragraph']);
  expect(textOf(blocks[0]!)).toBe('The roster question');
  const texts = all(blocks, 'text');
  expect(texts.find((t) => t.text === 'four nights')?.format).toBe(1);
  expect(texts.find((t) => t.text === 'five')?.format).toBe(2);
  expect(texts.find((t) => t.text === '2')?.format).toBe(32);
  expect(all(blocks, 'link').map((l) => [textOf(l), l.url])).toEqual([['the minutes', 'https://ledger.example/minutes']]);
  expect(all(blocks, 'listitem').map(textOf)).toEqual(['Night premium: 35 per cent', 'Term: until 2029']);
  expect(json).not.toMatch(/font-size|docs-internal|Arial/);
  await nothingRan(app);
});

test('a Word fragment keeps its heading, emphasis, list, table with its header row and image caption', async ({ app, host }) => {
  await pasteFixture(app, 'word.html', 'Word');
  await expect(app.getByRole('textbox', { name: 'Article body' })).toContainText('We had no choice');
  const { json, blocks } = await saved(app, host.workspace, 'word');
  expect(blocks.filter((b) => b.type === 'heading').map((b) => [b.tag, textOf(b)])).toEqual([
    ['h2', 'Budget talks: the figures'],
    ['h2', 'Where the money goes'],
  ]);
  expect(all(blocks, 'text').find((t) => t.text === '£12 million')?.format).toBe(1);
  const [list] = blocks.filter((b) => b.type === 'list');
  expect(list!.listType).toBe('bullet');
  expect(all([list!], 'listitem').map((i) => textOf(i).trim())).toEqual(['Libraries close on Sundays', 'Bus subsidy halved']);
  const [table] = all(blocks, 'table');
  expect(table!.children![0]!.children!.map((c) => [textOf(c), c.headerState ? 'th' : 'td'])).toEqual([
    ['Service', 'th'],
    ['Cut', 'th'],
  ]);
  expect(table!.children).toHaveLength(3);
  expect(all(blocks, 'image')).toMatchObject([{ asset: '', alt: 'Chart of the cuts' }]);
  expect(blocks.filter((b) => b.type === 'paragraph' && !textOf(b).trim())).toEqual([]);
  expect(json).not.toMatch(/Mso|mso-|file:|o:p|Symbol/);
  expect(json).not.toContain('·');
  await nothingRan(app);
});

test('plain-text wire copy becomes paragraphs, never empty ones', async ({ app, host }) => {
  await pasteFixture(app, 'wire.txt', 'Wire');
  await expect(app.getByRole('textbox', { name: 'Article body' })).toContainText('Editing by J. Moreau');
  const { blocks } = await saved(app, host.workspace, 'wire');
  expect(blocks.map((b) => b.type)).toEqual(Array(6).fill('paragraph'));
  expect(textOf(blocks[2]!)).toBe(
    'ROTTERDAM, March 12 (Wire) - Dockers at the port voted on Monday to accept a new night-shift roster, ending a three-week stoppage that left 42 ships waiting at anchor, the union said.',
  );
  expect(all(blocks, 'linebreak')).toEqual([]);
  await nothingRan(app);
});

test('hostile markup runs nothing and leaves no handler or unsafe address in the page or the file', async ({ app, host }) => {
  const dialogs: string[] = [];
  app.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await pasteFixture(app, 'hostile.html', 'Hostile');
  const body = app.getByRole('textbox', { name: 'Article body' });
  await expect(body).toContainText('Hostile copy ends here.');
  await expect(body).toContainText('A script link, a tabbed one, an entity one and a data page.');
  await expect(body.locator('a')).toHaveCount(1);
  await expect(body.locator('a')).toHaveAttribute('href', 'https://example.org/safe');
  const { json } = await saved(app, host.workspace, 'hostile');
  expect(json).not.toMatch(/javascript|java\\tscript|data:text|onerror|onload|onclick|onmouseover|__pwned|<script|<style|tracker\.example|evil\.example|url\(/i);
  expect(dialogs).toEqual([]);
  await nothingRan(app);
});
