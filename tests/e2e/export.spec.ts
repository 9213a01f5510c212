/**
 * Export as the desk uses it, on the sample workspace: one article from its menu (the
 * gate's verdict with the open claims, refused without a reason, exported with one, a
 * preview that loads nothing, the bundle on disk with the reason in its manifest), then
 * several from the sidebar with progress and a summary, and a bundle imported back.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callApi } from './page-helpers';

test.use({ seed: true });

const ROTTERDAM = 'rotterdam-terminal-strike-talks-narrow-pay-gap-but-stall-on-shift-rosters';
const HEATING = 'lindemeer-heating-subsidy-reaches-fewer-than-half-of-eligible-households';

/** Every text the element with this test id shows while the test runs, seen as it changes. */
async function recordTexts(app: Page, testId: string): Promise<() => Promise<string[]>> {
  // Strings, not functions: the tests' TypeScript has no DOM.
  await app.evaluate(`(() => {
    const seen = (window.seenTexts = []);
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid=${JSON.stringify(testId)}]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  return () => app.evaluate<string[]>('window.seenTexts');
}

test('the Rotterdam piece: the gate lists its open claims, refuses without a reason, exports with one; the preview loads nothing', async ({ app, host }) => {
  const fromFrames: string[] = [];
  app.on('request', (request) => {
    if (request.frame() !== app.mainFrame()) fromFrames.push(request.url());
  });
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  await app.getByRole('button', { name: /Rotterdam terminal strike talks/ }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue(/Rotterdam/);
  await app.getByRole('button', { name: 'Article ▾' }).click();
  await app.getByRole('menuitem', { name: 'Export…' }).click();

  const dialog = app.getByRole('dialog', { name: /^Export “Rotterdam terminal strike talks/ });
  const verdict = dialog.getByTestId('gate-verdict');
  await expect(verdict.getByRole('heading', { level: 3 })).toHaveText('Not ready: 15 problems stop publication');
  const open = verdict.getByRole('region', { name: '15 claims are open' });
  await expect(open).toContainText('In review mode');
  await expect(open.getByRole('listitem')).toHaveCount(15);
  await expect(open).toContainText('The quote “paid for with productivity, not promises.” is not found in any attached source');

  // The tab says its count in words.
  await expect(dialog.getByRole('tab', { name: 'Export 15 problems', exact: true })).toBeVisible();

  // Past the gate only with a reason: the field has the focus, and without a reason nothing can be written.
  const reasonField = dialog.getByRole('textbox', { name: 'Reason to export anyway' });
  await expect(reasonField).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Export anyway' })).toBeDisabled();
  await app.keyboard.type('   ');
  await expect(dialog.getByRole('button', { name: 'Export anyway' })).toBeDisabled();
  await reasonField.fill('');
  expect(existsSync(path.join(host.workspace, 'exports', ROTTERDAM))).toBe(false);

  // The preview: the bundle's page in a frame that may run and load nothing.
  await dialog.getByRole('tab', { name: 'Preview' }).click();
  const frame = dialog.locator('iframe');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(frame).toHaveAttribute('srcdoc', /Content-Security-Policy/);
  const page = frame.contentFrame();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rotterdam terminal strike talks narrow pay gap but stall on shift rosters');
  await expect(page.locator('a[href^="http"]')).toHaveCount(0);
  await expect(page.locator('[data-preview-href^="https://"]').first()).toBeAttached();

  await dialog.getByRole('tab', { name: 'Export' }).click();
  const reason = 'Desk decision: the open figures were confirmed by phone with the port authority.';
  await dialog.getByRole('textbox', { name: 'Reason to export anyway' }).fill(reason);
  await dialog.getByRole('checkbox', { name: 'Also write a .zip of the bundle' }).check();
  await dialog.getByRole('button', { name: 'Export anyway' }).click();

  const outcome = dialog.getByTestId('export-outcome');
  await expect(outcome.getByRole('heading')).toHaveText('✓ Exported');
  const folder = path.join(host.workspace, 'exports', ROTTERDAM);
  await expect(outcome.locator('code').first()).toHaveText(folder);
  await expect(outcome).toContainText(reason);
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Copy path: Folder' }).click();
  await expect(outcome.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await app.evaluate<string>('navigator.clipboard.readText()')).toBe(folder);

  for (const file of ['index.html', 'ninjs.json', 'manifest.json']) expect(existsSync(path.join(folder, file)), file).toBe(true);
  expect(existsSync(`${folder}.zip`)).toBe(true);
  const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'));
  expect(manifest.gate.override).toBe(reason);
  expect(manifest.gate.problems).toHaveLength(15);
  expect(fromFrames, 'requests made by the preview').toEqual([]);

  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('button', { name: 'Article ▾' })).toBeFocused();
});

test('approved past its open claims with a reason: the verdict says so, by whom and why, and lists the claims it went past', async ({ app }) => {
  type Saved = { revision: string; summary: { id: string } };
  const list = await callApi<{ articles: Array<{ id: string; slug: string }> }>(app, 'articles.list', {});
  const id = list.articles.find((a) => a.slug === ROTTERDAM)!.id;
  const { revision } = await callApi<{ revision: string }>(app, 'articles.get', { id });
  const inReview = await callApi<Saved>(app, 'articles.setStatus', { id, baseRevision: revision, status: 'in-review', by: 'Ana Lima' });
  const reason = 'Figures confirmed by phone with Maasgate.';
  await callApi<Saved>(app, 'articles.setStatus', { id, baseRevision: inReview.revision, status: 'approved', by: 'Ana Lima', override: reason });

  await app.getByRole('button', { name: /Rotterdam terminal strike talks/ }).click();
  await expect(app.getByTestId('article-status')).toHaveText('Approved');
  await app.getByRole('button', { name: 'Article ▾' }).click();
  await app.getByRole('menuitem', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: /^Export “Rotterdam terminal strike talks/ });
  const verdict = dialog.getByTestId('gate-verdict');
  await expect(verdict.getByRole('heading', { level: 3 })).toHaveText('✓ Ready to export — approved past 15 open claims');
  await expect(verdict).not.toContainText('No open or disputed claims');
  await expect(verdict.getByTestId('gate-approval')).toContainText(`Approved by Ana Lima on `);
  await expect(verdict.getByTestId('gate-approval')).toContainText(`with the reason: “${reason}”`);
  await verdict.getByText('The 15 open claims it went past').click();
  await expect(verdict.getByRole('list', { name: 'Claims the approval went past' }).getByRole('listitem')).toHaveCount(15);
  // Nothing else stops it: a plain Export, no reason asked.
  await expect(dialog.getByRole('textbox', { name: 'Reason to export anyway' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeEnabled();
});

test('a batch from the sidebar: the approved article picked, progress, a summary, past the gate with a reason; the zip imported back', async ({ app, host }) => {
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export articles' });
  const filters = dialog.getByRole('group', { name: 'Show articles' });
  await expect(filters.getByRole('button', { name: 'Approved 1' })).toHaveAttribute('aria-pressed', 'true');
  const list = dialog.getByRole('list', { name: 'Articles to export' });
  await expect(list.getByRole('checkbox')).toHaveCount(1);
  await expect(list.getByRole('checkbox', { name: /Lindemeer heating subsidy/ })).toBeChecked();

  // The Rotterdam piece too, found among all of them.
  await filters.getByRole('button', { name: 'All 4' }).click();
  await expect(list.getByRole('checkbox', { name: /Rotterdam terminal strike/ })).not.toBeChecked();
  await dialog.getByRole('searchbox', { name: 'Find by headline' }).fill('rotterdam');
  await expect(list.getByRole('checkbox')).toHaveCount(1);
  await list.getByRole('checkbox', { name: /Rotterdam terminal strike/ }).check();
  await dialog.getByRole('checkbox', { name: 'Also write a .zip of each bundle' }).check();

  const progress = await recordTexts(app, 'export-progress');
  await dialog.getByRole('button', { name: 'Export 2 articles' }).click();
  const summary = dialog.getByTestId('batch-summary');
  // The approved article has its claims settled by the reviewer: it passes the gate; the Rotterdam piece, still in review with open claims, does not.
  await expect(summary.getByRole('heading', { level: 3 })).toHaveText('1 exported · 1 refused · 0 failed');
  // The count moves with the host's progress events, before its answer comes, and names the article at work
  // (on a busy machine both events may land in one frame, so the second article's line may be skipped).
  const seen = await progress();
  expect(seen[0]).toBe('Exporting 1 of 2: “Rotterdam terminal strike talks narrow pay gap but stall on shift rosters”');
  expect(seen).toContainEqual(
    expect.stringMatching(/^(Exporting 2 of 2: “Lindemeer heating subsidy reaches fewer than half of eligible households”|Exported 2 of 2; writing the summary…)$/),
  );
  expect(seen.at(-1)).toBe('Finished: 2 of 2');
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute('value', '2');
  await expect(summary.getByRole('region', { name: 'Exported' }).getByRole('listitem')).toHaveText([`“Lindemeer heating subsidy reaches fewer than half of eligible households” → ${HEATING}/ and ${HEATING}.zip`]);
  const passed = JSON.parse(await readFile(path.join(host.workspace, 'exports', HEATING, 'manifest.json'), 'utf8'));
  expect(passed.gate).toBeUndefined();
  const refused = summary.getByRole('region', { name: 'Refused by the gate' });
  await refused.getByText('“Rotterdam terminal strike talks narrow pay gap but stall on shift rosters”').click();
  await expect(refused.getByRole('region', { name: '15 claims are open' })).toBeVisible();

  await refused.getByRole('button', { name: 'Export it anyway' }).click();
  await expect(refused.getByRole('alert')).toHaveText(/a reason is required/);
  await refused.getByRole('textbox', { name: 'Reason to export it anyway' }).fill('Approved by the night editor.');
  await refused.getByRole('button', { name: 'Export it anyway' }).click();
  await expect(summary.getByRole('heading', { level: 3 })).toHaveText('1 exported · 0 refused · 0 failed');
  await expect(dialog.getByTestId('export-progress')).toHaveText('Finished: 1 of 1');
  await expect(summary.locator('code')).toHaveText(path.join(host.workspace, 'exports'));
  await expect(summary.getByRole('region', { name: 'Exported' }).getByRole('listitem')).toHaveText([
    `“Rotterdam terminal strike talks narrow pay gap but stall on shift rosters” → ${ROTTERDAM}/ and ${ROTTERDAM}.zip`,
  ]);
  const manifest = JSON.parse(await readFile(path.join(host.workspace, 'exports', ROTTERDAM, 'manifest.json'), 'utf8'));
  expect(manifest.gate.override).toBe('Approved by the night editor.');

  // The zip back in: refused as it is when damaged, a new draft when whole.
  await dialog.getByRole('button', { name: 'Back to the list' }).click();
  await dialog.getByRole('button', { name: 'Import a bundle…' }).click();
  const importing = app.getByRole('dialog', { name: 'Import a bundle' });
  const file = importing.getByLabel('Bundle file (.zip)');
  await file.setInputFiles({ name: 'broken.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') });
  await importing.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importing.getByRole('alert')).toHaveText(/^Not a bundle Copydesk can import: /);
  await file.setInputFiles(path.join(host.workspace, 'exports', `${ROTTERDAM}.zip`));
  await importing.getByRole('button', { name: 'Import', exact: true }).click();
  const imported = importing.getByTestId('import-outcome');
  await expect(imported).toContainText('Imported as a new draft');
  await expect(imported).toContainText(`articles/${ROTTERDAM}-2.json`);
  await expect(imported).toContainText('1 source reused from the library.');
  await importing.getByRole('button', { name: 'Done' }).click();
  await expect(importing).toBeHidden();
  await expect(app.locator('.status-bar__file')).toContainText(`${ROTTERDAM}-2.json`);
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue('Rotterdam terminal strike talks narrow pay gap but stall on shift rosters');
  const draft = JSON.parse(await readFile(path.join(host.workspace, 'articles', `${ROTTERDAM}-2.json`), 'utf8'));
  expect(draft.meta.status).toBe('draft');
});
