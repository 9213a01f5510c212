/**
 * `copydesk import` and `copydesk source …` as a user runs them: the built command (the
 * package's bin) in a real child process, on a temp workspace, beside a running app.
 */
import { cp, readFile, readdir, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../../src/core/workspace/workspace';
import { SAMPLE_WORKSPACE } from '../../../src/host/app-paths';
import { copydesk, ensureBuiltCommand } from '../../helpers/copydesk-bin';
import { eventually, tempDir } from '../../helpers/temp';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'cli');


const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';

let scratch: { dir: string; cleanup: () => Promise<void> };
let workspace: string;
beforeAll(async () => {
  await ensureBuiltCommand();
  scratch = await tempDir('copydesk-cli-sources-');
  workspace = path.join(scratch.dir, 'desk');
  await cp(SAMPLE_WORKSPACE, workspace, { recursive: true });
});
afterAll(() => scratch.cleanup());

describe('copydesk import', () => {
  it('makes an article from Markdown with its subheads and quotes, and prints its id last', async () => {
    const result = await copydesk('import', path.join(FIXTURES, 'harbour-analysis.md'), '--workspace', workspace);
    expect(result.code, result.stderr).toBe(0);
    const id = lastLine(result.stdout);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const listed = JSON.parse((await copydesk('list', '--json', '--workspace', workspace)).stdout) as { articles: Array<{ id: string; headline: string; words: number }> };
    const article = listed.articles.find((a) => a.id === id);
    expect(article).toMatchObject({ headline: 'Harbour pilots warn of delays as winter rosters shrink' });
    expect(article!.words).toBeGreaterThan(60);
    const file = JSON.parse(await readFile(path.join(workspace, 'articles', 'harbour-pilots-warn-of-delays-as-winter-rosters-shrink.json'), 'utf8'));
    const types = (file.body.root.children as Array<{ type: string; tag?: string }>).map((b) => (b.type === 'heading' ? `${b.type}:${b.tag}` : b.type));
    expect(types).toEqual(expect.arrayContaining(['heading:h2', 'quote', 'list']));
    expect(file.meta.dek).toMatch(/^Fewer pilots/);
    // The paragraph taken out of the body as the dek is named, so nobody looks for it in vain.
    expect(result.stdout).toContain('Dek: “Fewer pilots on night shifts could leave ships waiting at anchor for longer, the pilots');
  });

  it('refuses a missing file with exit 2 and a file that is not a document with exit 1, writing nothing', async () => {
    const before = await readdir(path.join(workspace, 'articles'));
    const missing = await copydesk('import', path.join(FIXTURES, 'nope.md'), '--workspace', workspace);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/nope\.md does not exist/) });
    const junk = await copydesk('import', path.join(FIXTURES, 'broken.bib'), '--workspace', workspace);
    expect(junk.code).toBe(1);
    expect(junk.stderr).toMatch(/broken\.bib/);
    expect(await readdir(path.join(workspace, 'articles'))).toEqual(before);
  });

  it('refuses a file over the import limit with exit 2, naming its size and the limit, writing nothing', async () => {
    const before = await readdir(path.join(workspace, 'articles'));
    const big = path.join(scratch.dir, 'big.md');
    await truncate(big, 50 * 1024 * 1024).catch(async () => {
      await writeFile(big, '');
      await truncate(big, 50 * 1024 * 1024);
    });
    const refused = await copydesk('import', big, '--workspace', workspace);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/big\.md is 50 MB; the limit for an imported file is 20 MB\. Nothing was imported/);
    expect(await readdir(path.join(workspace, 'articles'))).toEqual(before);
  });
});

