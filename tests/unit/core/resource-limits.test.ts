/**
 * The sizes the API host takes in (src/shared/limits.ts), through the host with a real
 * workspace: over a limit, the refusal names the size and the limit in words and says what
 * to do, and nothing in the workspace changes.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost, type ApiHandler } from '../../../src/core/api/api-host';
import { Workspace } from '../../../src/core/workspace/workspace';
import { MAX_IMPORT_FILE_BYTES, MAX_SNAPSHOT_CHARS } from '../../../src/shared/limits';
import { tempDir } from '../../helpers/temp';

let dir: string;
let ws: Workspace;
let handle: ApiHandler;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const t = await tempDir();
  dir = t.dir;
  cleanup = t.cleanup;
  ws = await Workspace.open(dir, { watch: false });
  handle = createApiHost(ws).call;
});
afterEach(async () => {
  await ws.close();
  await cleanup();
});

/**
 * Every file of the workspace's content (articles, sources, assets, and anything else a
 * write could land in) with its size and time: what "nothing changed" is checked against.
 * The app's own folder (.copydesk: its lock, its index) is left out, as it is kept up in
 * the background.
 */
async function tree(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const content = entries.filter((entry) => !path.relative(dir, path.join(entry.parentPath, entry.name)).startsWith('.copydesk'));
  const files = await Promise.all(
    content.map(async (entry) => {
      const full = path.join(entry.parentPath, entry.name);
      const info = await stat(full);
      return `${path.relative(dir, full)} ${entry.isDirectory() ? 'dir' : `${info.size} ${info.mtimeMs}`}`;
    }),
  );
  return files.sort();
}

/** The message of a refused call. */
async function refusal(method: Parameters<ApiHandler>[0], payload: unknown): Promise<string> {
  const result = await handle(method, payload);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error.message;
}

const MB = 1024 * 1024;
const textFile = (bytes: number) => Buffer.alloc(bytes, 'word ').toString('base64');

describe('imported file size', () => {
  it('is 20 MB, for articles and sources alike', () => {
    expect(MAX_IMPORT_FILE_BYTES).toBe(20 * MB);
  });

  it('refuses an article document just over the limit, naming the file, its size and the limit; nothing is written', async () => {
    const before = await tree();
    const message = await refusal('articles.import', { fileName: 'long.txt', data: textFile(MAX_IMPORT_FILE_BYTES + 1) });
    expect(message).toContain('long.txt is 20,971,521 bytes; the limit for an imported file is 20 MB.');
    expect(message).toContain('Nothing was imported: save the part you need as a smaller file');
    expect(await tree()).toEqual(before);
    expect(await handle('articles.list', {})).toMatchObject({ ok: true, value: { articles: [] } });
  });

  it('refuses a 30 MB article document by its size in words', async () => {
    const before = await tree();
    const message = await refusal('articles.import', { fileName: 'huge.md', data: textFile(30 * MB) });
    expect(message).toContain('is 30 MB; the limit for an imported file is 20 MB.');
    expect(await tree()).toEqual(before);
  });

  it('refuses a 50 MB source file with the limit named, quickly; nothing is written', async () => {
    const data = textFile(50 * MB);
    const before = await tree();
    const started = performance.now();
    const message = await refusal('sources.importFile', { fileName: 'report.txt', data });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(message).toContain('is 50 MB; the limit for an imported file is 20 MB.');
    expect(message).toContain('Nothing was imported');
    expect(await tree()).toEqual(before);
    expect(await handle('sources.list', {})).toMatchObject({ ok: true, value: { sources: [] } });
  });

  it('refuses a source file just over the limit, naming it', async () => {
    const before = await tree();
    const message = await refusal('sources.importFile', { fileName: 'page.html', data: textFile(MAX_IMPORT_FILE_BYTES + 1) });
    expect(message).toContain('page.html is 20,971,521 bytes; the limit for an imported file is 20 MB.');
    expect(await tree()).toEqual(before);
  });
});

describe('source snapshot size', () => {
  it('refuses a snapshot one character over the limit, naming it in characters; nothing is written', async () => {
    expect(MAX_SNAPSHOT_CHARS).toBe(5_000_000);
    const before = await tree();
    const message = await refusal('sources.add', {
      fields: { title: 'A long report' },
      snapshot: { text: 'a'.repeat(MAX_SNAPSHOT_CHARS + 1), origin: 'pasted' },
    });
    expect(message).toContain("The snapshot's text is 5,000,001 characters; the limit is 5,000,000 characters.");
    expect(message).toContain('Nothing was added: keep only the part you cite');
    expect(await tree()).toEqual(before);
  });

  it('keeps a snapshot at the limit', async () => {
    const added = await handle('sources.add', {
      fields: { title: 'A long report' },
      snapshot: { text: 'word '.repeat(MAX_SNAPSHOT_CHARS / 5), origin: 'pasted' },
    });
    expect(added).toMatchObject({ ok: true, value: { status: 'added' } });
  });
});
