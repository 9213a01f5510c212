import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cloneWorkspace } from '../../../../src/core/team/team-setup';
import { Workspace } from '../../../../src/core/workspace/workspace';
import { bundleForNode, startChild } from '../../../helpers/child';
import { tempDir } from '../../../helpers/temp';
import { bareRemote, clonedWorkspace, edit, git, startedWorkspace } from './team-helpers';

const cleanups: Array<() => Promise<void>> = [];
const open: Workspace[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) await w.close();
  for (const c of cleanups.splice(0)) await c();
});

async function scratch() {
  const { dir, cleanup } = await tempDir('copydesk-team-bad-');
  cleanups.push(cleanup);
  return dir;
}

/** Every file in the workspace's articles/ is whole JSON: nothing half-written, no conflict marker. */
function everyArticleParses(root: string): number {
  const names = readdirSync(path.join(root, 'articles')).filter((n) => n.endsWith('.json'));
  for (const name of names) {
    const text = readFileSync(path.join(root, 'articles', name), 'utf8');
    expect(() => JSON.parse(text), name).not.toThrow();
    expect(text).not.toMatch(/^(<<<<<<<|>>>>>>>)/m);
  }
  return names.length;
}

describe('team sync: bad input gets a clear message and changes nothing', () => {
  it('a remote that does not exist: refused with what to do, and the workspace is not made a repository', async () => {
    const dir = await scratch();
    const workspace = await Workspace.open(path.join(dir, 'desk'), { watch: false });
    open.push(workspace);
    await expect(workspace.team.start({ remoteUrl: path.join(dir, 'no-such-remote.git') })).rejects.toThrow(/no git repository at that address.*Check the remote's address/);
    expect(existsSync(path.join(dir, 'desk', '.git'))).toBe(false);
    expect((await workspace.team.status()).mode).toBe('folder');
  });

  it('syncing a workspace that is not shared says how to share it', async () => {
    const dir = await scratch();
    const workspace = await Workspace.open(path.join(dir, 'desk'), { watch: false });
    open.push(workspace);
    await expect(workspace.team.sync()).rejects.toThrow(/not shared yet.*Start team sync/);
  });

  it('cloning a repository that is not a Copydesk workspace: refused, and no folder is left behind', async () => {
    const dir = await scratch();
    const other = path.join(dir, 'other');
    execFileSync('git', ['init', '-q', '-b', 'main', other]);
    writeFileSync(path.join(other, 'README.md'), 'a software project\n');
    git(other, 'add', '.');
    git(other, '-c', 'user.name=x', '-c', 'user.email=x@y', 'commit', '-qm', 'init');
    const target = path.join(dir, 'copy');
    await expect(cloneWorkspace({ url: other, folder: target })).rejects.toThrow(/not a Copydesk workspace: it has no articles\/ folder/);
    expect(existsSync(target)).toBe(false);
  });

  it('cloning into a folder that holds files is refused before anything is fetched', async () => {
    const dir = await scratch();
    const remote = bareRemote(dir);
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    await expect(cloneWorkspace({ url: remote, folder: dir })).rejects.toThrow(/not an empty folder/);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('a working tree with changes another program made: refused, naming them; they stay', async () => {
    const dir = await scratch();
    const remote = bareRemote(dir);
    const { workspace } = await startedWorkspace(path.join(dir, 'writer'), remote);
    open.push(workspace);
    const head = git(workspace.layout.root, 'rev-parse', 'HEAD');
    writeFileSync(path.join(workspace.layout.root, 'notes.txt'), 'my own notes');
    await expect(workspace.team.sync()).rejects.toThrow(/changes Copydesk did not make: notes\.txt.*Commit them with git yourself, or move them out/);
    expect(readFileSync(path.join(workspace.layout.root, 'notes.txt'), 'utf8')).toBe('my own notes');
    expect(git(workspace.layout.root, 'rev-parse', 'HEAD')).toBe(head);
    const status = await workspace.team.status();
    expect(status.lastSync).toMatchObject({ ok: false, offline: false });
  });

  it('a huge binary pushed by someone else: refused with its name, size and who added it; nothing here changes', async () => {
    const dir = await scratch();
    const remote = bareRemote(dir);
    const { workspace, ids } = await startedWorkspace(path.join(dir, 'writer'), remote);
    open.push(workspace);
    // Someone with plain git adds a 51 MB file and an article change, and pushes.
    const other = path.join(dir, 'other');
    execFileSync('git', ['clone', '-q', remote, other]);
    writeFileSync(path.join(other, 'assets-huge.bin'), Buffer.alloc(51 * 1024 * 1024, 7));
    git(other, 'add', '.');
    git(other, '-c', 'user.name=Someone Else', '-c', 'user.email=else@example.org', 'commit', '-qm', 'add a video');
    git(other, 'push', '-q', 'origin', 'main');
    const before = readdirSync(path.join(workspace.layout.root));
    const head = git(workspace.layout.root, 'rev-parse', 'HEAD');
    await expect(workspace.team.sync()).rejects.toThrow(/assets-huge\.bin: it is 51 MB.*up to 50 MB.*Someone Else/);
    expect(readdirSync(path.join(workspace.layout.root))).toEqual(before);
    expect(git(workspace.layout.root, 'rev-parse', 'HEAD')).toBe(head);
    expect((await workspace.articles.get(ids[0]!)).meta.headline).toBe('Article 1');
  });

  it('a remote that cannot be reached: "cannot be reached", offline in the status, the work kept', async () => {
    const dir = await scratch();
    const remote = bareRemote(dir);
    const { workspace, ids } = await startedWorkspace(path.join(dir, 'writer'), remote);
    open.push(workspace);
    git(workspace.layout.root, 'remote', 'set-url', 'origin', 'http://127.0.0.1:9/desk.git');
    await edit(workspace, ids[0]!, { meta: { dek: 'Offline edit' } });
    await expect(workspace.team.sync()).rejects.toThrow(/cannot be reached.*Your work is kept here/);
    const status = await workspace.team.status();
    expect(status.lastSync).toMatchObject({ ok: false, offline: true });
    expect(status.ahead).toBe(1); // committed here, waiting to be sent
    expect((await workspace.articles.get(ids[0]!)).meta.dek).toBe('Offline edit');
  });

  it('no git on this computer: the status says so, and sync explains what to install', async () => {
    const dir = await scratch();
    const workspace = await Workspace.open(path.join(dir, 'desk'), { watch: false, team: { gitBinary: 'git-that-is-not-installed' } });
    open.push(workspace);
    expect(await workspace.team.status()).toMatchObject({ mode: 'folder', gitVersion: null });
    await expect(workspace.team.sync()).rejects.toThrow(/needs git, and none was found on this computer\. Install git/);
  });
});

describe('an interrupted sync', () => {
  let childScript = '';
  beforeAll(async () => {
    const dir = await scratch();
    childScript = await bundleForNode(path.join(__dirname, '..', 'fixtures', 'team-sync-child.ts'), dir);
    cleanups.splice(0); // the bundle lives for the whole file
  }, 60_000);

  it('a process killed while moving files leaves every file parseable, and the next sync finishes the move', async () => {
    const dir = await scratch();
    const remote = bareRemote(dir);
    const { workspace: writer, ids } = await startedWorkspace(path.join(dir, 'writer'), remote, 8);
    open.push(writer);
    const reviewerRoot = path.join(dir, 'reviewer');
    const reviewer = await clonedWorkspace(remote, reviewerRoot);
    await edit(reviewer, ids[7]!, { meta: { dek: 'Reviewer dek, local' } });
    await reviewer.close();
    for (const id of ids) await edit(writer, id, { meta: { dek: `Writer dek ${id.slice(0, 4)}` } });
    await writer.team.sync();

    const child = startChild(childScript, [reviewerRoot, '3']);
    await child.waitFor(/^paused$/, 60_000);
    child.process.kill('SIGKILL');
    await child.exited;

    expect(everyArticleParses(reviewerRoot)).toBe(8);
    expect(existsSync(path.join(reviewerRoot, '.git', 'copydesk-sync.json'))).toBe(true);
    expect(() => git(reviewerRoot, 'status', '--porcelain')).not.toThrow();

    const again = await Workspace.open(reviewerRoot, { watch: false });
    open.push(again);
    await again.team.sync();
    expect(existsSync(path.join(reviewerRoot, '.git', 'copydesk-sync.json'))).toBe(false);
    for (const id of ids.slice(0, 7)) expect((await again.articles.get(id)).meta.dek).toBe(`Writer dek ${id.slice(0, 4)}`);
    // The one both changed merged by field as usual: theirs kept in the versions, ours in the file.
    expect((await again.articles.get(ids[7]!)).meta.dek).toBe('Reviewer dek, local');
    expect(git(reviewerRoot, 'status', '--porcelain')).toBe('');
    await writer.team.sync();
    expect((await writer.articles.get(ids[7]!)).meta.dek).toBe('Reviewer dek, local');
  }, 120_000);
});

describe('team sync: a remote that refuses or has another history', () => {
  it('a push the remote refuses (a hook, a protected branch) is said in words; the work stays committed here', async () => {
    const dir = await scratch();
    const remote = bareRemote(dir);
    const { workspace, ids } = await startedWorkspace(path.join(dir, 'writer'), remote);
    open.push(workspace);
    writeFileSync(path.join(remote, 'hooks', 'pre-receive'), '#!/bin/sh\necho "main is protected" >&2\nexit 1\n', { mode: 0o755 });
    await edit(workspace, ids[0]!, { meta: { dek: 'Refused' } });
    await expect(workspace.team.sync()).rejects.toThrow(/The remote refused your changes .*Ask whoever runs the remote to let you push to main; your work stays committed here/);
    expect((await workspace.team.status()).ahead).toBe(1);
    expect(git(workspace.layout.root, 'status', '--porcelain')).toBe('');
  });

  it('a remote whose history has nothing in common with this one (another workspace pushed over it): refused, nothing changed', async () => {
    const dir = await scratch();
    const remote = bareRemote(dir);
    const { workspace, ids } = await startedWorkspace(path.join(dir, 'writer'), remote);
    open.push(workspace);
    const other = await Workspace.open(path.join(dir, 'other'), { watch: false });
    await other.articles.create({ headline: 'Another desk' });
    await other.team.start({});
    git(other.layout.root, 'push', '-q', '--force', remote, 'HEAD:refs/heads/main');
    await other.close();
    const head = git(workspace.layout.root, 'rev-parse', 'HEAD');
    await expect(workspace.team.sync()).rejects.toThrow(/nothing in common.*Clone the remote into a new folder instead/);
    expect(git(workspace.layout.root, 'rev-parse', 'HEAD')).toBe(head);
    expect((await workspace.articles.get(ids[0]!)).meta.headline).toBe('Article 1');
  });

  it('what an API call did is committed before the workspace closes', async () => {
    const dir = await scratch();
    const remote = bareRemote(dir);
    const { workspace, ids } = await startedWorkspace(path.join(dir, 'writer'), remote);
    const article = await workspace.articles.get(ids[1]!);
    await workspace.review.setStatus({ id: ids[1]!, baseRevision: article.revision, status: 'in-review', by: 'Writer' });
    workspace.team.after('articles.setStatus', { id: ids[1]!, status: 'in-review' }, {});
    await workspace.close();
    expect(git(workspace.layout.root, 'log', '-1', '--format=%an: %s')).toBe('Writer: Send to review: Article 2\n');
  });
});
