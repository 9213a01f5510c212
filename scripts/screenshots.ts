/**
 * `npm run screenshots`: starts browser mode on a fresh sample workspace and captures the
 * README's screenshots into docs/screenshots/ (light and dark). Needs `npm run build` first.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { findBrowser, launchOptionsFor } from './find-browser.mjs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startHost, stopHost } from '../tests/helpers/browser-mode';

const OUT = path.resolve(__dirname, '..', 'docs', 'screenshots');

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
