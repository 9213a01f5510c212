/**
 * The article file as other tools and hostile programs leave it: fields Copydesk does not
 * know survive every operation, a field named like an internal marker is just a field,
 * absurd nesting and bytes that are not UTF-8 are listed as damaged and never rewritten,
 * and a request cannot grow many times its size on disk.
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../../../src/core/api/api-host';
import { parseArticleBytes, serializeArticle } from '../../../../src/core/articles/article-file';
import { Workspace } from '../../../../src/core/workspace/workspace';
import { bodyOf, tempDir } from '../../../helpers/temp';

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
const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> & { meta: Record<string, unknown>; body: { root: Record<string, unknown> }; review: Record<string, unknown> };

/** Writes an article file as another tool would: with fields of its own at every level. */
async function writeForeignArticle(slug: string, id = '5d2f7c1e-8a4b-4c3d-9e2f-1a0b3c4d5e6f'): Promise<string> {
  const file = {
    schemaVersion: 1,
    id,
    meta: {
      headline: 'Port talks resume',
      dek: '',
      kicker: 'Analysis',
      section: 'Economy',
      bylines: [],
      dateline: '',
      language: 'en',
      tags: [],
      status: 'draft',
      aiDisclosure: '',
      slugLocked: true,
      sourceIds: [],
      related: [],
      createdAt: '2026-11-01T08:00:00.000Z',
      updatedAt: '2026-11-01T08:00:00.000Z',
      cmsId: 'cms-48213',
      embargo: { until: '2026-12-01T06:00:00Z', desk: 'economy' },
    },
    body: {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            children: [{ type: 'text', version: 1, text: 'Talks resumed.', format: 0, detail: 0, mode: 'normal', style: '' }],
            $: { wordpressBlock: 'core/paragraph' },
          },
        ],
        layoutHint: 'wide',
      },
      bodyTool: 'x',
    },
    review: { decisions: [], reviewerNotes: 'check figures' },
    workflow: { legacyState: 3 },
    error: 'not an error: a field another tool uses',
  };
  await writeFile(articleFile(slug), `${JSON.stringify(file, null, 2)}\n`);
  return id;
}

function expectForeignFieldsKept(file: Awaited<ReturnType<typeof readJson>>) {
  expect(file.workflow).toEqual({ legacyState: 3 });
  expect(file.error).toBe('not an error: a field another tool uses');
  expect(file.meta.cmsId).toBe('cms-48213');
  expect(file.meta.embargo).toEqual({ until: '2026-12-01T06:00:00Z', desk: 'economy' });
  expect(file.body.root.layoutHint).toBe('wide');
  expect(file.review.reviewerNotes).toBe('check figures');
}

describe('fields Copydesk does not know', () => {
  it('survive save, status change, rename, trash and restore, and a duplicate carries them', async () => {
    await ws.close();
    const id = await writeForeignArticle('port-talks');
    ws = await Workspace.open(dir, { watch: false, indexWriteDelayMs: 20 });
    expect(ws.articles.list().damaged).toEqual([]);

    const opened = await ws.articles.get(id);
    const saved = await ws.articles.save({ id, baseRevision: opened.revision, meta: { dek: 'Why it matters.' } });
    expectForeignFieldsKept(await readJson(articleFile(saved.slug)));

    const reviewed = await ws.articles.setStatus({ id, baseRevision: saved.revision, status: 'in-review' });
    expectForeignFieldsKept(await readJson(articleFile(reviewed.slug)));

    const renamed = await ws.articles.rename(id, 'port-talks-resume');
    expectForeignFieldsKept(await readJson(articleFile(renamed.slug)));

    const copy = await ws.articles.duplicate(id);
    const copied = await readJson(articleFile(copy.slug));
    expect(copied.meta.cmsId).toBe('cms-48213');
    expect(copied.workflow).toEqual({ legacyState: 3 });

    const { trashId } = await ws.articles.delete(id);
    const restored = await ws.articles.restore(trashId);
    const back = await readJson(articleFile(restored.slug));
    expectForeignFieldsKept(back);
    // The unknown field inside a body node is kept too (the body was sent back untouched).
    expect(JSON.stringify(back.body)).toContain('core/paragraph');
  });

  it('the API hands them out and takes a body with them back', async () => {
    await ws.close();
    const id = await writeForeignArticle('port-talks');
    ws = await Workspace.open(dir, { watch: false, indexWriteDelayMs: 20 });
    const host = createApiHost(ws);
    const got = await host.call('articles.get', { id });
    expect(got.ok && (got.value as { meta: Record<string, unknown> }).meta.cmsId).toBe('cms-48213');
    if (!got.ok) return;
    const article = got.value as { revision: string; body: unknown };
    const saved = await host.call('articles.save', { id, baseRevision: article.revision, body: article.body });
    expect(saved.ok).toBe(true);
    expectForeignFieldsKept(await readJson(articleFile('port-talks')));
    host.dispose();
  });

  it('a top-level "error" field is a field, not a damaged file', async () => {
    await ws.close();
    await writeForeignArticle('with-error-field');
    ws = await Workspace.open(dir, { watch: false });
    expect(ws.articles.list().damaged).toEqual([]);
    expect(ws.articles.list().articles.map((a) => a.headline)).toEqual(['Port talks resume']);
  });
});

