/**
 * The renderer runs under a CSP with no inline style attributes (src/shared/csp.ts): the
 * library, the editor, review mode, find and the export dialog report no violation, and
 * the export preview, a srcdoc frame that inherits the policy, still gets the bundle
 * page's own inline stylesheet.
 */
import { expect, test } from './fixtures';

test.use({ seed: true });

test('no view breaks the style policy, and the export preview keeps the bundle page’s styles', async ({ app }) => {
  await app.evaluate(`(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.sample));
  })()`);
  await app.getByRole('button', { name: /Lindemeer heating subsidy/ }).click();
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue(/Lindemeer/);
  await app.keyboard.press('Control+Shift+R');
  await expect(app.getByRole('complementary', { name: 'Review' })).toBeVisible();
  await app.keyboard.press('Control+Shift+R');
  await app.getByRole('button', { name: 'Article ▾' }).click();
  await app.getByRole('menuitem', { name: 'Export…' }).click();
  await app.getByRole('tab', { name: 'Preview' }).click();
  const frame = app.frameLocator('iframe.export-preview__frame');
  await expect(frame.getByRole('heading', { level: 1 })).toContainText('Lindemeer heating subsidy');
  // The bundle's stylesheet applied: its page is not in the browser's default serif.
  const font = await frame.locator('body').evaluate((body) => (body.ownerDocument.defaultView as unknown as { getComputedStyle(e: unknown): { fontFamily: string } }).getComputedStyle(body).fontFamily);
  expect(font).not.toMatch(/^("?Times|serif$)/);
  expect(await app.evaluate('window.cspViolations')).toEqual([]);
});
