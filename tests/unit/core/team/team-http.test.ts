/**
 * Team sync over HTTP: a local git server (git http-backend behind node:http, started by
 * the test) as the remote of two clones; and a remote that wants a login answers at once
 * with what to do, never a prompt that waits.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../../src/core/workspace/workspace';
import { tempDir } from '../../../helpers/temp';
import { startGitHttpServer } from './git-http-server';
import { bareRemote, clonedWorkspace, edit, git, startedWorkspace } from './team-helpers';

const cleanups: Array<() => Promise<void>> = [];
const open: Workspace[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) await w.close();
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('team sync over HTTP', () => {
  it('two clones of one remote served over HTTP exchange their changes', async () => {
    const { dir, cleanup } = await tempDir('copydesk-team-http-');
    cleanups.push(cleanup);
    const remote = bareRemote(dir);
    git(remote, 'config', 'http.receivepack', 'true');
    const server = await startGitHttpServer(dir);
    cleanups.push(server.close);
    const url = `${server.url}/remote.git`;
    const { workspace: writer, ids } = await startedWorkspace(path.join(dir, 'writer'), url);
    const reviewer = await clonedWorkspace(url, path.join(dir, 'reviewer'));
    open.push(writer, reviewer);
    await edit(reviewer, ids[0]!, { meta: { dek: 'Over HTTP' } });
    await reviewer.team.commitNow('Edit: Article 1');
    expect((await reviewer.team.sync()).sent).toBe(1);
    expect((await writer.team.sync()).received).toBe(1);
    expect((await writer.articles.get(ids[0]!)).meta.dek).toBe('Over HTTP');
  }, 60_000);

  it('a remote that asks for a login: refused at once with what to do, never a prompt', async () => {
    const { dir, cleanup } = await tempDir('copydesk-team-http-');
    cleanups.push(cleanup);
    const server = await startGitHttpServer(dir);
    cleanups.push(server.close);
    const { Workspace: W } = await import('../../../../src/core/workspace/workspace');
    const workspace = await W.open(path.join(dir, 'desk'), { watch: false });
    open.push(workspace);
    const started = Date.now();
    await expect(workspace.team.start({ remoteUrl: `${server.url}/private/desk.git` })).rejects.toThrow(/refused to let you in \(authentication failed\)\. Set up your access with git/);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect((await workspace.team.status()).mode).toBe('folder');
  }, 60_000);
});
