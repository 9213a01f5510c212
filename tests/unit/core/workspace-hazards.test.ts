/**
 * What other programs, odd files and odd headlines do to a workspace: none of it may cost
 * the user an article, a permission, or the ability to open the workspace.
 */
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, readdir, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../../src/core/workspace/workspace';
import { bodyOf, eventually, tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let ws: Workspace;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ws = await Workspace.open(dir, { watch: false, indexWriteDelayMs: 20 });
});
afterEach(async () => {
  await ws.close();
  await cleanup();
});

const articleFile = (slug: string) => path.join(dir, 'articles', `${slug}.json`);

async function otherProgramWrites(slug: string, headline: string, id = '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'): Promise<string> {
  const template = await ws.articles.create({ headline: 'template' });
  const text = (await readFile(articleFile(template.slug), 'utf8')).replace(template.id, id).replace('"headline": "template"', `"headline": "${headline}"`);
  await ws.articles.delete(template.id);
  await writeFile(articleFile(slug), text);
  return text;
}

describe('names', () => {
  it('a save never replaces a file another program just put at the new name', async () => {
    const mine = await ws.articles.create({ headline: 'Draft' });
    // The watcher is off: the workspace has not heard of this file yet.
    const theirs = await otherProgramWrites('budget-vote', 'Budget vote (theirs)');
    const saved = await ws.articles.save({ id: mine.id, baseRevision: mine.revision, meta: { headline: 'Budget vote' } });
    expect(saved.slug).toBe('budget-vote-2');
    expect(await readFile(articleFile('budget-vote'), 'utf8')).toBe(theirs);
  });

  it('a new article never replaces a file another program just made', async () => {
    const theirs = await otherProgramWrites('untitled', 'Theirs');
    const created = await ws.articles.create({});
    expect(created.slug).toBe('untitled-2');
    expect(await readFile(articleFile('untitled'), 'utf8')).toBe(theirs);
  });

  it('refuses a fixed slug that differs from another file only in case', async () => {
    await ws.close();
    const template = await (async () => {
      const w = await Workspace.open(dir, { watch: false });
      const a = await w.articles.create({ headline: 'Mixed' });
      await w.close();
      return a;
    })();
    await writeFile(articleFile('Foo'), (await readFile(articleFile(template.slug), 'utf8')).replace(template.id, '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e'));
    ws = await Workspace.open(dir, { watch: false });
    await expect(ws.articles.rename(template.id, 'foo')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('saves an article with a long Thai headline under a name the file system accepts', async () => {
    const a = await ws.articles.create({ headline: 'short' });
    const saved = await ws.articles.save({ id: a.id, baseRevision: a.revision, meta: { headline: 'การเจรจา'.repeat(40) } });
    expect(Buffer.byteLength(`${saved.slug}.json`)).toBeLessThan(200);
    expect(existsSync(articleFile(saved.slug))).toBe(true);
    const again = await ws.articles.save({ id: a.id, baseRevision: saved.revision, body: bodyOf('ต่อ') });
    expect(again.slug).toBe(saved.slug);
    expect(ws.articles.list().articles).toHaveLength(1);
  });

  it('restores from the trash even when the trashed file was renamed by hand', async () => {
    const a = await ws.articles.create({ headline: 'Renamed in trash' });
    const { trashId } = await ws.articles.delete(a.id);
    const { rename } = await import('node:fs/promises');
    await rename(path.join(dir, '.copydesk/trash', `${trashId}.json`), path.join(dir, '.copydesk/trash', 'x--.json'));
    const restored = await ws.articles.restore('x--');
    expect(restored.slug).toBe('renamed-in-trash');
    expect(existsSync(articleFile('renamed-in-trash'))).toBe(true);
  });
});

describe('edits by other programs', () => {
  it('a same-size edit that keeps the mtime is still a conflict, not overwritten', async () => {
    const a = await ws.articles.create({ headline: 'Figures' });
    await ws.articles.save({ id: a.id, baseRevision: a.revision, body: bodyOf('448 drones') });
    // Whole-second times, as FAT, HFS+ and SMB keep them: the edit below leaves mtime and size as they were.
    const second = new Date(Math.floor(Date.now() / 1000) * 1000);
    await utimes(articleFile(a.slug), second, second);
    const current = await ws.articles.get(a.id);
    const before = await stat(articleFile(a.slug));
    const theirs = (await readFile(articleFile(a.slug), 'utf8')).replace('448 drones', '449 drones');
    await writeFile(articleFile(a.slug), theirs);
    await utimes(articleFile(a.slug), second, second);
    const after = await stat(articleFile(a.slug));
    expect([after.mtimeMs, after.size]).toEqual([before.mtimeMs, before.size]);
    await expect(ws.articles.save({ id: a.id, baseRevision: current.revision, body: bodyOf('450 drones') })).rejects.toMatchObject({ code: 'conflict' });
    expect(await readFile(articleFile(a.slug), 'utf8')).toBe(theirs);
  });

  it('an article moved by copy-then-delete comes back under its new name', async () => {
    await ws.close();
    ws = await Workspace.open(dir, { indexWriteDelayMs: 20 });
    const a = await ws.articles.create({ headline: 'Alpha' });
    const seen: string[] = [];
    ws.onLibraryChanged((changes) => seen.push(...changes.map((c) => `${c.kind}:${c.slug}`)));
    await copyFile(articleFile('alpha'), articleFile('beta'));
    await eventually(() => (ws.articles.list().damaged.length ? true : undefined));
    await rm(articleFile('alpha'));
    await eventually(() => (ws.articles.list().articles[0]?.slug === 'beta' ? true : undefined));
    expect(ws.articles.list().damaged).toEqual([]);
    expect((await ws.articles.get(a.id)).slug).toBe('beta');
  });
});

describe('files that keep their nature', () => {
  it('keeps a file’s permissions across saves', async () => {
    const a = await ws.articles.create({ headline: 'Embargoed' });
    await chmod(articleFile(a.slug), 0o600);
    await ws.articles.save({ id: a.id, baseRevision: a.revision, body: bodyOf('Under embargo until Friday.') });
    expect((await stat(articleFile(a.slug))).mode & 0o777).toBe(0o600);
  });

  it('lists a symbolic link as damaged, and neither follows it nor writes through it', async () => {
    const a = await ws.articles.create({ headline: 'Linked' });
    await ws.close();
    const elsewhere = path.join(dir, 'elsewhere.json');
    const { rename, lstat } = await import('node:fs/promises');
    await rename(articleFile(a.slug), elsewhere);
    const before = await readFile(elsewhere, 'utf8');
    await symlink(elsewhere, articleFile(a.slug));
    ws = await Workspace.open(dir, { watch: false });
    expect(ws.articles.list().articles).toEqual([]);
    expect(ws.articles.list().damaged).toMatchObject([{ slug: a.slug, reason: expect.stringMatching(/link/) }]);
    await expect(ws.articles.get(a.id)).rejects.toMatchObject({ code: 'not-found' });
    expect((await lstat(articleFile(a.slug))).isSymbolicLink()).toBe(true);
    expect(await readFile(elsewhere, 'utf8')).toBe(before);
  });
});

describe('odd files do not stop a workspace from opening', () => {
  it('lists a folder named like an article as damaged, and reads an absurdly nested body without overflowing', async () => {
    const a = await ws.articles.create({ headline: 'Fine' });
    await ws.close();
    await mkdir(articleFile('a-folder'));
    const depth = 20_000;
    const deep = '{"type":"paragraph","children":['.repeat(depth) + '{"type":"text","text":"deep"}' + ']}'.repeat(depth);
    const text = (await readFile(articleFile(a.slug), 'utf8'))
      .replace(a.id, '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e')
      .replace('"headline": "Fine"', '"headline": "Nested"')
      .replace(/"root": \{\n\s+"type": "root",/, '"root": { "type": "root", "children": [' + deep + '], "ignored":');
    expect(text.length).toBeGreaterThan(depth * 30);
    await writeFile(articleFile('nested'), text);
    ws = await Workspace.open(dir, { watch: false });
    const reasons = Object.fromEntries(ws.articles.list().damaged.map((d) => [d.slug, d.reason]));
    expect(reasons['a-folder']).toMatch(/folder/);
    const nested = ws.articles.list().articles.find((x) => x.slug === 'nested') ?? ws.articles.list().damaged.find((d) => d.slug === 'nested');
    expect(nested, 'the nested file is listed one way or the other').toBeDefined();
    expect(ws.articles.list().articles.map((x) => x.slug)).toContain('fine');
  });

  it('drops an index entry that breaks the contract and reads its file again', async () => {
    const a = await ws.articles.create({ headline: 'Indexed' });
    await ws.close();
    const indexFile = path.join(dir, '.copydesk/index.json');
    const index = JSON.parse(await readFile(indexFile, 'utf8'));
    index.articles[0].summary.status = 'published';
    await writeFile(indexFile, JSON.stringify(index));
    ws = await Workspace.open(dir, { watch: false });
    expect(ws.articles.list().articles).toMatchObject([{ id: a.id, status: 'draft' }]);
  });

  it('survives an index that cannot be written, and writes it once it can', async () => {
    const a = await ws.articles.create({ headline: 'Cache' });
    const indexFile = path.join(dir, '.copydesk/index.json');
    await eventually(() => (existsSync(indexFile) ? true : undefined));
    await rm(indexFile);
    await mkdir(indexFile); // a folder where the index should be: every write fails
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      await ws.articles.save({ id: a.id, baseRevision: a.revision, meta: { headline: 'Cache renamed' } });
      await eventually(() => (errors.length ? true : undefined));
    } finally {
      console.error = original;
    }
    expect(errors[0]).toMatch(/could not write the workspace index/);
    await rm(indexFile, { recursive: true });
    // No new change: the write that failed is still owed, and closing pays it.
    await ws.close();
    expect(JSON.parse(await readFile(indexFile, 'utf8')).articles[0].summary.headline).toBe('Cache renamed');
    ws = await Workspace.open(dir, { watch: false });
    expect((await readdir(path.join(dir, 'articles'))).length).toBe(1);
  });
});

describe('looking inside a damaged file', () => {
  it('tells where it is, the line and column of the JSON error, and how it begins, for listed files only', async () => {
    await ws.articles.create({ headline: 'Healthy' });
    await ws.close();
    await writeFile(articleFile('half'), '{\n  "schemaVersion": 1,\n  "id": "12\n');
    ws = await Workspace.open(dir, { watch: false });
    const found = await ws.articles.inspectDamaged('half');
    expect(found.path).toBe(articleFile('half'));
    expect(found.reason).toMatch(/not valid JSON/);
    expect(found.line).toBe(3);
    expect(found.preview).toContain('"schemaVersion": 1');
    await expect(ws.articles.inspectDamaged('healthy')).rejects.toMatchObject({ code: 'not-found' });
    await expect(ws.articles.inspectDamaged('../../etc/passwd')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('the workspace’s own folders', () => {
  it('refuses to open when articles/ is a link to another place, and writes nothing there', async () => {
    await ws.close();
    const elsewhere = `${dir}-elsewhere`;
    await mkdir(elsewhere);
    try {
      const { rename } = await import('node:fs/promises');
      await rename(path.join(dir, 'articles'), path.join(elsewhere, 'articles'));
      await symlink(path.join(elsewhere, 'articles'), path.join(dir, 'articles'));
      await expect(Workspace.open(dir, { watch: false })).rejects.toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/articles\/ .* is a link/) });
      await expect(Workspace.open(dir, { readOnly: true })).rejects.toMatchObject({ code: 'invalid-request' });
      expect(await readdir(path.join(elsewhere, 'articles'))).toEqual([]);
      await rm(path.join(dir, 'articles'));
      await rename(path.join(elsewhere, 'articles'), path.join(dir, 'articles'));
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
    ws = await Workspace.open(dir, { watch: false });
  });
});
