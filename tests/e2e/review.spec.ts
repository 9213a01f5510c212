/**
 * Review mode and the workflow, on the sample workspace (its README is the answer key):
 * the claims of the Rotterdam piece with their statuses beside the text, a click that
 * selects a claim's words, decisions recorded with the reviewer's name (asked once), the
 * approval gate refusing while claims are open and taking a written reason, the history of
 * every step, and approved copy that asks before it is edited.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callApi } from './page-helpers';

test.use({ seed: true });

const ROTTERDAM = 'rotterdam-terminal-strike-talks-narrow-pay-gap-but-stall-on-shift-rosters';
const HEATING = 'lindemeer-heating-subsidy-reaches-fewer-than-half-of-eligible-households';

async function articleFile(workspace: string, slug: string) {
  return JSON.parse(await readFile(path.join(workspace, 'articles', `${slug}.json`), 'utf8'));
}

/** The review panel's card of the claim whose words are `words`. */
const claimCard = (app: Page, words: string) => app.locator('.claim').filter({ has: app.getByRole('button', { name: words, exact: true }) });

async function answerName(app: Page, name: string) {
  const dialog = app.getByRole('dialog', { name: 'Your name' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

test('a reviewer checks the Rotterdam piece, decides, is refused approval, approves with a reason, and the history keeps it all', async ({ app, host }) => {
  await app.getByRole('button', { name: /Rotterdam terminal strike talks/ }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue(/Rotterdam/);
  await app.keyboard.press('Control+Shift+R');
  const panel = app.getByRole('complementary', { name: 'Review' });
  await expect(panel.getByTestId('review-summary')).toHaveText('32 claims · 15 open');
  await expect(app.getByRole('complementary', { name: 'Sources' })).toHaveCount(0);

  // Each status the piece has, as words on a chip and as a filter with its count.
  const filters = panel.getByRole('group', { name: 'Show claims' });
  await expect(filters.getByRole('button', { name: 'Backed 17' })).toBeVisible();
  await expect(filters.getByRole('button', { name: 'Close 4' })).toBeVisible();
  await expect(filters.getByRole('button', { name: 'Not found 11' })).toBeVisible();
  const backed = claimCard(app, '“moved a long way in a short time”');
  await expect(backed.locator('.claim-chip')).toHaveText('Backed');
  await expect(backed.locator('mark')).toHaveText('moved a long way in a short time');
  const close = claimCard(app, '“difficult but businesslike.”');
  await expect(close.locator('.claim-chip')).toHaveText('Close');
  await expect(close).toContainText('Quote · Anna Verhoeven');
  await expect(close.locator('ins')).toHaveText('very');
  const missing = claimCard(app, '“paid for with productivity, not promises.”');
  await expect(missing.locator('.claim-chip')).toHaveText('Not found');

  // A click on a claim selects its words in the text.
  await close.getByRole('button', { name: '“difficult but businesslike.”' }).click();
  const selectedInBody = `(() => {
    const selection = window.getSelection();
    const body = document.querySelector('[aria-label="Article body"]');
    return selection && body && body.contains(selection.anchorNode) ? selection.toString() : null;
  })()`;
  await expect.poll(() => app.evaluate(selectedInBody)).toBe('difficult but businesslike.');

  // Decisions: the name is asked once, then kept.
  const brinkman = claimCard(app, '“Every week this lasts, some of that cargo doesn’t come back,”');
  await brinkman.getByRole('button', { name: 'Verified' }).click();
  await answerName(app, 'Ana Lima');
  await expect(brinkman).toContainText('Verified by Ana Lima');
  await expect(panel.getByTestId('review-summary')).toHaveText('32 claims · 14 open');
  const fees = claimCard(app, '€2.1 million');
  await fees.getByRole('button', { name: 'Comment' }).click();
  await fees.getByRole('textbox', { name: 'Comment' }).fill('Ask the desk for the internal figures.');
  await fees.getByRole('button', { name: 'Needs source' }).click();
  await expect(fees).toContainText('Needs source by Ana Lima');
  await expect(fees).toContainText('Ask the desk for the internal figures.');
  await expect(app.getByRole('dialog', { name: 'Your name' })).toHaveCount(0);
  await expect(panel).toContainText('Signing as: Ana Lima');
  expect((await callApi<{ reviewerName: string }>(app, 'workspace.settings', {})).reviewerName).toBe('Ana Lima');

  // Back to the writer with a note, and in for review again.
  await app.getByRole('button', { name: 'Return to writer…' }).click();
  const returning = app.getByRole('dialog', { name: 'Return to writer' });
  await expect(returning.getByRole('button', { name: 'Return to writer' })).toBeDisabled();
  await returning.getByRole('textbox').fill('Source the strike-fund figure.');
  await returning.getByRole('button', { name: 'Return to writer' }).click();
  await expect(app.getByTestId('article-status')).toHaveText('Draft');
  await app.getByRole('button', { name: 'Send to review' }).click();
  await expect(app.getByTestId('article-status')).toHaveText('In review');

  // The gate refuses while claims are open, and shows them.
  await app.getByRole('button', { name: 'Approve', exact: true }).click();
  const refusal = app.getByRole('alert').filter({ hasText: 'claims are open' });
  await expect(refusal).toContainText('14 claims are open');
  await expect(app.getByTestId('article-status')).toHaveText('In review');
  // The focus goes to the banner's next step, not to the page's body.
  await expect(refusal.getByRole('button', { name: 'Show open claims' })).toBeFocused();
  await refusal.getByRole('button', { name: 'Show open claims' }).click();
  await expect(filters.getByRole('button', { name: 'Open 14' })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.locator('.claim')).toHaveCount(14);

  // Approved anyway, with the written reason it asks for.
  await refusal.getByRole('button', { name: 'Approve anyway…' }).click();
  const override = app.getByRole('dialog', { name: 'Approve with open claims' });
  await expect(override.getByRole('button', { name: 'Approve anyway' })).toBeDisabled();
  await expect(override.getByRole('textbox')).toBeFocused();
  await app.keyboard.type('Figures confirmed by phone with Maasgate; quotes from our own recording.');
  await override.getByRole('button', { name: 'Approve anyway' }).click();
  await expect(app.getByTestId('article-status')).toHaveText('Approved');
  await expect(app.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: /Rotterdam/ })).toContainText('Approved');
  // Approved past open claims, said beside the status with the reason, and a way to the history.
  const pastOpen = app.getByRole('group', { name: 'Workflow' }).locator('.workflow__override');
  await expect(pastOpen).toHaveText('· with 14 open claims');
  await expect(pastOpen).toHaveAttribute('aria-label', /^Approved with 14 open claims\. Reason: Figures confirmed by phone/);
  await panel.getByRole('button', { name: 'History', exact: true }).click();
  await expect(panel.getByRole('heading', { name: 'History' })).toBeFocused();

  const history = panel.getByTestId('review-history').getByRole('listitem');
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText('In review → Approved');
  await expect(history.nth(0)).toContainText('Ana Lima');
  await expect(history.nth(0)).toContainText('Approved past open claims: Figures confirmed by phone with Maasgate');
  await expect(history.nth(1)).toContainText('Draft → In review');
  await expect(history.nth(2)).toContainText('In review → Draft');
  await expect(history.nth(2)).toContainText('Source the strike-fund figure.');

  const file = await articleFile(host.workspace, ROTTERDAM);
  expect(file.meta.status).toBe('approved');
  expect(file.review.history).toMatchObject([
    { from: 'in-review', to: 'draft', by: 'Ana Lima', note: 'Source the strike-fund figure.' },
    { from: 'draft', to: 'in-review', by: 'Ana Lima' },
    { from: 'in-review', to: 'approved', by: 'Ana Lima', override: 'Figures confirmed by phone with Maasgate; quotes from our own recording.' },
  ]);
  expect(file.review.decisions).toMatchObject([
    { decision: 'verified', by: 'Ana Lima', text: 'Every week this lasts, some of that cargo doesn’t come back,' },
    { decision: 'needs-source', by: 'Ana Lima', text: '€2.1 million', comment: 'Ask the desk for the internal figures.' },
  ]);

  // Reopened with a note (typed into approved copy's dialog, which is not the copy).
  await app.getByRole('button', { name: 'Reopen…' }).click();
  const reopening = app.getByRole('dialog', { name: 'Reopen for review' });
  await reopening.getByRole('textbox').pressSequentially('The union disputes the 38,000 figure.');
  await expect(app.getByRole('dialog', { name: 'This article is approved' })).toHaveCount(0);
  await reopening.getByRole('button', { name: 'Reopen' }).click();
  await expect(app.getByTestId('article-status')).toHaveText('In review');
  await expect(history).toHaveCount(4);
  await expect(history.nth(0)).toContainText('Approved → In review');
  await expect(history.nth(0)).toContainText('The union disputes the 38,000 figure.');

  // The report comes as a file.
  const [download] = await Promise.all([app.waitForEvent('download'), panel.getByRole('button', { name: 'Download Markdown' }).click()]);
  expect(download.suggestedFilename()).toBe(`${ROTTERDAM}-review.md`);
  const report = await readFile((await download.path())!, 'utf8');
  expect(report).toContain('Figures confirmed by phone with Maasgate');
});

test('the claims are marked in the text, and the check follows the text as it is typed', async ({ app }) => {
  await app.getByRole('button', { name: /Rotterdam terminal strike talks/ }).click();
  await app.getByRole('button', { name: 'Review', exact: true }).click();
  const panel = app.getByRole('complementary', { name: 'Review' });
  await expect(panel.getByTestId('review-summary')).toHaveText('32 claims · 15 open');

  // The claims are marked in the text by status (highlights over the page, not in the document), and can be unmarked.
  const marked = (status: string) =>
    app.evaluate(`[...(CSS.highlights.get('claim-${status}') ?? [])].map((range) => range.toString())`) as Promise<string[]>;
  await expect.poll(() => marked('close')).toContain('difficult but businesslike.');
  expect(await marked('not-found')).toContain('paid for with productivity, not promises.');
  expect(await marked('backed')).toContain('moved a long way in a short time');
  await expect(app.getByRole('textbox', { name: 'Article body' }).locator('mark, [class*="claim"]')).toHaveCount(0);
  await panel.getByRole('checkbox', { name: 'Mark claims in the text' }).uncheck();
  await expect.poll(() => app.evaluate('CSS.highlights.size')).toBe(0);
  await panel.getByRole('checkbox', { name: 'Mark claims in the text' }).check();

  await app.getByRole('textbox', { name: 'Article body' }).getByText(/^The mood at the table has improved/).click();
  await app.keyboard.press('End');
  await app.keyboard.type(' A dock worker put the queue at 4,000 lorries.');
  await expect(panel.getByTestId('review-summary')).toHaveText('33 claims · 16 open');
  await expect(claimCard(app, '4,000').locator('.claim-chip')).toHaveText('Not found');
  await expect.poll(() => marked('not-found')).toContain('4,000');

  // On a narrow window the panel lies over the text; Escape puts it away.
  await app.setViewportSize({ width: 1000, height: 760 });
  await expect(panel).toHaveCSS('position', 'absolute');
  await app.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Review', exact: true })).toHaveAttribute('aria-pressed', 'false');
});

test('approved copy asks before it is edited, and editing it sends it back to review', async ({ app, host }) => {
  await app.getByRole('button', { name: /Lindemeer heating subsidy/ }).click();
  await expect(app.getByTestId('article-status')).toHaveText('Approved');
  const body = app.getByRole('textbox', { name: 'Article body' });
  await expect(body).toHaveAttribute('contenteditable', 'false');
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveAttribute('readonly', '');
  const before = await articleFile(host.workspace, HEATING);

  // Typing asks; Cancel leaves the text and the file as they were.
  await body.getByText(/^Lindemeer’s winter heating subsidy/).click();
  await app.keyboard.type('x');
  const ask = app.getByRole('dialog', { name: 'This article is approved' });
  await expect(ask).toContainText('Editing it sends it back to review.');
  // A second keystroke lands on Cancel, not on Edit and reopen.
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect(app.getByTestId('article-status')).toHaveText('Approved');
  expect(await articleFile(host.workspace, HEATING)).toEqual(before);

  // Edit and reopen: back in review (recorded with the name asked for), and editable.
  await app.getByRole('button', { name: 'Edit…' }).click();
  await ask.getByRole('button', { name: 'Edit and reopen' }).click();
  await answerName(app, 'Tom Berg');
  await expect(app.getByTestId('article-status')).toHaveText('In review');
  await expect(body).toHaveAttribute('contenteditable', 'true');
  await body.getByText(/^Lindemeer’s winter heating subsidy/).click();
  await app.keyboard.press('End');
  await app.keyboard.type(' Reopened for a fix.');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });

  const file = await articleFile(host.workspace, HEATING);
  expect(file.meta.status).toBe('in-review');
  expect(JSON.stringify(file.body)).toContain('Reopened for a fix.');
  expect(file.review.history.at(-1)).toMatchObject({ from: 'approved', to: 'in-review', by: 'Tom Berg', note: 'Edited after approval' });
  await app.keyboard.press('Control+Shift+R');
  const latest = app.getByRole('complementary', { name: 'Review' }).getByTestId('review-history').getByRole('listitem').first();
  await expect(latest).toContainText('Approved → In review');
  await expect(latest).toContainText('Tom Berg');
  await expect(latest).toContainText('Edited after approval');
});
