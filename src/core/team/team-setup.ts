/**
 * Setting a shared workspace up: the .gitignore that keeps each person's own state out of
 * the repository, and a clone of a shared workspace into a new folder, checked before its
 * files are written and removed whole when it is not a workspace.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import { writeFileDurably } from '../storage/write-durably';
import { GitCommand } from './git-command';
import * as repo from './team-repo';

/** Writes or completes the workspace's .gitignore, keeping any lines already there. */
export async function ensureGitignore(root: string): Promise<void> {
  const file = path.join(root, '.gitignore');
  const existing = await readFile(file, 'utf8').catch(() => '');
  const missing = repo.GITIGNORE.split('\n').filter((line) => line && !line.startsWith('#') && !existing.split('\n').includes(line));
  if (existing && missing.length === 0) return;
  await writeFileDurably(file, existing ? `${existing.replace(/\n?$/, '\n')}${missing.join('\n')}\n` : repo.GITIGNORE);
}

/** Clones a shared workspace into a new folder; refused, leaving nothing, when the remote is not one. */
export async function cloneWorkspace(request: { url: string; folder: string; name?: string | undefined; email?: string | undefined }, gitBinary?: string): Promise<{ path: string }> {
  if (request.url.trim().startsWith('-')) throw new ApiError('invalid-request', `"${request.url}" is not the address of a git remote.`);
  const folder = path.resolve(request.folder);
  const info = await stat(folder).catch(() => null);
  if (info && (!info.isDirectory() || (await readdir(folder)).length > 0)) {
    throw new ApiError('invalid-request', `${folder} is not an empty folder. Choose a new folder (or an empty one) for the copy.`);
  }
  const created = !info;
  await mkdir(folder, { recursive: true });
  const git = new GitCommand(folder, gitBinary);
  const undo = () => (created ? rm(folder, { recursive: true, force: true }) : clearFolder(folder));
  try {
    await git.run(['clone', '-q', '--no-checkout', '--no-tags', request.url.trim(), '.'], { timeoutMs: 300_000 });
    const head = await repo.headCommit(git);
    if (!head) throw new ApiError('invalid-request', `The repository at ${request.url} is empty: nobody has started team sync with it yet. Start team sync from a workspace with that remote first.`);
    const problems = await repo.checkIncoming(git, null, head);
    if (problems.length) {
      throw new ApiError('invalid-request', `The repository at ${request.url} cannot be opened as a workspace: ${problems.slice(0, 5).map((p) => (p.file.startsWith('(') ? p.reason : `${p.file}: ${p.reason}`)).join('; ')}. Nothing was kept.`);
    }
    await git.run(['checkout', '-q']);
    if (request.name?.trim()) await git.run(['config', 'user.name', request.name.trim()]);
    if (request.email?.trim()) await git.run(['config', 'user.email', request.email.trim()]);
    await ensureGitignore(folder);
    return { path: folder };
  } catch (error) {
    await undo();
    throw error;
  }
}

async function clearFolder(folder: string): Promise<void> {
  for (const name of await readdir(folder)) await rm(path.join(folder, name), { recursive: true, force: true });
}