describe('what the file holds, written back', () => {
  it('round-trips through parse and serialize unchanged', async () => {
    await writeForeignArticle('port-talks');
    const parsed = parseArticleBytes(await readFile(articleFile('port-talks')));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const again = parseArticleBytes(serializeArticle(parsed.value));
    expect(again.ok && again.value).toEqual(parsed.value);
  });

  it('writes one body block a line, so a request cannot grow many times its size', async () => {
    const a = await ws.articles.create({ headline: 'Compact' });
    // A body that is legal but wide: many small nested nodes.
    const paragraphs = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} with a quote “like this” and 99,000 households.`);
    const body = bodyOf(...paragraphs);
    const requestBytes = JSON.stringify(body).length;
    await ws.articles.save({ id: a.id, baseRevision: a.revision, body });
    const onDisk = (await readFile(articleFile('compact'))).length;
    expect(onDisk).toBeLessThan(requestBytes * 1.2);
    const lines = (await readFile(articleFile('compact'), 'utf8')).split('\n');
    expect(lines.filter((l) => l.includes('"type":"paragraph"'))).toHaveLength(400);
  });
});

describe('bodies no article has', () => {
  it('a save nested 2,000 levels deep is refused naming the body, and changes nothing', async () => {
    const a = await ws.articles.create({ headline: 'Deep' });
    const before = await readFile(articleFile('deep'), 'utf8');
    let node: Record<string, unknown> = { type: 'text', text: 'deep' };
    for (let i = 0; i < 2000; i++) node = { type: 'paragraph', children: [node] };
    const host = createApiHost(ws);
    const result = await host.call('articles.save', { id: a.id, baseRevision: a.revision, body: { root: { type: 'root', children: [node] } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ path: 'body' }] } });
    if (!result.ok) expect(result.error.message).toMatch(/body: it is nested more than \d+ levels deep/);
    expect(await readFile(articleFile('deep'), 'utf8')).toBe(before);
    host.dispose();
  });

  it('a file nested 3,000 levels deep is listed as damaged and never rewritten', async () => {
    await ws.close();
    const depth = 3000;
    const deep = '{"type":"paragraph","children":['.repeat(depth) + '{"type":"text","text":"x"}' + ']}'.repeat(depth);
    const text = `{"schemaVersion":1,"id":"1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e","meta":{},"body":{"root":{"type":"root","children":[${deep}]}},"review":{"decisions":[]}}`;
    await writeFile(articleFile('deep'), text);
    ws = await Workspace.open(dir, { watch: false });
    expect(ws.articles.list().damaged).toMatchObject([{ slug: 'deep', reason: expect.stringMatching(/nested more than/) }]);
    expect(await readFile(articleFile('deep'), 'utf8')).toBe(text);
  });

  it('bytes that are not UTF-8 make a damaged file, kept byte for byte', async () => {
    const a = await ws.articles.create({ headline: 'Latin one' });
    await ws.close();
    const utf8 = await readFile(articleFile('latin-one'));
    // "Caf\xe9": Latin-1, as an old tool might write it.
    const latin1 = Buffer.from(utf8.toString('utf8').replace('Latin one', 'Caf\u00e9'), 'latin1');
    await writeFile(articleFile('latin-one'), latin1);
    ws = await Workspace.open(dir, { watch: false });
    expect(ws.articles.list().damaged).toMatchObject([{ slug: 'latin-one', reason: expect.stringMatching(/UTF-8/) }]);
    await expect(ws.articles.get(a.id)).rejects.toMatchObject({ code: 'not-found' });
    expect((await readFile(articleFile('latin-one'))).equals(latin1)).toBe(true);
  });
});

describe('what another program leaves in articles/', () => {
  it('a named pipe, a link to /dev/zero and a link out of the workspace are listed, not followed, and the open does not hang', async () => {
    await ws.articles.create({ headline: 'Fine' });
    await ws.close();
    execFileSync('mkfifo', [articleFile('pipe')]);
    await symlink('/dev/zero', articleFile('zero'));
    const outside = path.join(path.dirname(dir), `${path.basename(dir)}-outside.json`);
    await writeFile(outside, 'secret outside the workspace');
    await symlink(outside, articleFile('outside'));
    try {
      ws = await Workspace.open(dir, { watch: false });
      const { articles, damaged } = ws.articles.list();
      expect(articles.map((a) => a.slug)).toEqual(['fine']);
      expect(damaged.map((d) => d.slug).sort()).toEqual(['outside', 'pipe', 'zero']);
      const looked = await ws.articles.inspectDamaged('outside');
      expect(looked.preview).not.toContain('secret');
      expect(await readFile(outside, 'utf8')).toBe('secret outside the workspace');
    } finally {
      const { rm } = await import('node:fs/promises');
      await rm(outside, { force: true });
    }
    expect((await readdir(path.join(dir, 'articles'))).sort()).toEqual(['fine.json', 'outside.json', 'pipe.json', 'zero.json']);
  });
});

describe('keeping what is on screen', () => {
  it('keeps the on-screen version in the history when the article’s file is gone, and touches nothing else', async () => {
    const a = await ws.articles.create({ headline: 'Vanishing' });
    const { rm } = await import('node:fs/promises');
    await rm(articleFile('vanishing'));
    await expect(ws.articles.get(a.id)).rejects.toMatchObject({ code: 'not-found' });
    const kept = await ws.articles.keepVersion(a.id, { meta: { headline: 'Vanishing', dek: 'Typed before the file went.' }, body: bodyOf('The text on screen.') });
    expect(kept.file).toMatch(new RegExp(`^\\.copydesk/history/${a.id}/.*-on-screen\\.json$`));
    const saved = JSON.parse(await readFile(path.join(dir, kept.file), 'utf8'));
    expect(saved).toMatchObject({ id: a.id, meta: { dek: 'Typed before the file went.' } });
    expect(JSON.stringify(saved.body)).toContain('The text on screen.');
    expect(await readdir(path.join(dir, 'articles'))).toEqual([]);
  });
});
