/**
 * The real desktop app, through Playwright's Electron driver (run `npm run build` first).
 * It needs the Electron binary, which downloads from GitHub on first install; where that is
 * impossible the suite reports itself skipped, and the desktop shell is covered by
 * tests/unit/main (window options, session and protocol handlers, menus, IPC, packaging).
 *
 * Each test gets its own workspace and its own user data folder (recent workspaces, window
 * places), so nothing of the person running the tests is read or changed.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary';

const binary = findElectronBinary();
const ROOT = path.resolve(__dirname, '..', '..');

const SKIPPED = 'No Electron binary on this machine: it downloads from GitHub on install, which this machine cannot reach. tests/unit/main covers the desktop shell without it.';
// The list reporter does not print a skip's reason: say it once, where the run shows it.
if (!binary) console.warn(`tests/electron skipped: ${SKIPPED}`);
test.skip(!binary, SKIPPED);

let parent: string;
test.beforeEach(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'copydesk-electron-'));
});
test.afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

/** Launches Copydesk on a workspace, with a user data folder of the test's own. */
async function launch(workspace: string, userData = path.join(parent, 'user-data')): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: binary!,
    args: [ROOT, `--user-data-dir=${userData}`],
    env: { ...process.env, COPYDESK_WORKSPACE: workspace },
  });
  const page = await app.firstWindow();
  await expect(page.getByRole('button', { name: 'New article' })).toBeVisible();
  return { app, page };
}

/** Clicks a menu item of the application menu by its id, as a person would with the mouse. */
async function clickMenu(app: ElectronApplication, id: string): Promise<void> {
  await app.evaluate(({ Menu }, itemId) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById(itemId);
    if (!item) throw new Error(`no menu item ${itemId}`);
    item.click();
  }, id);
}

test('the desktop app opens its workspace in a locked-down window', async () => {
  const { app, page } = await launch(path.join(parent, 'workspace'));
  try {
    await expect(page.getByRole('button', { name: /Rotterdam terminal strike talks/ })).toBeVisible();
    expect(page.url()).toBe('copydesk://app/index.html');
    // No Node in the page; only the named API.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    const groups = await page.evaluate(() => Object.keys((globalThis as unknown as { copydesk: object }).copydesk));
    expect(groups).toEqual(expect.arrayContaining(['articles', 'sources', 'workspace', 'on']));
    // Navigation away from the app is refused.
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('copydesk://app/index.html');
    // A new window from the page is denied.
    await page.evaluate(() => (globalThis as unknown as { open: (url: string) => unknown }).open('copydesk://app/index.html'));
    await page.waitForTimeout(300);
    expect(app.windows()).toHaveLength(1);
    await page.screenshot({ path: test.info().outputPath('desktop-window.png') });
  } finally {
    await app.close();
  }
});

test('an article typed and saved is there after quitting and starting again', async () => {
  const workspace = path.join(parent, 'workspace');
  const first = await launch(workspace);
  try {
    // New Article from the application menu.
    await clickMenu(first.app, 'new-article');
    await expect(first.page.getByRole('textbox', { name: 'Headline' })).toBeFocused();
    await first.page.keyboard.type('Harbour pilots warn of night-shift gaps');
    await first.page.getByRole('textbox', { name: 'Article body' }).click();
    await first.page.keyboard.type('Two of five night shifts ran short in October, the pilots said.');
    await first.page.keyboard.press('ControlOrMeta+S');
    await expect(first.page.getByText('Saved', { exact: true })).toBeVisible();
  } finally {
    await first.app.close();
  }

  const second = await launch(workspace);
  try {
    await second.page.getByRole('button', { name: /Harbour pilots warn of night-shift gaps/ }).click();
    await expect(second.page.getByRole('textbox', { name: 'Article body' })).toContainText('Two of five night shifts ran short in October');
  } finally {
    await second.app.close();
  }
});

test('Open Workspace… opens a second workspace in a window of its own', async () => {
  const { app, page } = await launch(path.join(parent, 'workspace'));
  try {
    const second = path.join(parent, 'elections-desk');
    await mkdir(second);
    // The folder dialog answers as if the person had picked the folder.
    await app.evaluate(({ dialog }, folder) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [folder] })) as typeof dialog.showOpenDialog;
    }, second);
    const opened = app.waitForEvent('window');
    await clickMenu(app, 'open-workspace');
    const window = await opened;
    await expect(window.getByRole('button', { name: 'New article' })).toBeVisible();
    // Its own workspace: empty, while the first still lists the sample articles.
    expect(await window.title()).toBe('elections-desk — Copydesk');
    await expect(window.getByRole('button', { name: /Rotterdam terminal strike talks/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Rotterdam terminal strike talks/ })).toBeVisible();
    // Open Recent lists both.
    const recent = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('open-recent')?.submenu?.items.map((item) => item.label));
    expect(recent).toEqual(expect.arrayContaining(['elections-desk', 'workspace']));
  } finally {
    await app.close();
  }
});
