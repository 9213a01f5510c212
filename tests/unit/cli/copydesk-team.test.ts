/**
 * `copydesk sync` and `copydesk history`, run as a desk's script runs them: the built
 * command in a real child process, on clones of one bare repository.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copydesk, ensureBuiltCommand } from '../../helpers/copydesk-bin';
import { tempDir } from '../../helpers/temp';
import { bareRemote, clonedWorkspace, edit, startedWorkspace } from '../core/team/team-helpers';

let scratch: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  scratch = await tempDir('copydesk-cli-team-');
  await ensureBuiltCommand();
}, 120_000);
afterAll(() => scratch.cleanup());

describe('copydesk sync and history', () => {
  it('syncs a clone (exit 0, JSON on request) and lists an article\'s commits with who and when', async () => {
    const remote = bareRemote(scratch.dir);
    const { workspace: writer, ids } = await startedWorkspace(path.join(scratch.dir, 'writer'), remote);
    const reviewerRoot = path.join(scratch.dir, 'reviewer');
    const reviewer = await clonedWorkspace(remote, reviewerRoot);
    await reviewer.close();
    await edit(writer, ids[0]!, { meta: { dek: 'A new dek from the writer' } });
    await writer.team.commitNow('Edit: Article 1');
    await writer.team.sync();
    await writer.close();

    const sync = await copydesk('sync', '--workspace', reviewerRoot);
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/^Synced main with origin \(.*remote\.git\): Received 1 changed file\./);
    const again = await copydesk('sync', '--json', '--workspace', reviewerRoot);
    expect(JSON.parse(again.stdout)).toMatchObject({ received: 0, sent: 0, message: 'Up to date', status: { ahead: 0, behind: 0 } });

    const history = await copydesk('history', 'article-1', '--workspace', reviewerRoot);
    expect(history.code).toBe(0);
    expect(history.stdout).toMatch(/“Article 1”: 2 commits/);
    expect(history.stdout).toMatch(/Writer <writer@example\.org>  Edit: Article 1/);
    const json = JSON.parse((await copydesk('history', ids[0]!, '--json', '--workspace', reviewerRoot)).stdout) as { commits: Array<{ by: string; message: string }> };
    expect(json.commits.map((c) => c.message)).toEqual(['Edit: Article 1', 'Start team sync']);
  }, 120_000);

  it('a workspace that is not shared: exit 1 with what to do; an unknown article: exit 2', async () => {
    const plain = path.join(scratch.dir, 'plain');
    const { Workspace } = await import('../../../src/core/workspace/workspace');
    await (await Workspace.open(plain, { watch: false })).close();
    const sync = await copydesk('sync', '--workspace', plain);
    expect(sync.code).toBe(1);
    expect(sync.stderr).toMatch(/not shared yet.*Start team sync/);
    const history = await copydesk('history', 'nope', '--workspace', plain);
    expect(history.code).toBe(2);
  }, 60_000);
});
