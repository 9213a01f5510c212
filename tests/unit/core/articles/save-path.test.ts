/**
 * What a save does besides writing the file, pinned where the save path was made cheaper:
 * the exact bytes written, the revision and summary that follow them (worked out while the
 * disk syncs), the library row, the search index and the index file, the file name a
 * draft follows in a library with taken and damaged names, and the request check of the
 * body's blocks. Real files in a temp folder, through the API host as a shell calls it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost, type ApiHost } from '../../../../src/core/api/api-host';
import { serializeArticle } from '../../../../src/core/articles/article-file';
import { Workspace } from '../../../../src/core/workspace/workspace';
import type { ArticleFile } from '../../../../src/shared/article';
import type { LibraryChange } from '../../../../src/shared/contract';
import { bodyOf, eventually, tempDir } from '../../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let ws: Workspace;
let host: ApiHost;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ws = await Workspace.open(dir, { watch: false, indexWriteDelayMs: 20 });
  host = createApiHost(ws);
});
afterEach(async () => {
  host.dispose();
  await ws.close();
  await cleanup();
});

const articleFile = (slug: string) => path.join(dir, 'articles', `${slug}.json`);
const sha1 = (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex').slice(0, 20);

async function call<T = Record<string, unknown>>(method: string, payload: unknown): Promise<T> {
  const result = await host.call(method, payload);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

interface Saved {
  revision: string;
  slug: string;
  summary: { words: number; headline: string; slug: string };
}

describe('the bytes of an article file', () => {
  it('keeps its layout: objects one field a line to the meta’s fields, one block a line, unknown fields after the known ones', () => {
    const article = {
      schemaVersion: 1,
      id: '00000000-0000-4000-8000-000000000001',
      meta: {
        headline: 'Port “talks”',
        dek: '',
        kicker: '',
        section: '',
        bylines: ['Ana'],
        dateline: '',
        language: 'en',
        tags: [],
        status: 'draft',
        aiDisclosure: '',
        slugLocked: false,
        sourceIds: [],
        related: [],
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        desk: { night: true },
      },
      body: { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'One.' }] }, { type: 'hr' }], extra: 1 } },
      review: { decisions: [{ claimId: 'q1', decision: 'verified', by: 'R', at: '2026-01-01T00:00:00.000Z' }], skipped: undefined },
      workflowTool: { v: 2 },
    } as unknown as ArticleFile;
    expect(serializeArticle(article)).toBe(
      [
        '{',
        '  "schemaVersion": 1,',
        '  "id": "00000000-0000-4000-8000-000000000001",',
        '  "meta": {',
        '    "headline": "Port “talks”",',
        '    "dek": "",',
        '    "kicker": "",',
        '    "section": "",',
        '    "bylines": ["Ana"],',
        '    "dateline": "",',
        '    "language": "en",',
        '    "tags": [],',
        '    "status": "draft",',
        '    "aiDisclosure": "",',
        '    "slugLocked": false,',
        '    "sourceIds": [],',
        '    "related": [],',
        '    "createdAt": "2026-01-01T00:00:00.000Z",',
        '    "updatedAt": "2026-01-01T00:00:00.000Z",',
        '    "desk": {',
        '      "night": true',
        '    }',
        '  },',
        '  "body": {',
        '    "root": {',
        '      "type": "root",',
        '      "children": [',
        '        {"type":"paragraph","children":[{"type":"text","text":"One."}]},',
        '        {"type":"hr"}',
        '      ],',
        '      "extra": 1',
        '    }',
        '  },',
        '  "review": {',
        '    "decisions": [',
        '      {"claimId":"q1","decision":"verified","by":"R","at":"2026-01-01T00:00:00.000Z"}',
        '    ]',
        '  },',
        '  "workflowTool": {',
        '    "v": 2',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });
});

describe('after a save', () => {
  it('the reply, the library row, the index and the search all describe the bytes written', async () => {
    const created = await call<{ id: string; revision: string }>('articles.create', { meta: { headline: 'Harbour pilots' } });
    const changes: LibraryChange[] = [];
    host.on('library.changed', ({ changes: seen }) => changes.push(...seen));
    const body = bodyOf('Tugboat crews joined the strike on Monday.', 'Pilots said 448 ships waited.');
    const saved = await call<Saved>('articles.save', { id: created.id, baseRevision: created.revision, body });

    const onDisk = await readFile(articleFile(saved.slug));
    expect(saved.revision).toBe(sha1(onDisk));
    expect(saved.summary.words).toBe(12);
    // The row the library shows changed with the save, in the event and in the list.
    const change = changes.find((c) => c.id === created.id && c.kind === 'changed');
    expect(change).toMatchObject({ revision: saved.revision, summary: { words: 12 } });
    expect(ws.articles.list().articles.find((a) => a.id === created.id)?.words).toBe(12);
    // The next save builds on that revision; an older one is a conflict.
    const again = await call<Saved>('articles.save', { id: created.id, baseRevision: saved.revision, body: bodyOf('Crews went home.') });
    expect(again.summary.words).toBe(3);
    await expect(call('articles.save', { id: created.id, baseRevision: saved.revision, body })).rejects.toMatchObject({ code: 'conflict' });

    // Search follows the save (after the reply), and forgets the words taken out.
    const hits = async (query: string) => (await call<{ hits: Array<{ id: string }> }>('search.query', { query })).hits.map((h) => h.id);
    expect(await hits('crews')).toEqual([created.id]);
    expect(await hits('tugboat')).toEqual([]);

    // The index file, written a moment later, holds the summary and revision of the last save.
    await eventually(async () => {
      const text = await readFile(path.join(dir, '.copydesk', 'index.json'), 'utf8').catch(() => null);
      if (text === null) return undefined;
      const index = JSON.parse(text) as { articles: Array<{ revision: string; summary: { id: string; words: number } }> };
      const entry = index.articles.find((a) => a.summary.id === created.id);
      return entry?.revision === again.revision && entry.summary.words === 3 ? true : undefined;
    });
  });

  it('a file another program rewrote with the same bytes is no conflict; one with other bytes is', async () => {
    const created = await call<{ id: string; revision: string }>('articles.create', { meta: { headline: 'Grid' } });
    const saved = await call<Saved>('articles.save', { id: created.id, baseRevision: created.revision, body: bodyOf('Copper is late.') });
    const bytes = await readFile(articleFile(saved.slug));
    // A checkout that leaves the same text: a new mtime, the same revision.
    await writeFile(articleFile(saved.slug), bytes);
    const next = await call<Saved>('articles.save', { id: created.id, baseRevision: saved.revision, body: bodyOf('Copper is later.') });
    // Then a real change by another program.
    const theirs = (await readFile(articleFile(next.slug), 'utf8')).replace('later', 'early');
    await writeFile(articleFile(next.slug), theirs);
    await expect(call('articles.save', { id: created.id, baseRevision: next.revision, body: bodyOf('Mine.') })).rejects.toMatchObject({ code: 'conflict' });
    expect(await readFile(articleFile(next.slug), 'utf8')).toBe(theirs);
  });
});

describe('the name a draft follows', () => {
  it('skips names taken by other articles and by damaged files, stays put, and takes a name once it is free', async () => {
    const budget = await call<{ id: string }>('articles.create', { meta: { headline: 'Budget' } });
    await writeFile(articleFile('council'), '{ not json');
    await ws.close();
    ws = await Workspace.open(dir, { watch: false, indexWriteDelayMs: 20 });
    host = createApiHost(ws);
    expect(ws.articles.list().damaged.map((d) => d.slug)).toEqual(['council']);

    const draft = await call<{ id: string; revision: string }>('articles.create', { meta: { headline: 'Draft' } });
    let saved = await call<Saved>('articles.save', { id: draft.id, baseRevision: draft.revision, meta: { headline: 'Council' } });
    expect(saved.slug).toBe('council-2');
    saved = await call<Saved>('articles.save', { id: draft.id, baseRevision: saved.revision, meta: { headline: 'COUNCIL' } });
    expect(saved.slug).toBe('council-2');
    saved = await call<Saved>('articles.save', { id: draft.id, baseRevision: saved.revision, meta: { headline: 'Budget' } });
    expect(saved.slug).toBe('budget-2');
    expect(await readFile(articleFile('council'), 'utf8')).toBe('{ not json');

    await call('articles.delete', { id: budget.id });
    saved = await call<Saved>('articles.save', { id: draft.id, baseRevision: saved.revision, body: bodyOf('Now free.') });
    expect(saved.slug).toBe('budget');
    expect(existsSync(articleFile('budget-2'))).toBe(false);
  });
});

describe('the request check of a body', () => {
  it('refuses a block that is not a node, naming it, and writes nothing', async () => {
    const created = await call<{ id: string; revision: string; slug: string }>('articles.create', { meta: { headline: 'Shape' } });
    const before = await readFile(articleFile(created.slug), 'utf8');
    const body = bodyOf('Fine.') as { root: { children: unknown[] } };
    for (const bad of [{ text: 'no type' }, 'a string', null, [{ type: 'paragraph' }]]) {
      const result = await host.call('articles.save', { id: created.id, baseRevision: created.revision, body: { root: { ...body.root, children: [body.root.children[0], bad] } } });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('invalid-request');
      expect(result.error.issues?.[0]?.path).toBe('body.root.children.1');
      expect(result.error.message).toMatch(/an object with a string type/);
    }
    expect(await readFile(articleFile(created.slug), 'utf8')).toBe(before);
  });
});
