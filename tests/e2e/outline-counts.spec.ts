import { expect, test } from './fixtures';
import { callApi, selectInBody } from './page-helpers';

const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, style: '', mode: 'normal', detail: 0 });
const block = (type: string, value: string, extra: Record<string, unknown> = {}) => ({ type, version: 1, direction: null, format: '', indent: 0, ...extra, children: [text(value)] });

test('the outline lists the subheads and jumps to one; counts for the article and the selection', async ({ app }) => {
  const created = await callApi<{ id: string; revision: string }>(app, 'articles.create', { meta: { headline: 'Ferry talks' } });
  const filler = Array.from({ length: 40 }, (_, i) => block('paragraph', `Paragraph ${i + 1} of the background, with a few words more.`, { textFormat: 0, textStyle: '' }));
  const body = {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        block('paragraph', 'Crews meet on Monday.', { textFormat: 0, textStyle: '' }),
        block('heading', 'What the crews want', { tag: 'h2' }),
        ...filler,
        block('heading', 'The night rosters', { tag: 'h3' }),
        block('paragraph', 'Twelve more crews, the union says.', { textFormat: 0, textStyle: '' }),
      ],
    },
  };
  await callApi(app, 'articles.save', { id: created.id, baseRevision: created.revision, body });
  await app.reload();
  await app.getByRole('button', { name: /Ferry talks/ }).click();

  // 4 + 4 + 40 × 10 + 3 + 6 words.
  await expect(app.getByTestId('word-count')).toHaveText('417 words');
  await expect(app.getByTestId('char-count')).toHaveText(/^2,\d{3} characters$/);

  const toggle = app.getByRole('button', { name: 'Outline (2)' });
  await toggle.click();
  const outline = app.getByRole('navigation', { name: 'Outline' });
  await expect(outline.getByRole('button')).toHaveText(['What the crews want', 'The night rosters']);
  await expect(outline.getByRole('button', { name: 'What the crews want' })).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Enter');
  await expect(outline).toHaveCount(0);
  // The caret is at the start of that subhead, and it is in view.
  const heading = app.getByRole('textbox', { name: 'Article body' }).locator('h3');
  await expect(heading).toBeInViewport();
  await expect.poll(() => app.evaluate<string>(`window.getSelection().anchorNode?.parentElement?.closest('h3')?.textContent ?? ''`)).toBe('The night rosters');

  await selectInBody(app, 'Twelve more crews');
  await expect(app.getByTestId('selection-count')).toHaveText('Selected: 3 words of 417 · 17 characters · 1 min read');
});
