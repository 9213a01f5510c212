/**
 * `npm run screenshots`: starts browser mode on a fresh sample workspace and captures the
 * README's screenshots into docs/screenshots/ (light and dark). Needs `npm run build` first.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { findBrowser, launchOptionsFor } from './find-browser.mjs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startHost, stopHost } from '../tests/helpers/browser-mode';
import { gradientPng } from '../tests/helpers/images';

const OUT = path.resolve(__dirname, '..', 'docs', 'screenshots');

/** Calls the API as the page does, with its token. */
async function callApi<T>(page: Page, method: string, payload: unknown): Promise<T> {
  return page.evaluate<T>(`(async () => {
    const response = await fetch('/api/${method}', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-copydesk-token': localStorage.getItem('copydesk-token') ?? '' },
      body: ${JSON.stringify(JSON.stringify(payload))},
    });
    const result = await response.json();
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  })()`);
}

/** The editor with an image, a table and the link editor open: an article made through the API, then a link edited. */
async function blocksShot(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  const headline = 'Night-shift deal, in pictures';
  const { asset } = await callApi<{ asset: string }>(page, 'assets.put', { fileName: 'harbour.png', data: gradientPng(720, 200).toString('base64') });
  const block = { version: 1, direction: null, format: '', indent: 0 };
  const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' });
  const paragraph = (...children: unknown[]) => ({ type: 'paragraph', ...block, textFormat: 0, textStyle: '', children });
  const cell = (value: string, header = false) => ({ type: 'tablecell', ...block, headerState: header ? 1 : 0, colSpan: 1, rowSpan: 1, backgroundColor: null, children: [paragraph(text(value))] });
  const row = (...cells: unknown[]) => ({ type: 'tablerow', ...block, children: cells });
  const body = {
    root: {
      type: 'root',
      ...block,
      children: [
        paragraph(text('Dockers voted on Monday to accept the roster, ending a '), text('three-week', 2), text(' stoppage, according to '), { type: 'link', ...block, url: 'https://example.org/minutes', rel: null, target: null, title: null, children: [text('the minutes of the talks')] }, text('.')),
        { type: 'image', version: 1, asset, alt: 'Cranes against the evening sky at the container terminal', caption: 'Cranes stood idle for three weeks.', credit: 'Photo: J. Moreau' },
        { type: 'heading', tag: 'h2', ...block, children: [text('What the night premium was')] },
        { type: 'table', ...block, children: [row(cell('Year', true), cell('Night premium', true)), row(cell('2024'), cell('25%')), row(cell('2025'), cell('30%')), row(cell('2026'), cell('35%'))] },
      ],
    },
  };
  const created = await callApi<{ id: string; revision: string }>(page, 'articles.create', { meta: { headline, kicker: 'Analysis', section: 'Business' } });
  await callApi(page, 'articles.save', { id: created.id, baseRevision: created.revision, body });
  await page.getByRole('button', { name: new RegExp(headline) }).first().click();
  await page.getByRole('figure').locator('img').waitFor();
  await page.setViewportSize({ width: 1360, height: 1040 });
  // The text under the toolbar, with the picture and the table below it.
  await page.evaluate(`(() => {
    const scroller = document.querySelector('.article-scroll');
    const toolbar = document.querySelector('.toolbar');
    scroller.scrollTop += toolbar.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  })()`);
  await page.evaluate(`(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('[aria-label="Article body"] a'));
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
  })()`);
  await page.waitForTimeout(200);
  await page.keyboard.press('Control+K');
  await page.getByRole('dialog', { name: 'Edit link' }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, `editor-blocks-${scheme}.png`) });
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1360, height: 860 });
}

async function main(): Promise<void> {
  const parent = await mkdtemp(path.join(tmpdir(), 'copydesk-shots-'));
  const host = await startHost(path.join(parent, 'workspace'), true);
  const browser = await chromium.launch({
    ...launchOptionsFor(findBrowser()),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, colorScheme: scheme, deviceScaleFactor: 1 });
      await page.goto(host.url);
      await page.getByRole('button', { name: /Rotterdam terminal strike talks/ }).click();
      await page.getByTestId('save-state').waitFor();
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(OUT, `editor-${scheme}.png`) });
      if (scheme === 'light') {
        // The desktop window's default size, for the README's desktop section (browser mode's rendering where no Electron binary runs).
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.screenshot({ path: path.join(OUT, 'desktop-window.png') });
        await page.setViewportSize({ width: 1360, height: 860 });
      }
      await blocksShot(page, scheme);
      // Search as you type in the library: the passages with the words marked.
      await page.getByRole('searchbox', { name: 'Search articles' }).fill('council');
      await page.getByRole('region', { name: 'Search results' }).locator('mark').first().waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(OUT, `search-${scheme}.png`) });
      await page.getByRole('searchbox', { name: 'Search articles' }).fill('');
      if (scheme === 'light') {
        // An edit here while a colleague's script changes the same file.
        // A draft: approved copy asks before it can be edited.
        await page.getByRole('button', { name: /village schools/ }).click();
        await page.getByRole('textbox', { name: 'Article body' }).click();
        await page.keyboard.press('Control+End');
        await page.keyboard.type(' The council meets again on Thursday.');
        const file = path.join(host.workspace, 'articles', 'serra-do-lume-s-village-schools-lose-a-fifth-of-their-pupils-in-a-decade.json');
        await writeFile(file, (await readFile(file, 'utf8')).replace('"section": "Education"', '"section": "Education & Youth"'));
        await page.getByRole('button', { name: 'Keep mine' }).waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(OUT, 'changed-on-disk.png') });
        await page.getByRole('button', { name: 'Keep mine' }).click();
        await page.getByText('Saved', { exact: true }).waitFor();
        // Their version, kept in the history, compared word by word with the text now.
        await page.getByRole('button', { name: 'Article ▾' }).click();
        await page.getByRole('menuitem', { name: 'Versions…' }).click();
        await page.getByTestId('version-compare').getByText('compared with the text now').waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(OUT, 'version-compare.png') });
        await page.keyboard.press('Escape');

        // Review mode on the Rotterdam piece, a close quote's diff in view.
        await page.getByRole('button', { name: /Rotterdam terminal strike talks/ }).click();
        await page.getByRole('textbox', { name: 'Headline' }).waitFor();
        await page.keyboard.press('Control+Shift+R');
        const panel = page.getByRole('complementary', { name: 'Review' });
        await panel.getByTestId('review-summary').waitFor();
        await panel.getByRole('group', { name: 'Show claims' }).getByRole('button', { name: /^Close/ }).click();
        await panel.locator('article, li').filter({ hasText: 'difficult but businesslike' }).first().getByRole('button', { name: /difficult but businesslike/ }).click();
        await page.waitForTimeout(600);
        await page.screenshot({ path: path.join(OUT, 'review-mode.png') });
        await page.keyboard.press('Control+Shift+R');
        await page.waitForTimeout(300);

        await writeFile(path.join(host.workspace, 'articles', 'half-written.json'), '{"schemaVersion": 1, "id": "4f0c');
        await page.getByRole('button', { name: /1 file cannot be read/ }).click();
        await page.getByRole('button', { name: /half-written/ }).click();
        await page.waitForTimeout(300);
        await page.screenshot({ path: path.join(OUT, 'damaged-file.png') });
      }
      await page.close();
    }
    console.log(`Screenshots written to ${OUT}`);
  } finally {
    await browser.close();
    await stopHost(host);
    await rm(parent, { recursive: true, force: true });
  }
}

void main();
