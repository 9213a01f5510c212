/**
 * The disk full, read-only, forbidden or failing: errors injected into the durable writer
 * at each of its steps (test seam `writeFaultsForTests`). Every save fails loudly with the
 * reason, the previous file stays byte for byte, no temp file is left, and the same save
 * goes through once the disk allows.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../../src/core/api/api-host';
import { writeFaultsForTests, type WriteStep } from '../../../src/core/storage/write-durably';
import { Workspace } from '../../../src/core/workspace/workspace';
import { bodyOf, tempDir } from '../../helpers/temp';

const FAILURES: Array<[string, RegExp]> = [
  ['ENOSPC', /the disk is full \(ENOSPC\)/],
  ['EROFS', /the disk is read-only \(EROFS\)/],
  ['EACCES', /not allowed to write there .*\(EACCES\)/],
  ['EIO', /input\/output error \(EIO\)/],
];
const STEPS: WriteStep[] = ['open', 'write', 'sync', 'rename'];

const fail = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

afterEach(() => {
  writeFaultsForTests.inject = null;
});

describe('a save when the disk refuses', () => {
  for (const [code, reason] of FAILURES) {
    it(`${code}: fails with the reason at every step, keeps the previous file, saves once the disk allows`, async () => {
      const { dir, cleanup } = await tempDir();
      const ws = await Workspace.open(dir, { watch: false });
      const api = createApiHost(ws);
      try {
        const created = await api.call('articles.create', { meta: { headline: 'Harbour pilots' } });
        if (!created.ok) throw new Error(created.error.message);
        const { id } = created.value as { id: string };
        let revision = (created.value as { revision: string }).revision;
        const file = path.join(dir, 'articles', 'harbour-pilots.json');
        for (const [i, step] of STEPS.entries()) {
          const before = await readFile(file);
          writeFaultsForTests.inject = (at) => (at === step ? fail(code) : null);
          const body = bodyOf(`Pilots warned on ${step} ${i}.`);
          const refused = await api.call('articles.save', { id, baseRevision: revision, body });
          expect(refused.ok, `${code} at ${step}`).toBe(false);
          if (!refused.ok) {
            expect(refused.error.code).toBe('unavailable');
            expect(refused.error.message).toMatch(reason);
            expect(refused.error.message).toMatch(/harbour-pilots\.json/);
            expect(refused.error.message).toMatch(/was not changed/);
          }
          expect(await readFile(file), `${code} at ${step}: the previous file`).toEqual(before);
          expect((await readdir(path.join(dir, 'articles'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);

          // The disk allows again: the same save, from the same base, goes through.
          writeFaultsForTests.inject = null;
          const saved = await api.call('articles.save', { id, baseRevision: revision, body });
          if (!saved.ok) throw new Error(`${code} at ${step}: the retry failed: ${saved.error.message}`);
          revision = (saved.value as { revision: string }).revision;
          expect(await readFile(file, 'utf8')).toContain(`Pilots warned on ${step} ${i}.`);
        }

        // A new article and a new source fail the same way, leaving nothing behind.
        writeFaultsForTests.inject = () => fail(code);
        const article = await api.call('articles.create', { meta: { headline: 'Never written' } });
        const source = await api.call('sources.add', { fields: { title: 'A report', type: 'report' }, snapshot: { text: 'Text.', origin: 'pasted' } });
        for (const result of [article, source]) {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.message).toMatch(reason);
        }
        writeFaultsForTests.inject = null;
        expect(await readdir(path.join(dir, 'articles'))).toEqual(['harbour-pilots.json']);
        expect((await readdir(path.join(dir, 'sources'))).filter((n) => !n.startsWith('.trash'))).toEqual([]);
      } finally {
        writeFaultsForTests.inject = null;
        api.dispose();
        await ws.close();
        await cleanup();
      }
    });
  }
});
