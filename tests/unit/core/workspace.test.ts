import { existsSync } from 'node:fs';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../../src/core/workspace/workspace';
import type { WorkspaceIndex } from '../../../src/core/workspace/workspace-index';
import type { LibraryChange } from '../../../src/shared/contract';
import { ApiError } from '../../../src/shared/errors';
import { bodyOf, eventually, tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let ws: Workspace;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ws = await Workspace.open(dir, { indexWriteDelayMs: 50 });
});

afterEach(async () => {
  await ws.close();
  await cleanup();
});

const articleFile = (slug: string) => path.join(dir, 'articles', `${slug}.json`);
const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

describe('workspace layout', () => {
  it('creates the folders of a workspace', async () => {
    for (const sub of ['articles', 'sources', 'assets', 'exports', '.copydesk/history', '.copydesk/trash']) {
      expect((await stat(path.join(dir, sub))).isDirectory()).toBe(true);
    }
  });
});

describe('articles', () => {
  it('creates an article file with schemaVersion, id, meta and a Lexical body', async () => {
    const article = await ws.articles.create({ headline: 'Port strike enters second week' });
    expect(article.slug).toBe('port-strike-enters-second-week');
    const onDisk = await readJson(articleFile(article.slug));
    expect(onDisk.schemaVersion).toBe(1);
    expect(onDisk.id).toBe(article.id);
    expect(onDisk.meta.headline).toBe('Port strike enters second week');
    expect(onDisk.body.root.type).toBe('root');
    expect(ws.articles.list().articles.map((a) => a.id)).toEqual([article.id]);
  });

  it('saves meta and body, and reads them back', async () => {
    const article = await ws.articles.create({ headline: 'Draft' });
    const saved = await ws.articles.save({
      id: article.id,
      baseRevision: article.revision,
      meta: { dek: 'Why it matters.' },
      body: bodyOf('First paragraph with 448 drones.', 'Second paragraph.'),
    });
    const again = await ws.articles.get(article.id);
    expect(again.meta.dek).toBe('Why it matters.');
    expect(again.revision).toBe(saved.revision);
    expect(JSON.stringify(again.body)).toContain('448 drones');
    expect(saved.summary.words).toBe(7);
  });

  it('lets the slug follow the headline until the user fixes it', async () => {
    const a = await ws.articles.create({ headline: 'First title' });
    const s1 = await ws.articles.save({ id: a.id, baseRevision: a.revision, meta: { headline: 'Second title' } });
    expect(s1.slug).toBe('second-title');
    expect(existsSync(articleFile('first-title'))).toBe(false);
    expect(existsSync(articleFile('second-title'))).toBe(true);

    const fixed = await ws.articles.rename(a.id, 'My Fixed Slug!');
    expect(fixed.slug).toBe('my-fixed-slug');
    const s2 = await ws.articles.save({ id: a.id, baseRevision: fixed.revision, meta: { headline: 'Third title' } });
    expect(s2.slug).toBe('my-fixed-slug');

    const freed = await ws.articles.rename(a.id, null);
    expect(freed.slug).toBe('third-title');
    expect((await readdir(path.join(dir, 'articles'))).filter((n) => n.endsWith('.json'))).toEqual(['third-title.json']);
  });

  it('stops following the headline once the article leaves draft', async () => {
    const a = await ws.articles.create({ headline: 'Council vote' });
    const reviewed = await ws.articles.setStatus({ id: a.id, baseRevision: a.revision, status: 'in-review' });
    const edited = await ws.articles.save({ id: a.id, baseRevision: reviewed.revision, meta: { headline: 'Council vote delayed' } });
    expect(edited.slug).toBe('council-vote');
    const back = await ws.articles.setStatus({ id: a.id, baseRevision: edited.revision, status: 'draft' });
    expect(back.slug).toBe('council-vote-delayed');
  });

  it('refuses a slug another article has, and changes nothing', async () => {
    const a = await ws.articles.create({ headline: 'Alpha' });
    await ws.articles.create({ headline: 'Beta' });
    await expect(ws.articles.rename(a.id, 'beta')).rejects.toMatchObject({ code: 'conflict' });
    expect(existsSync(articleFile('alpha'))).toBe(true);
  });

  it('keeps slugs unique by numbering', async () => {
    const a = await ws.articles.create({ headline: 'Same' });
    const b = await ws.articles.create({ headline: 'Same' });
    expect([a.slug, b.slug]).toEqual(['same', 'same-2']);
  });

  it('keeps hostile headlines inside articles/', async () => {
    for (const headline of ['../../etc/passwd', 'CON', '..', '/absolute/path', 'C:\\Windows\\system32']) {
      const article = await ws.articles.create({ headline });
      const file = articleFile(article.slug);
      expect(path.dirname(file)).toBe(path.join(dir, 'articles'));
      expect(existsSync(file)).toBe(true);
    }
    expect(existsSync(path.join(dir, 'etc'))).toBe(false);
    expect(ws.articles.list().articles.map((a) => a.slug).sort()).toEqual(['absolute-path', 'c-windows-system32', 'con-article', 'etc-passwd', 'untitled']);
  });

  it('duplicates an article as a new draft', async () => {
    const created = await ws.articles.create({ headline: 'Original' });
    const written = await ws.articles.save({ id: created.id, baseRevision: created.revision, body: bodyOf('Body text.') });
    const a = { ...created, revision: (await ws.articles.setStatus({ id: created.id, baseRevision: written.revision, status: 'approved' })).revision };
    const copy = await ws.articles.duplicate(a.id);
    expect(copy.id).not.toBe(a.id);
    expect(copy.meta.headline).toBe('Original (copy)');
    expect(copy.meta.status).toBe('draft');
    expect(JSON.stringify(copy.body)).toContain('Body text.');
    expect(ws.articles.list().articles).toHaveLength(2);
  });

  it('deletes into the trash and restores', async () => {
    const a = await ws.articles.create({ headline: 'Doomed' });
    const { trashId } = await ws.articles.delete(a.id);
    expect(existsSync(articleFile('doomed'))).toBe(false);
    expect(ws.articles.list().articles).toHaveLength(0);
    const trash = await ws.articles.listTrash();
    expect(trash).toMatchObject([{ trashId, id: a.id, headline: 'Doomed', slug: 'doomed' }]);
    const restored = await ws.articles.restore(trashId);
    expect(restored.id).toBe(a.id);
    expect(existsSync(articleFile('doomed'))).toBe(true);
    expect(await ws.articles.listTrash()).toEqual([]);
  });

  it('refuses a trash id that leaves the trash folder', async () => {
    await expect(ws.articles.restore('../../articles/x')).rejects.toMatchObject({ code: 'invalid-request' });
  });

  it('refuses a save on top of a revision that is no longer on disk, and keeps the other bytes', async () => {
    const a = await ws.articles.create({ headline: 'Shared' });
    const external = (await readFile(articleFile(a.slug), 'utf8')).replace('"dek": ""', '"dek": "written by another program"');
    await writeFile(articleFile(a.slug), external);
    await expect(ws.articles.save({ id: a.id, baseRevision: a.revision, meta: { dek: 'mine' } })).rejects.toMatchObject({ code: 'conflict' });
    expect(await readFile(articleFile(a.slug), 'utf8')).toBe(external);
    const fresh = await ws.articles.get(a.id);
    expect(fresh.meta.dek).toBe('written by another program');
    await ws.articles.save({ id: a.id, baseRevision: fresh.revision, meta: { dek: 'mine, knowingly' } });
    expect((await ws.articles.get(a.id)).meta.dek).toBe('mine, knowingly');
  });

  it('says clearly when an article does not exist', async () => {
    await expect(ws.articles.get('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(ApiError);
  });
});

describe('the index', () => {
  const indexFile = () => path.join(dir, '.copydesk/index.json');
  const indexedRevisions = async () => (await readJson(indexFile())).articles.map((e: { revision: string }) => e.revision);
  // The workspace keeps its index to itself; these tests count the index's writes.
  const indexOf = (w: Workspace) => (w as unknown as { index: WorkspaceIndex }).index;

  it('is not rewritten per save: a burst of saves is one write', async () => {
    await ws.close();
    // A delay longer than the test: however slow the machine, no timed write falls between the saves.
    ws = await Workspace.open(dir, { indexWriteDelayMs: 10 * 60_000 });
    const a = await ws.articles.create({ headline: 'Keystrokes' });
    let revision = a.revision;
    for (let i = 0; i < 10; i++) {
      revision = (await ws.articles.save({ id: a.id, baseRevision: revision, body: bodyOf(`text ${i}`) })).revision;
    }
    const index = indexOf(ws);
    expect(index.writes).toBe(0);
    await ws.close();
    expect(index.writes).toBe(1);
    expect(await indexedRevisions()).toEqual([revision]);
  });

  it('is written by itself once saves pause, without waiting for the workspace to close', async () => {
    const a = await ws.articles.create({ headline: 'Keystrokes' });
    const { revision } = await ws.articles.save({ id: a.id, baseRevision: a.revision, body: bodyOf('text') });
    // The file is renamed into place a moment before the write (fsync of the folder) returns:
    // wait for both, the bytes and the count, with no close in between.
    await eventually(async () => (indexOf(ws).writes > 0 && existsSync(indexFile()) && (await indexedRevisions())[0] === revision ? true : undefined));
    expect(indexOf(ws).writes).toBeGreaterThan(0);
  });

  it('is rebuilt from the files when deleted', async () => {
    const a = await ws.articles.create({ headline: 'Survivor' });
    await ws.close();
    const { rm } = await import('node:fs/promises');
    await rm(path.join(dir, '.copydesk/index.json'));
    ws = await Workspace.open(dir, { indexWriteDelayMs: 50 });
    expect(ws.articles.list().articles.map((x) => x.id)).toEqual([a.id]);
    await eventually(() => (existsSync(path.join(dir, '.copydesk/index.json')) ? true : undefined));
    const index = JSON.parse(await readFile(path.join(dir, '.copydesk/index.json'), 'utf8'));
    expect(index.articles.map((e: { summary: { id: string } }) => e.summary.id)).toEqual([a.id]);
  });

  it('is rebuilt when garbled, and the garbled bytes are kept aside', async () => {
    const a = await ws.articles.create({ headline: 'Survivor' });
    await ws.close();
    await writeFile(path.join(dir, '.copydesk/index.json'), '{"schemaVersion":1,"articles":[{"summ');
    ws = await Workspace.open(dir);
    expect(ws.indexRebuiltBecause).toMatch(/not valid JSON/);
    expect(ws.articles.list().articles.map((x) => x.id)).toEqual([a.id]);
    const kept = (await readdir(path.join(dir, '.copydesk'))).filter((n) => n.startsWith('index.json.damaged-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(path.join(dir, '.copydesk', kept[0]!), 'utf8')).toBe('{"schemaVersion":1,"articles":[{"summ');
  });

  it('is rebuilt when it has the wrong shape', async () => {
    const a = await ws.articles.create({ headline: 'Survivor' });
    await ws.close();
    await writeFile(path.join(dir, '.copydesk/index.json'), '[1,2,3]');
    ws = await Workspace.open(dir);
    expect(ws.articles.list().articles.map((x) => x.id)).toEqual([a.id]);
  });

  it('picks up files changed while the app was closed', async () => {
    const a = await ws.articles.create({ headline: 'Before' });
    await ws.close();
    const file = articleFile(a.slug);
    const text = (await readFile(file, 'utf8')).replace('"headline": "Before"', '"headline": "Edited elsewhere"');
    await writeFile(file, text);
    ws = await Workspace.open(dir);
    expect(ws.articles.list().articles[0]?.headline).toBe('Edited elsewhere');
  });
});

describe('damaged files', () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['empty', '', /empty/],
    ['truncated', '{"schemaVersion": 1, "id": "1b7c', /not valid JSON/],
    ['nul-bytes', Buffer.from([0x7b, 0, 0, 0, 0x7d]), /NUL/],
    ['not-an-object', '[1, 2, 3]', /not an article/],
    ['wrong-fields', '{"schemaVersion": 1, "id": "not-a-uuid"}', /id/],
    ['from-the-future', '{"schemaVersion": 99}', /newer Copydesk/],
  ];

  it('are listed with a reason, never overwritten or deleted, while the others load', async () => {
    const good = await ws.articles.create({ headline: 'Healthy' });
    await ws.close();
    for (const [slug, bytes] of cases) await writeFile(articleFile(slug), bytes);
    ws = await Workspace.open(dir);
    const { articles, damaged } = ws.articles.list();
    expect(articles.map((a) => a.id)).toEqual([good.id]);
    expect(damaged.map((d) => d.slug).sort()).toEqual(cases.map(([s]) => s).sort());
    for (const [slug, bytes, reason] of cases) {
      expect(damaged.find((d) => d.slug === slug)?.reason).toMatch(reason);
      expect(Buffer.compare(await readFile(articleFile(slug)), Buffer.from(bytes))).toBe(0);
    }
    // A new article whose headline matches a damaged file's slug goes elsewhere.
    const other = await ws.articles.create({ headline: 'Empty' });
    expect(other.slug).toBe('empty-2');
    expect((await readFile(articleFile('empty'))).length).toBe(0);
  });

  it('a file damaged while open is reported and left alone', async () => {
    const a = await ws.articles.create({ headline: 'Fragile' });
    await writeFile(articleFile(a.slug), '{"trunc');
    await expect(ws.articles.save({ id: a.id, baseRevision: a.revision, meta: { dek: 'x' } })).rejects.toMatchObject({ code: 'damaged' });
    expect(await readFile(articleFile(a.slug), 'utf8')).toBe('{"trunc');
    expect(ws.articles.list().damaged.map((d) => d.slug)).toEqual(['fragile']);
  });

  it('a second file with an existing id is listed, not merged', async () => {
    const a = await ws.articles.create({ headline: 'Original' });
    await ws.close();
    await writeFile(articleFile('copied-in-finder'), await readFile(articleFile(a.slug)));
    ws = await Workspace.open(dir);
    expect(ws.articles.list().articles).toHaveLength(1);
    expect(ws.articles.list().damaged[0]?.reason).toMatch(/same id/);
  });
});

describe('the watcher', () => {
  const collect = () => {
    const seen: LibraryChange[] = [];
    const off = ws.onLibraryChanged((changes) => seen.push(...changes));
    return { seen, off };
  };

  it('notices an article file added by another program', async () => {
    const { seen } = collect();
    const a = await ws.articles.create({ headline: 'Template' });
    const text = (await readFile(articleFile(a.slug), 'utf8'))
      .replace(a.id, '2f1d3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b')
      .replace('"headline": "Template"', '"headline": "Dropped in by a script"');
    await writeFile(articleFile('dropped-in'), text);
    const added = await eventually(() => seen.find((c) => c.origin === 'external' && c.kind === 'added'));
    expect(added.slug).toBe('dropped-in');
    expect(ws.articles.list().articles.map((x) => x.headline)).toContain('Dropped in by a script');
  });

  it('notices changes and removals, and ignores its own writes', async () => {
    const { seen } = collect();
    const a = await ws.articles.create({ headline: 'Watched' });
    await ws.articles.save({ id: a.id, baseRevision: a.revision, meta: { dek: 'own write' } });
    // Another program writes a file after those writes; the watcher reports names in order,
    // so once this one is reported, the names of the workspace's own writes have been looked at.
    await writeFile(articleFile('sentinel'), 'not an article');
    await eventually(() => seen.find((c) => c.origin === 'external' && c.slug === 'sentinel'));
    expect(seen.filter((c) => c.origin === 'external' && c.slug !== 'sentinel')).toEqual([]);

    const text = (await readFile(articleFile(a.slug), 'utf8')).replace('own write', 'their write');
    await writeFile(articleFile(a.slug), text);
    const changed = await eventually(() => seen.find((c) => c.origin === 'external' && c.kind === 'changed'));
    expect(changed.id).toBe(a.id);
    expect(changed.summary).toMatchObject({ id: a.id, headline: 'Watched' });
    expect((await ws.articles.get(a.id)).meta.dek).toBe('their write');

    const { rm } = await import('node:fs/promises');
    await rm(articleFile(a.slug));
    await eventually(() => seen.find((c) => c.origin === 'external' && c.kind === 'removed'));
    expect(ws.articles.list().articles).toEqual([]);
  });

  it('reports another program\'s write when a read gets to the file before the watcher does', async () => {
    const a = await ws.articles.create({ headline: 'Read first' });
    const saved = await ws.articles.save({ id: a.id, baseRevision: a.revision, meta: { dek: 'own write' } });
    const { seen } = collect();
    const text = (await readFile(articleFile(saved.slug), 'utf8')).replace('own write', 'their write');
    await writeFile(articleFile(saved.slug), text);
    // A background reader (the open-claims count, a review check) reads it at once.
    expect((await ws.articles.get(a.id)).meta.dek).toBe('their write');
    const changed = await eventually(() => seen.find((c) => c.origin === 'external' && c.kind === 'changed' && c.id === a.id));
    expect(changed.revision).not.toBe(saved.revision);
    // Said once: the watcher's look afterwards finds nothing new.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(seen.filter((c) => c.origin === 'external' && c.id === a.id)).toHaveLength(1);
  });

  it('reports a file garbled by another program as damaged', async () => {
    const a = await ws.articles.create({ headline: 'Garbled later' });
    const { seen } = collect();
    await writeFile(articleFile(a.slug), '\0\0\0');
    await eventually(() => seen.find((c) => c.kind === 'damaged'));
    expect(ws.articles.list().damaged.map((d) => d.slug)).toEqual([a.slug]);
  });
});

describe('kept versions', () => {
  it('keeps the file on disk byte for byte, or the version on screen, in the article’s history', async () => {
    const a = await ws.articles.create({ headline: 'Disputed' });
    const theirs = (await readFile(articleFile(a.slug), 'utf8')).replace('"dek": ""', '"dek":   "theirs"');
    await writeFile(articleFile(a.slug), theirs);
    const disk = await ws.articles.keepVersion(a.id);
    expect(disk.file).toMatch(new RegExp(`^\\.copydesk/history/${a.id}/\\d{8}T\\d{9}Z-on-disk\\.json$`));
    expect(await readFile(path.join(dir, disk.file), 'utf8')).toBe(theirs);
    const screen = await ws.articles.keepVersion(a.id, { meta: { dek: 'mine' }, body: bodyOf('My paragraph.') });
    const kept = JSON.parse(await readFile(path.join(dir, screen.file), 'utf8'));
    expect(kept.meta.dek).toBe('mine');
    expect(JSON.stringify(kept.body)).toContain('My paragraph.');
    expect(await readFile(articleFile(a.slug), 'utf8')).toBe(theirs);
  });
});

describe('approved copy and the status history', () => {
  it('an edit of an approved article is refused until confirmed, then sends it back to review and is recorded', async () => {
    const a = await ws.articles.create({ headline: 'Budget vote' });
    const approved = await ws.articles.setStatus({ id: a.id, baseRevision: a.revision, status: 'approved', by: 'Marta', override: 'Checked by phone' });
    await expect(ws.articles.save({ id: a.id, baseRevision: approved.revision, meta: { dek: 'A quiet change.' } })).rejects.toMatchObject({ code: 'refused' });
    const reopened = await ws.articles.save({ id: a.id, baseRevision: approved.revision, meta: { dek: 'A quiet change.' }, reopen: true, by: 'Tom' });
    expect(reopened.summary.status).toBe('in-review');
    const file = await ws.articles.get(a.id);
    expect(file.review.history).toMatchObject([
      { from: 'draft', to: 'approved', by: 'Marta', override: 'Checked by phone' },
      { from: 'approved', to: 'in-review', by: 'Tom', note: 'Edited after approval' },
    ]);
    expect(file.meta.dek).toBe('A quiet change.');
  });
});
