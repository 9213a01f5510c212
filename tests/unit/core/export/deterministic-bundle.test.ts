/**
 * A bundle depends on the article and the export time only: two builds at the same time
 * give the same bytes in every file, and two writes give byte-identical zips — entries in
 * the bundle's order, each dated at the export time, mode 0644, with no extra fields.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../../../src/core/export/build-bundle';
import { writeBundle } from '../../../../src/core/export/write-bundle';
import type { Workspace } from '../../../../src/core/workspace/workspace';
import { AT, sampleWorkspace, sha } from './export-helpers';

/** The central directory of a zip, read here without the exporter's reader. */
function centralDirectory(zip: Buffer) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      time: zip.readUInt16LE(at + 12),
      date: zip.readUInt16LE(at + 14),
      extra: zip.readUInt16LE(at + 30),
      comment: zip.readUInt16LE(at + 32),
      mode: zip.readUInt32LE(at + 38) >>> 16,
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

describe('deterministic bundles', () => {
  let workspace: Workspace;
  let root: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ workspace, root, cleanup } = await sampleWorkspace()));
  afterAll(() => cleanup());

  it('gives the same sha-256 for every file of two builds at the same time, and a different manifest at another time', async () => {
    for (const { id } of workspace.articles.list().articles) {
      const a = await buildBundle(workspace, id, { at: AT, override: 'test' });
      const b = await buildBundle(workspace, id, { at: AT, override: 'test' });
      expect(b.files.map((f) => [f.path, sha(f.bytes)])).toEqual(a.files.map((f) => [f.path, sha(f.bytes)]));
      const later = await buildBundle(workspace, id, { at: new Date(AT.getTime() + 60_000), override: 'test' });
      expect(sha(later.files.at(-1)!.bytes)).not.toBe(sha(a.files.at(-1)!.bytes));
    }
  });

  it('writes byte-identical zips, entries in order, dated at the export time, 0644, with no extra fields', async () => {
    const id = workspace.articles.list().articles.find((a) => a.slug.startsWith('lindemeer'))!.id;
    const one = await writeBundle(await buildBundle(workspace, id, { at: AT, override: 'test' }), path.join(root, 'one'), { zip: true });
    // The article's files are read again and the bundle built again: the same bytes come out.
    const two = await writeBundle(await buildBundle(workspace, id, { at: AT, override: 'test' }), path.join(root, 'two'), { zip: true });
    const zipOne = await readFile(one.zipFile!);
    const zipTwo = await readFile(two.zipFile!);
    expect(sha(zipTwo)).toBe(sha(zipOne));
    const bundle = await buildBundle(workspace, id, { at: AT, override: 'test' });
    const entries = centralDirectory(zipOne);
    expect(entries.map((e) => e.name)).toEqual(bundle.files.map((f) => f.path));
    // 2026-12-01 09:30:00 UTC in MS-DOS form.
    const date = ((2026 - 1980) << 9) | (12 << 5) | 1;
    const time = (9 << 11) | (30 << 5);
    for (const entry of entries) expect(entry).toEqual({ name: entry.name, time, date, extra: 0, comment: 0, mode: 0o100644 });
  });
});
