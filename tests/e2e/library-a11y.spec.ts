/**
 * The library's parts, checked with axe-core as a screen reader user would meet them: the
 * search box and filters, the list, the command palette (a combobox over a listbox), the
 * tags field and the related articles, in the light and the dark theme.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createArticle } from './library-helpers';

async function violations(app: Page, ...selectors: string[]) {
  let builder = new AxeBuilder({ page: app });
  for (const selector of selectors) builder = builder.include(selector);
  const result = await builder.analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the library, palette, tags and related articles pass axe (${scheme})`, async ({ app }) => {
    await app.emulateMedia({ colorScheme: scheme });
    await createArticle(app, { headline: 'Harbour pilots warn of night shifts', tags: ['ports'], paragraphs: ['Pilots want a second crew at night in the harbour.'] });
    await createArticle(app, { headline: 'Port authority answers pilots', tags: ['ports'], paragraphs: ['The harbour authority said pilots will get a second crew.'] });
    await app.getByRole('button', { name: 'Filters' }).click();
    await expect(app.getByRole('group', { name: 'Filters' })).toBeVisible();
    expect(await violations(app, '.library-search', '.library-controls', '.library')).toEqual([]);

    await app.getByRole('searchbox', { name: 'Search articles' }).fill('pilots');
    await expect(app.getByRole('region', { name: 'Search results' }).locator('mark').first()).toBeVisible();
    expect(await violations(app, '.library-search', '.search-results')).toEqual([]);
    await app.getByRole('searchbox', { name: 'Search articles' }).fill('');

    await app.getByRole('list', { name: 'Articles', exact: true }).getByRole('button', { name: /Harbour pilots/ }).click();
    await expect(app.getByRole('list', { name: 'Suggested related articles' })).toBeVisible({ timeout: 15_000 });
    expect(await violations(app, '.tags-field', '.related')).toEqual([]);

    await app.keyboard.press('Control+Shift+P');
    await expect(app.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
    expect(await violations(app, '.palette')).toEqual([]);
  });
}
