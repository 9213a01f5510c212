/**
 * Promise 4 with real processes: one workspace, several writers of the same article at
 * once (a second Copydesk, the copydesk command beside the app, another program writing
 * the file in a loop). Every writer reports each revision it saw and each it wrote; a
 * version put on disk and replaced by Copydesk before anyone saw it is a silent lost
 * update, and there must be none: Copydesk processes take a write lock around the check
 * and the write, and the writer looks at the file again right before its rename. A second Copydesk opening the same workspace is refused
 * by the lock every time.
 *
 * COPYDESK_FAULT_ROUNDS scales the run (300 → 3 s of racing per pairing).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { revisionOf } from '../../../src/core/articles/article-file';
import { Workspace } from '../../../src/core/workspace/workspace';
import { bundleForNode, startChild, type Child } from '../../helpers/child';
import { tempDir } from '../../helpers/temp';

/**
 * A program that ignores Copydesk's lock can still land its write in the two system calls
 * between Copydesk's last look at the file and its rename (POSIX has no compare-and-swap
 * of a file): in seconds of a program rewriting the file a thousand times a second, at
 * most this many of its versions may go unseen (without the look, hundreds do).
 */
const RESIDUAL = 2;
const RACE_MS = Math.max(1_000, Math.round((Number(process.env.COPYDESK_FAULT_ROUNDS ?? 300) / 300) * 3_000));

let scratch: { dir: string; cleanup: () => Promise<void> };
let script: string;

beforeAll(async () => {
  scratch = await tempDir('copydesk-writers-');
  script = await bundleForNode(path.join(__dirname, 'fixtures', 'writer-child.ts'), scratch.dir);
});
afterAll(() => scratch.cleanup());

async function workspaceWithOneArticle(name: string): Promise<{ root: string; id: string; file: string }> {
  const root = path.join(scratch.dir, name);
  const ws = await Workspace.open(root);
  const article = await ws.articles.create({ headline: 'Harbour pilots warn' });
  await ws.close();
  return { root, id: article.id, file: path.join(root, 'articles', `${article.slug}.json`) };
}

/** Versions written by one writer and replaced before any writer saw them. */
function lostVersions(children: Child[], modes: string[], finalRevision: string): string[] {
  const written = new Map<string, string>();
  const seen = new Set<string>([finalRevision]);
  for (const [i, child] of children.entries()) {
    for (const line of child.lines) {
      const [word, revision] = line.split(' ');
      if (word === 'error') throw new Error(`writer ${i} failed: ${line}`);
      if (word === 'wrote') written.set(revision!, modes[i]!);
      if (word === 'seen') seen.add(revision!);
    }
  }
  return [...written].filter(([revision]) => !seen.has(revision)).map(([revision, by]) => `${revision} written by ${by}`);
}

async function race(modes: Array<'app' | 'guest' | 'external'>, name: string): Promise<{ lost: string[]; counts: string[] }> {
  const { root, id, file } = await workspaceWithOneArticle(name);
  const children = modes.map((mode) => startChild(script, [mode, root, mode === 'external' ? file : id, String(RACE_MS)]));
  for (const child of children) await child.waitFor(/^ready$/, 20_000);
  for (const child of children) await child.waitFor(/^(done|error) /, RACE_MS + 30_000);
  const finalRevision = revisionOf(await readFile(file));
  const counts = children.map((c, i) => `${modes[i]}: ${c.lines.find((l) => l.startsWith('done'))?.slice(5) ?? '?'} (saved, conflicts)`);
  return { lost: lostVersions(children, modes, finalRevision), counts };
}

describe('several writers of one article', () => {
  it('a second Copydesk on the same workspace is refused by the lock, every time', async () => {
    const { root, id } = await workspaceWithOneArticle('locked');
    const holder = startChild(script, ['app', root, id, '4000']);
    await holder.waitFor(/^ready$/);
    for (let i = 0; i < 5; i++) {
      const second = startChild(script, ['app', root, id, '100']);
      expect(await second.waitFor(/^error /)).toMatch(/^error locked .*another Copydesk process/);
      await second.exited;
    }
    await holder.waitFor(/^done /, 20_000);
  });

  it('the app and the copydesk command saving at once: conflicts, never a lost update', { timeout: 120_000 }, async () => {
    const { lost, counts } = await race(['app', 'guest'], 'app-and-command');
    expect(lost, counts.join('; ')).toEqual([]);
  });

  it('the app while another program writes the file in a loop: conflicts, never a lost update', { timeout: 120_000 }, async () => {
    const { lost, counts } = await race(['app', 'external'], 'app-and-program');
    // What the program replaced unseen is its own doing (it writes blindly); Copydesk notices:
    // its next save from a base that is gone is a conflict.
    expect(lost.filter((l) => l.endsWith('by external')).length, `${counts.join('; ')}; ${lost.join(', ')}`).toBeLessThanOrEqual(RESIDUAL);
  });

  it('the app, the copydesk command and another program at once', { timeout: 120_000 }, async () => {
    const { lost, counts } = await race(['app', 'guest', 'external'], 'all-three');
    // The other program writes blindly: what it replaces unseen is its doing, and Copydesk
    // notices (the next save from a base it replaced is a conflict). Copydesk itself must
    // never replace a version unseen: not the program's, not the other Copydesk's.
    expect(lost.filter((l) => l.endsWith('by external')).length, `${counts.join('; ')}; ${lost.join(', ')}`).toBeLessThanOrEqual(RESIDUAL);
  });
});