describe('copydesk source', () => {
  it('adds a saved page and a text file beside a running app, attached to an article the app then sees', async () => {
    const app = await Workspace.open(workspace, { indexWriteDelayMs: 60_000 });
    try {
      const indexBefore = await stat(path.join(workspace, '.copydesk', 'index.json')).catch(() => null);
      const target = app.articles.list().articles.find((a) => a.slug.startsWith('rotterdam'))!;
      const page = await copydesk('source', 'add', path.join(FIXTURES, 'harbour-ledger-pilots.html'), '--attach', target.slug, '--workspace', workspace);
      expect(page.code, page.stderr).toBe(0);
      const text = await copydesk('source', 'add', path.join(FIXTURES, 'pilots-statement.txt'), '--title', 'Pilots’ association statement', '--attach', target.id, '--workspace', workspace);
      expect(text.code, text.stderr).toBe(0);
      const textId = lastLine(text.stdout);
      expect(text.stdout).toMatch(/Attached to “Rotterdam/);
      const file = JSON.parse(await readFile(path.join(workspace, 'articles', `${target.slug}.json`), 'utf8'));
      expect(file.meta.sourceIds).toContain(textId);
      expect(file.meta.sourceIds).toContain(lastLine(page.stdout));
      const pageSource = JSON.parse(await readFile(path.join(workspace, 'sources', `${lastLine(page.stdout)}.json`), 'utf8'));
      expect(pageSource.csl).toMatchObject({ 'container-title': 'Harbour Ledger', author: [{ family: 'Okafor', given: 'Ines' }] });
      expect(pageSource.snapshot.text).not.toMatch(/analytics|Most read/);
      // The running app picks the new files up; the command never wrote the app's index.
      await eventually(() => (app.sources.list().sources.some((s) => s.id === textId) ? true : undefined));
      const indexAfter = await stat(path.join(workspace, '.copydesk', 'index.json')).catch(() => null);
      expect(indexAfter?.mtimeMs).toBe(indexBefore?.mtimeMs);
      // Added twice: offered as the existing source, not copied.
      const again = await copydesk('source', 'add', path.join(FIXTURES, 'pilots-statement.txt'), '--workspace', workspace);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/Already in the library/);
      expect(lastLine(again.stdout)).toBe(textId);
    } finally {
      await app.close();
    }
  });

  it('lists and exports the library', async () => {
    const listed = await copydesk('source', 'list', '--json', '--workspace', workspace);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { sources: unknown[] }).sources.length).toBeGreaterThanOrEqual(8);
    const csl = await copydesk('source', 'export', '--format', 'csl', '--article', 'rotterdam-terminal-strike-talks-narrow-pay-gap-but-stall-on-shift-rosters', '--workspace', workspace);
    expect(csl.code, csl.stderr).toBe(0);
    const items = JSON.parse(csl.stdout) as Array<{ title: string }>;
    expect(items.map((i) => i.title)).toContain('Pilots’ association statement');
  });

  it('says what is wrong with bad input, with the exit code the kind of mistake calls for', async () => {
    const before = await readdir(path.join(workspace, 'sources'));
    const bib = await copydesk('source', 'add', path.join(FIXTURES, 'broken.bib'), '--workspace', workspace);
    expect(bib.code).toBe(1);
    expect(bib.stderr).toMatch(/line \d+/);
    expect(bib.stderr).toMatch(/Nothing was imported/);
    expect(await copydesk('source', 'add', 'file:///etc/passwd', '--workspace', workspace)).toMatchObject({ code: 2, stderr: expect.stringMatching(/file: addresses are not fetched/) });
    expect(await copydesk('source', 'add', path.join(FIXTURES, 'pilots-statement.txt'), '--attach', 'no-such-article', '--workspace', workspace)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/no article "no-such-article"/),
    });
    expect(await copydesk('source', 'export', '--format', 'ris', '--workspace', workspace)).toMatchObject({ code: 2, stderr: expect.stringMatching(/csl or bibtex/) });
    expect(await copydesk('source', 'frob', '--workspace', workspace)).toMatchObject({ code: 2 });
    expect(await readdir(path.join(workspace, 'sources'))).toEqual(before);
  });
});
