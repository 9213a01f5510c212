/**
 * Real git repositories for team tests: a bare "remote" on the local file system, and
 * workspaces started on it or cloned from it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cloneWorkspace } from '../../../../src/core/team/team-setup';
import { Workspace } from '../../../../src/core/workspace/workspace';
import { bodyOf } from '../../../helpers/temp';

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
}

export function bareRemote(dir: string): string {
  const remote = path.join(dir, 'remote.git');
  mkdirSync(remote);
  git(remote, 'init', '-q', '--bare', '-b', 'main');
  return remote;
}

/** A writer's workspace with `count` articles, started on the remote. */
export async function startedWorkspace(root: string, remote: string, count = 2): Promise<{ workspace: Workspace; ids: string[] }> {
  const workspace = await Workspace.open(root, { watch: false, indexWriteDelayMs: 5 });
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const article = await workspace.articles.create({ headline: `Article ${i}`, dek: `Dek ${i}` }, bodyOf(`First paragraph of ${i}.`, `Second paragraph of ${i}.`, `Third paragraph of ${i}.`));
    ids.push(article.id);
  }
  writeFileSync(path.join(root, 'NOTES.md'), 'Desk notes kept beside the articles.\n');
  await workspace.team.start({ remoteUrl: remote, name: 'Writer', email: 'writer@example.org' });
  return { workspace, ids };
}

export async function clonedWorkspace(remote: string, root: string, name = 'Reviewer'): Promise<Workspace> {
  await cloneWorkspace({ url: remote, folder: root, name, email: `${name.toLowerCase()}@example.org` });
  return Workspace.open(root, { watch: false, indexWriteDelayMs: 5 });
}

/** Saves meta and/or body of an article through the store, as the editor does. */
export async function edit(workspace: Workspace, id: string, change: { meta?: Record<string, unknown>; paragraphs?: string[] }) {
  const article = await workspace.articles.get(id);
  return workspace.articles.save({ id, baseRevision: article.revision, meta: change.meta as never, body: change.paragraphs ? bodyOf(...change.paragraphs) : undefined });
}
