/**
 * Team sync in Chromium with two browser-mode instances on two clones of one bare
 * repository: the writer starts team sync from the panel and sends the village schools piece to
 * review; the reviewer (a clone) syncs, decides a claim, approves and syncs; the writer
 * syncs and sees the decision and the status with who and when — in the library, the
 * review panel and the article's versions.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHost, stopHost, type Host } from '../helpers/browser-mode';

const SCHOOLS = /Serra do Lume’s village schools lose a fifth/;
let parent = '';
const hosts: Host[] = [];

test.beforeEach(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'copydesk-e2e-team-'));
});

test.afterEach(async () => {
  for (const host of hosts.splice(0)) await stopHost(host);
  await rm(parent, { recursive: true, force: true });
});

async function openApp(page: Page, host: Host): Promise<Page> {
  await page.goto(host.url);
  await expect(page.getByRole('button', { name: 'New article' })).toBeVisible();
  return page;
}

/** axe-core's findings within the given parts of the page, as lines. */
async function violations(app: Page, ...selectors: string[]) {
  let builder = new AxeBuilder({ page: app });
  for (const selector of selectors) builder = builder.include(selector);
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function syncFromFoot(app: Page) {
  const foot = app.getByTestId('team-foot');
  await foot.getByRole('button', { name: 'Sync', exact: true }).click();
  await expect(foot.getByRole('button', { name: 'Sync', exact: true })).toBeEnabled();
  await expect(foot).toContainText('↑0 ↓0');
  await expect(foot).toContainText('synced just now');
}

test('a writer sends to review, the reviewer syncs, decides, approves and syncs; the writer sees it all with who and when', async ({ browser }) => {
  test.setTimeout(150_000);
  const remote = path.join(parent, 'desk.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', remote]);
  const writerHost = await startHost(path.join(parent, 'writer'), true);
  hosts.push(writerHost);
  const writer = await openApp(await (await browser.newContext({ viewport: { width: 1360, height: 860 } })).newPage(), writerHost);

  // The writer starts team sync from the panel in the sidebar's foot.
  await writer.getByTestId('team-foot').getByRole('button', { name: /Not shared · Team sync…/ }).click();
  const panel = writer.getByRole('dialog', { name: 'Team sync' });
  const start = panel.getByRole('form', { name: 'Start team sync' });
  await expect(panel.getByRole('form', { name: 'Clone a workspace' })).toBeVisible();
  expect(await violations(writer, '.team-panel', '.team-foot')).toEqual([]);
  await start.getByRole('textbox', { name: /Remote address/ }).fill(remote);
  await start.getByRole('textbox', { name: 'Your name' }).fill('Wen Writer');
  await start.getByRole('textbox', { name: 'Your email' }).fill('wen@desk.example');
  await start.getByRole('button', { name: 'Start team sync' }).click();
  await expect(panel).toContainText(`origin — ${remote}`);
  await expect(panel).toContainText('Wen Writer <wen@desk.example>');
  expect(await violations(writer, '.team-panel')).toEqual([]);
  await panel.getByRole('button', { name: 'Close' }).click();

  // A copy for the reviewer, cloned from the same panel; browser mode says how to open it.
  const reviewerRoot = path.join(parent, 'reviewer');
  const scratchHost = await startHost(path.join(parent, 'scratch'), false);
  hosts.push(scratchHost);
  const scratch = await openApp(await (await browser.newContext({ viewport: { width: 1360, height: 860 } })).newPage(), scratchHost);
  await scratch.getByTestId('team-foot').getByRole('button', { name: /Not shared · Team sync…/ }).click();
  const clone = scratch.getByRole('dialog', { name: 'Team sync' }).getByRole('form', { name: 'Clone a workspace' });
  await clone.getByRole('textbox', { name: 'Remote address' }).fill(remote);
  await clone.getByRole('textbox', { name: 'New folder' }).fill(reviewerRoot);
  await clone.getByRole('textbox', { name: 'Your name' }).fill('Rui Reviewer');
  await clone.getByRole('textbox', { name: 'Your email' }).fill('rui@desk.example');
  await clone.getByRole('button', { name: 'Clone' }).click();
  await expect(clone.getByRole('status')).toContainText(`Cloned into ${reviewerRoot}.`);
  await expect(clone.getByRole('status')).toContainText(`npm run web -- --workspace ${reviewerRoot}`);
  await scratch.context().close();

  await writer.getByRole('button', { name: SCHOOLS }).click();
  await writer.getByRole('button', { name: 'Send to review' }).click();
  await expect(writer.getByTestId('article-status')).toHaveText('In review');
  await syncFromFoot(writer);

  // The reviewer syncs: the piece arrives in review, with who sent it and when.
  const reviewerHost = await startHost(reviewerRoot, false);
  hosts.push(reviewerHost);
  const reviewer = await openApp(await (await browser.newContext({ viewport: { width: 1360, height: 860 } })).newPage(), reviewerHost);
  await syncFromFoot(reviewer);
  const reviewerRow = reviewer.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: SCHOOLS });
  await expect(reviewerRow).toContainText('In review');
  await expect(reviewerRow).toContainText('Wen Writer · just now');

  await reviewerRow.click();
  await expect(reviewer.getByRole('textbox', { name: 'Headline' })).toHaveValue(SCHOOLS);
  await reviewer.getByRole('button', { name: 'Review', exact: true }).click();
  const claim = reviewer.locator('.claim').first();
  await claim.getByRole('button', { name: 'Verified' }).click();
  const nameDialog = reviewer.getByRole('dialog', { name: 'Your name' });
  await nameDialog.getByRole('textbox', { name: 'Name' }).fill('Rui Reviewer');
  await nameDialog.getByRole('button', { name: 'Save' }).click();
  await expect(claim).toContainText('Verified by Rui Reviewer');
  await reviewer.getByRole('button', { name: 'Approve', exact: true }).click();
  await reviewer.getByRole('alert').filter({ hasText: 'claims are open' }).getByRole('button', { name: 'Approve anyway…' }).click();
  const override = reviewer.getByRole('dialog', { name: 'Approve with open claims' });
  await override.getByRole('textbox').fill('Figures confirmed by phone with Maasgate.');
  await override.getByRole('button', { name: 'Approve anyway' }).click();
  await expect(reviewer.getByTestId('article-status')).toHaveText('Approved');
  await syncFromFoot(reviewer);

  // The writer syncs and sees the decision and the status, with who and when.
  await syncFromFoot(writer);
  const writerRow = writer.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: SCHOOLS });
  await expect(writerRow).toContainText('Approved');
  await expect(writerRow).toContainText('Rui Reviewer · just now');
  await expect(writer.getByTestId('article-status')).toHaveText('Approved');
  // The open article says where the new text came from: the sync, not some other program.
  await expect(writer.getByRole('status').filter({ hasText: 'Updated from the team sync' })).toBeVisible();
  await writer.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(writer.locator('.claim').filter({ hasText: 'Verified by Rui Reviewer' })).toHaveCount(1);
  const review = writer.getByRole('complementary', { name: 'Review' });
  await review.getByRole('button', { name: 'History', exact: true }).click();
  await expect(review.getByTestId('review-history')).toContainText('Rui Reviewer');
  await expect(review.getByTestId('review-history')).toContainText('Wen Writer');

  // The article's versions list its commits in the team's history: who, when, what.
  await writer.getByRole('button', { name: 'Article ▾' }).click();
  const versionsItem = writer.getByRole('menuitem', { name: /Versions/ });
  await versionsItem.click();
  const commits = writer.getByRole('region', { name: 'In the team’s history' });
  await expect(commits.getByRole('listitem').first()).toContainText(/Rui Reviewer.*Approve: Serra do Lume’s village schools/);
  await expect(commits).toContainText(/Wen Writer.*Send to review: Serra do Lume’s/);
  expect(await violations(writer, '.team-commits', '.library', '.team-foot')).toEqual([]);
  await writer.emulateMedia({ colorScheme: 'dark' });
  expect(await violations(writer, '.team-commits', '.library', '.team-foot')).toEqual([]);
  await writer.emulateMedia({ colorScheme: 'light' });
  if (process.env.COPYDESK_TEAM_SCREENSHOTS) {
    await writer.getByRole('dialog', { name: 'Versions' }).getByRole('button', { name: 'Close' }).click();
    await writer.getByTestId('team-foot').getByRole('button', { name: /origin/ }).click();
    await writer.screenshot({ path: process.env.COPYDESK_TEAM_SCREENSHOTS });
  }
});
