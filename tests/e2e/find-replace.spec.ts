import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures';
import { callApi } from './page-helpers';

const text = (value: string, format = 0) => ({ type: 'text', version: 1, text: value, format, style: '', mode: 'normal', detail: 0 });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children });

/** An article whose body has "strike" four times: once split across a bold run, once inside "strikers", once as "Strike". */
async function openArticle(app: import('@playwright/test').Page) {
  const created = await callApi<{ id: string; revision: string }>(app, 'articles.create', { meta: { headline: 'Port strike' } });
  const body = {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        paragraph(text('The strike began on Monday. Strike leaders met the '), text('strikers', 1), text(' at noon.')),
        paragraph(text('A second str'), text('ike', 1), text(' is planned; the strike fund is thin.')),
      ],
    },
  };
  await callApi(app, 'articles.save', { id: created.id, baseRevision: created.revision, body });
  await app.reload();
  await app.getByRole('button', { name: /Port strike/ }).click();
  await expect(app.getByRole('textbox', { name: 'Article body' })).toContainText('strike fund');
}

test('find counts matches across formatted runs, with match case and whole word, and leaves the text alone', async ({ app }) => {
  await openArticle(app);
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.keyboard.press('Control+f');
  const find = app.getByRole('searchbox', { name: 'Find' });
  await expect(find).toBeFocused();
  await find.fill('strike');
  const count = app.getByTestId('find-count');
  await expect(count).toHaveText('1 of 5');
  await app.keyboard.press('Enter');
  await expect(count).toHaveText('2 of 5');
  await app.keyboard.press('Shift+Enter');
  await app.keyboard.press('Shift+Enter');
  await expect(count).toHaveText('5 of 5');
  await app.getByRole('button', { name: 'Next match' }).click();
  await expect(count).toHaveText('1 of 5');

  await app.getByLabel('Match case').check();
  await expect(count).toHaveText('1 of 4');
  await app.getByLabel('Whole word').check();
  await expect(count).toHaveText('1 of 3');
  await app.getByLabel('Match case').uncheck();
  await expect(count).toHaveText('1 of 4');

  // The matches are painted, not written into the document.
  const painted = await app.evaluate<number>(`CSS.highlights.get('copydesk-find')?.size ?? 0`);
  expect(painted).toBe(4);
  await expect(app.getByTestId('save-state')).toHaveText('Saved');
  await find.fill('nowhere');
  await expect(count).toHaveText('No matches');

  // Escape closes the bar and gives the body its caret back.
  await app.keyboard.press('Escape');
  await expect(app.getByRole('search', { name: 'Find in article' })).toHaveCount(0);
  await expect(app.getByRole('textbox', { name: 'Article body' })).toBeFocused();
});

test('replace one, then replace all as one undo step', async ({ app, host }) => {
  await openArticle(app);
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.keyboard.press('Control+h');
  await app.getByRole('searchbox', { name: 'Find' }).fill('strike');
  await app.getByLabel('Whole word').check();
  await expect(app.getByTestId('find-count')).toHaveText('1 of 4');
  await app.getByRole('textbox', { name: 'Replace with' }).fill('walkout');
  await app.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(app.getByTestId('find-count')).toHaveText('1 of 3');
  const body = app.getByRole('textbox', { name: 'Article body' });
  await expect(body).toContainText('The walkout began on Monday.');

  await app.getByRole('button', { name: 'Replace all' }).click();
  await expect(app.getByTestId('find-count')).toHaveText('No matches');
  await expect(body).toContainText('walkout leaders met the strikers at noon.');
  await expect(body).toContainText('A second walkout is planned; the walkout fund is thin.');

  // One undo takes back every replacement of Replace all, and only those.
  await body.focus();
  await app.keyboard.press('Control+z');
  await expect(body).toContainText('A second strike is planned; the strike fund is thin.');
  await expect(body).toContainText('The walkout began on Monday. Strike leaders');
  await app.keyboard.press('Control+Shift+z');
  await expect(body).toContainText('the walkout fund is thin.');

  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const onDisk = JSON.stringify(JSON.parse(await readFile(path.join(host.workspace, 'articles', 'port-strike.json'), 'utf8')).body);
  expect(onDisk).toContain('walkout fund');
  expect(onDisk).not.toMatch(/\bstrike\b/i);
});

test('words in the headline, the dek and a picture’s caption are counted under the bar and replaced there on request', async ({ app, host }) => {
  const created = await callApi<{ id: string; revision: string }>(app, 'articles.create', { meta: { headline: 'Veldhaven cranes arrive', dek: 'Veldhaven adds fourteen.' } });
  const image = { type: 'image', version: 1, asset: '', alt: 'Cranes at Veldhaven', caption: 'The quay at Veldhaven', credit: '' };
  const body = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [paragraph(text('Veldhaven will add cranes.')), image] } };
  await callApi(app, 'articles.save', { id: created.id, baseRevision: created.revision, body });
  await app.reload();
  await app.getByRole('button', { name: /Veldhaven cranes arrive/ }).click();
  await app.getByRole('textbox', { name: 'Article body' }).click();
  await app.keyboard.press('Control+h');
  await app.getByRole('searchbox', { name: 'Find' }).fill('Veldhaven');
  await expect(app.getByTestId('find-count')).toHaveText('1 of 1');
  const elsewhere = app.getByTestId('find-elsewhere');
  await expect(elsewhere).toContainText('Outside the text: 1 in the headline, 1 in the dek, 1 in the captions, 1 in the alt texts.');
  await app.getByRole('textbox', { name: 'Replace with' }).fill('Veldhafen');
  await app.getByRole('button', { name: 'Replace all' }).click();
  await expect(app.getByTestId('find-count')).toHaveText('No matches');
  await elsewhere.getByRole('button', { name: 'Replace there too' }).click();
  await expect(elsewhere).toHaveCount(0);
  await expect(app.getByRole('textbox', { name: 'Headline' })).toHaveValue('Veldhafen cranes arrive');
  await expect(app.getByRole('textbox', { name: 'Dek' })).toHaveValue('Veldhafen adds fourteen.');
  await expect(app.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  const [name] = await readdir(path.join(host.workspace, 'articles'));
  const file = JSON.parse(await readFile(path.join(host.workspace, 'articles', name!), 'utf8'));
  expect(JSON.stringify(file)).not.toContain('Veldhaven');
  expect(file.body.root.children[1]).toMatchObject({ caption: 'The quay at Veldhafen', alt: 'Cranes at Veldhafen' });
});
