/**
 * axe-core over every view a user meets, in the light and the dark theme: the library, the
 * editor, each menu and dialog, the trash and the version view. No serious or critical
 * violation of WCAG 2.1 A/AA is allowed; lesser ones are printed.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callApi } from './page-helpers';

test.use({ seed: true });

async function audit(app: Page, what: string) {
  // Transitions done, so colors are measured as they settle.
  await app.waitForTimeout(250);
  const result = await new AxeBuilder({ page: app }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const grave = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const lines = grave.flatMap((v) => v.nodes.slice(0, 5).map((n) => `${what}: [${v.impact}] ${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(0, 3).join(' ')}`));
  expect.soft(lines, `axe on ${what}`).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`the library, the editor, its menus and dialogs, the trash and the versions pass axe (${colorScheme})`, async ({ app }) => {
      test.setTimeout(120_000);
      await audit(app, 'library');

      const first = app.locator('.library [tabindex="0"]').first();
      await first.click();
      await expect(app.getByRole('textbox', { name: 'Article body' })).toBeVisible();
      await audit(app, 'editor');
      // One h1 on the page, the editor open or not.
      await expect(app.locator('h1')).toHaveCount(1);

      await app.getByRole('button', { name: 'Article ▾' }).click();
      await expect(app.getByRole('menu', { name: 'Article' })).toBeVisible();
      await audit(app, 'article menu');
      await app.keyboard.press('Escape');

      await app.getByRole('button', { name: /^Outline/ }).click();
      await audit(app, 'outline');
      await app.keyboard.press('Escape');

      await app.getByRole('textbox', { name: 'Article body' }).click();
      await app.keyboard.press('Control+h');
      await app.getByRole('searchbox', { name: 'Find' }).fill('the');
      await audit(app, 'find and replace');
      await app.keyboard.press('Escape');

      await app.getByRole('button', { name: /^More/ }).click();
      await audit(app, 'toolbar more menu');
      await app.keyboard.press('Escape');

      await app.keyboard.press('Control+Shift+r');
      await expect(app.locator('.review-panel')).toBeVisible();
      await audit(app, 'review panel');
      await app.keyboard.press('Control+Shift+r');

      await app.keyboard.press('Control+/');
      await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await audit(app, 'keyboard shortcuts');
      await app.keyboard.press('Escape');

      await app.keyboard.press('Control+Shift+p');
      await expect(app.getByRole('dialog').first()).toBeVisible();
      await audit(app, 'command palette');
      await app.keyboard.press('Escape');

      // A version to look at: the article as it is, kept.
      const id = await app.locator('.article-pane').getAttribute('data-article-id');
      await callApi(app, 'articles.keepVersion', { id });
      await app.getByRole('button', { name: 'Article ▾' }).click();
      await app.getByRole('menuitem', { name: 'Versions…' }).click();
      await expect(app.getByTestId('version-compare')).toContainText('compared with the text now');
      await audit(app, 'versions');
      await app.keyboard.press('Escape');

      await app.getByRole('button', { name: 'Article ▾' }).click();
      await app.getByRole('menuitem', { name: 'Export…' }).click();
      await expect(app.getByRole('dialog').first()).toBeVisible();
      await audit(app, 'export dialog');
      await app.keyboard.press('Escape');

      await app.getByRole('button', { name: 'Article ▾' }).click();
      await app.getByRole('menuitem', { name: 'Move to trash' }).click();
      await expect(app.getByRole('button', { name: 'Undo' })).toBeVisible();
      await audit(app, 'after a move to the trash');
      await app.getByRole('button', { name: 'Trash' }).click();
      await expect(app.getByRole('button', { name: 'Restore' }).first()).toBeVisible();
      await audit(app, 'trash');
      await app.getByRole('button', { name: /^Sources/ }).click();
      await audit(app, 'source library');
      await app.getByRole('button', { name: /^New source/ }).first().click();
      await expect(app.getByRole('dialog').first()).toBeVisible();
      await audit(app, 'new source dialog');
    });
  });
}
