/**
 * Promises 1 and 4, with real processes: a writer killed with SIGKILL at random moments
 * never leaves a corrupt file or loses a confirmed save, and one workspace has one writer.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticleBytes } from '../../../src/core/articles/article-file';
import { Workspace } from '../../../src/core/workspace/workspace';
import { plainTextFromBody } from '../../../src/document/plain-text';
import { bundleForNode, startChild } from '../../helpers/child';
import { tempDir } from '../../helpers/temp';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 120);

let scratch: { dir: string; cleanup: () => Promise<void> };
let childScript: string;

beforeAll(async () => {
  scratch = await tempDir('copydesk-crash-');
  childScript = await bundleForNode(path.join(__dirname, 'fixtures', 'workspace-child.ts'), scratch.dir);
});
afterAll(() => scratch.cleanup());

describe('one writer per workspace', () => {
  it('refuses to open a workspace another live process holds, and takes over after it dies', async () => {
    const root = path.join(scratch.dir, 'locked');
    const holder = startChild(childScript, ['hold', root]);
    await holder.waitFor(/^ready$/);
    await expect(Workspace.open(root)).rejects.toMatchObject({ code: 'locked', message: expect.stringMatching(/another Copydesk process \(pid \d+/) });
    holder.process.kill('SIGKILL');
    await holder.exited;
    const ws = await Workspace.open(root);
    await ws.close();
  });

  it('takes over a lock left by a process that is gone, or a lock file with nothing in it', async () => {
    const root = path.join(scratch.dir, 'stale');
    const first = await Workspace.open(root);
    await first.close();
    const { writeFile } = await import('node:fs/promises');
    const { hostname } = await import('node:os');
    await writeFile(path.join(root, '.copydesk', 'lock'), JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), startedAt: 'yesterday' }));
    const second = await Workspace.open(root);
    await second.close();
    await writeFile(path.join(root, '.copydesk', 'lock'), '');
    const third = await Workspace.open(root);
    await third.close();
    expect((await readdir(path.join(root, '.copydesk'))).filter((n) => n.includes('lock') || n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('kill -9 during saves', () => {
  it(`never corrupts a file or loses a confirmed save (${ROUNDS} rounds)`, { timeout: 240_000 }, async () => {
    const root = path.join(scratch.dir, 'crash');
    const setup = await Workspace.open(root);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await setup.articles.create({ headline: `Article ${i}` })).id);
    await setup.close();

    const counterOf = (text: string) => Number(/counter (\d+)/.exec(text)?.[1] ?? -1);
    const confirmed = new Map<string, number>(ids.map((id) => [id, -1]));
    let killedMidSave = 0;

    for (let round = 1; round <= ROUNDS; round++) {
      const child = startChild(childScript, ['save', root, String(round), ...ids]);
      await child.waitFor(/^confirmed /);
      await new Promise((r) => setTimeout(r, Math.random() * 40));
      child.process.kill('SIGKILL');
      await child.exited;

      const inFlight = new Map<string, number>();
      for (const line of child.lines) {
        const [word, id, n] = line.split(' ');
        if (word === 'confirmed') {
          confirmed.set(id!, Number(n));
          inFlight.delete(id!);
        } else if (word === 'saving') inFlight.set(id!, Number(n));
        else if (word === 'error') throw new Error(`round ${round}: the writer failed: ${line}`);
      }
      if (inFlight.size) killedMidSave++;

      const names = (await readdir(path.join(root, 'articles'))).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
      const seen = new Map<string, number>();
      for (const name of names) {
        const parsed = parseArticleBytes(await readFile(path.join(root, 'articles', name)));
        if (!parsed.ok) throw new Error(`round ${round}: ${name} is corrupt: ${parsed.error}`);
        expect(seen.has(parsed.value.id), `round ${round}: two files hold ${parsed.value.id}`).toBe(false);
        seen.set(parsed.value.id, counterOf(plainTextFromBody(parsed.value.body)));
      }
      expect([...seen.keys()].sort(), `round ${round}: articles lost or added`).toEqual([...ids].sort());
      for (const id of ids) {
        const onDisk = seen.get(id)!;
        // The file holds the last confirmed save, or the one in flight at the kill (written
        // but not yet reported); never an older one, never a mix.
        const allowed = [confirmed.get(id), inFlight.get(id)].filter((n) => n !== undefined);
        if (confirmed.get(id) === -1 && onDisk === -1) continue;
        expect(allowed, `round ${round}: ${id} holds save ${onDisk}`).toContain(onDisk);
        if (onDisk === inFlight.get(id)) confirmed.set(id, onDisk);
      }
      const index = await readFile(path.join(root, '.copydesk', 'index.json'), 'utf8').catch(() => null);
      if (index !== null) expect(() => JSON.parse(index), `round ${round}: index.json is corrupt`).not.toThrow();
    }

    // Kills that all landed between saves would prove nothing.
    expect(killedMidSave, 'rounds killed while a save was in flight').toBeGreaterThan(0);
    const reopened = await Workspace.open(root);
    expect(reopened.articles.list().articles.map((a) => a.id).sort()).toEqual([...ids].sort());
    expect(reopened.articles.list().damaged).toEqual([]);
    await reopened.close();
    const leftovers = (await readdir(path.join(root, 'articles'))).filter((n) => n.endsWith('.tmp'));
    expect(leftovers, 'temp files of killed writers are cleaned on open').toEqual([]);
  });
});
