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

test('in a long article, counts, outline and find follow edits in the middle, a deleted block and an undo', async ({ app }) => {
  const created = await callApi<{ id: string; revision: string }>(app, 'articles.create', { meta: { headline: 'Harbour budget' } });
  // 600 paragraphs of 8 words: 4,800 words, and one subhead in the middle.
  const paragraphs = Array.from({ length: 600 }, (_, i) => block('paragraph', `Line ${i + 1} of the harbour budget story here.`, { textFormat: 0, textStyle: '' }));
  paragraphs.splice(300, 0, block('heading', 'The middle of it', { tag: 'h2' }));
  const body = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: paragraphs } };
  await callApi(app, 'articles.save', { id: created.id, baseRevision: created.revision, body });
  await app.reload();
  await app.getByRole('button', { name: /Harbour budget/ }).click();
  const words = app.getByTestId('word-count');
  await expect(words).toHaveText('4,804 words');

  // Three words typed at the end of a paragraph in the middle.
  await selectInBody(app, 'Line 250 of the harbour budget story here.');
  await app.keyboard.press('End');
  await app.keyboard.type(' Three more words');
  await expect(words).toHaveText('4,807 words');

  // A new subhead in the middle, then the outline lists it in its place.
  await app.keyboard.press('Enter');
  await app.keyboard.type('## A new subhead');
  await expect(words).toHaveText('4,810 words');
  await expect(app.getByRole('button', { name: 'Outline (2)' })).toBeVisible();

  // A whole paragraph selected and deleted further on.
  await selectInBody(app, 'Line 400 of the harbour budget story here.');
  await app.keyboard.press('Backspace');
  await expect(words).toHaveText('4,802 words');

  // Find counts a word as it is typed in the middle, and after the paragraph comes back.
  await app.keyboard.press('Control+f');
  await app.getByRole('searchbox', { name: 'Find' }).fill('budget');
  const found = app.getByTestId('find-count');
  await expect(found).toHaveText('1 of 599');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('textbox', { name: 'Article body' })).toBeFocused();
  await app.keyboard.press('Control+z');
  // The undo gives the words back selected, as they were.
  await expect(app.getByTestId('selection-count')).toHaveText('Selected: 8 words of 4,810 · 42 characters · 1 min read');
  await app.keyboard.press('End');
  await app.keyboard.press('Control+f');
  await app.getByRole('searchbox', { name: 'Find' }).fill('budget');
  await expect(found).toHaveText('1 of 600');
  await app.keyboard.press('Escape');
  await selectInBody(app, 'Line 10 of the harbour budget story here.');
  await app.keyboard.press('End');
  await app.keyboard.type(' And a budget.');
  await expect(words).toHaveText('4,813 words');
  await app.keyboard.press('Control+f');
  await app.getByRole('searchbox', { name: 'Find' }).fill('budget');
  await expect(found).toHaveText('1 of 601');
  // Typed with the bar open: the count follows each keystroke.
  await selectInBody(app, 'Line 500 of the harbour budget story here.');
  await app.keyboard.press('End');
  await app.keyboard.type(' Budget');
  await expect(found).toHaveText(/ of 602$/);
});
