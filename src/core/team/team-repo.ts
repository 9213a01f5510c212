/**
 * What the team feature asks of a workspace's git repository: where it is, its branch and
 * remote, who commits, what changed in the working files (Copydesk's own, or another
 * program's), and what a fetch brought in. Plain reads; nothing here changes the repository.
 */
import { lstat, readFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import type { GitCommand } from './git-command';

/** The folders whose files Copydesk writes and commits; anything else is another program's. */
export const COPYDESK_PATHS = ['articles', 'sources', 'assets', 'exports'] as const;

/** Local state of each copy, never shared: the lock, the index, versions kept, the trash. */
export const GITIGNORE = `# Copydesk: each person's own state (lock, index, versions kept, trash); never shared
.copydesk/
exports/*.zip
.cd-*.tmp
`;

/** Files larger than this are not taken from a remote: a workspace holds text and images. */
export const MAX_INCOMING_BYTES = 50 * 1024 * 1024;

export interface Identity {
  name: string;
  email: string;
}

export async function isGitRepository(root: string): Promise<boolean> {
  const info = await lstat(path.join(root, '.git')).catch(() => null);
  return !!info && (info.isDirectory() || info.isFile());
}

export async function gitDirOf(git: GitCommand): Promise<string> {
  return path.resolve(git.dir, (await git.run(['rev-parse', '--git-dir'])).trim());
}

export async function headCommit(git: GitCommand): Promise<string | null> {
  const out = await git.run(['rev-parse', '--verify', '-q', 'HEAD'], { okExitCodes: [0, 1] });
  return out.trim() || null;
}

export async function currentBranch(git: GitCommand): Promise<string> {
  const out = await git.run(['symbolic-ref', '--short', '-q', 'HEAD'], { okExitCodes: [0, 1] });
  if (!out.trim()) {
    throw new ApiError('conflict', 'This workspace\'s repository is not on a branch (a "detached HEAD"). Check out its branch with git (for example "git switch main"), then sync again.');
  }
  return out.trim();
}

/** The remote to sync with: the branch's own, else `origin`, else the only one; null when there is none. */
export async function remoteOf(git: GitCommand, branch: string): Promise<{ name: string; url: string } | null> {
  // One read of the configuration: every remote's URL and the branch's own remote.
  const out = await git.run(['config', '--get-regexp', '^(remote\\..*\\.url|branch\\..*\\.remote)$'], { okExitCodes: [0, 1] });
  const urls = new Map<string, string>();
  let configured = '';
  for (const line of out.split('\n')) {
    const space = line.indexOf(' ');
    if (space < 0) continue;
    const key = line.slice(0, space);
    const value = line.slice(space + 1).trim();
    if (key === `branch.${branch}.remote`) configured = value;
    else if (key.startsWith('remote.') && key.endsWith('.url')) urls.set(key.slice('remote.'.length, -'.url'.length), value);
  }
  if (urls.size === 0) return null;
  const name = urls.has(configured) ? configured : urls.has('origin') ? 'origin' : [...urls.keys()][0]!;
  return { name, url: urls.get(name)! };
}

export async function refExists(git: GitCommand, ref: string): Promise<string | null> {
  const out = await git.run(['rev-parse', '--verify', '-q', `${ref}^{commit}`], { okExitCodes: [0, 1] });
  return out.trim() || null;
}

export async function isAncestor(git: GitCommand, older: string, newer: string): Promise<boolean> {
  try {
    await git.run(['merge-base', '--is-ancestor', older, newer]);
    return true;
  } catch {
    return false;
  }
}

export async function mergeBase(git: GitCommand, a: string, b: string): Promise<string | null> {
  const out = await git.run(['merge-base', a, b], { okExitCodes: [0, 1] });
  return out.trim() || null;
}

/** Who commits: git's user.name and user.email, else the reviewer's name and this computer's user. */
export async function identityOf(git: GitCommand, fallbackName: string | null): Promise<Identity> {
  const out = await git.run(['config', '--get-regexp', '^user\\.(name|email)$'], { okExitCodes: [0, 1] });
  const value = (key: string) => out.split('\n').filter((line) => line.startsWith(`${key} `)).at(-1)?.slice(key.length + 1).trim() ?? '';
  const [name, email] = [value('user.name'), value('user.email')];
  const user = (() => {
    try {
      return userInfo().username;
    } catch {
      return 'copydesk';
    }
  })();
  return { name: name || fallbackName || user, email: email || `${user}@${hostname()}` };
}

export function authorEnv(identity: Identity): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: identity.name,
    GIT_AUTHOR_EMAIL: identity.email,
    GIT_COMMITTER_NAME: identity.name,
    GIT_COMMITTER_EMAIL: identity.email,
  };
}

export interface WorkingChanges {
  /** Changes in Copydesk's own folders, to be committed. */
  own: string[];
  /** Changes anywhere else (another program's), or files git cannot merge now. */
  foreign: string[];
  /** Paths git holds mid-merge (someone ran git by hand). */
  unmerged: string[];
}

const isOwnPath = (file: string) => {
  if (file === '.gitignore') return true;
  const [first, ...rest] = file.split('/');
  if (!(COPYDESK_PATHS as readonly string[]).includes(first ?? '') || rest.length === 0) return false;
  if (first === 'articles' || first === 'sources') return rest.length === 1 && rest[0]!.endsWith('.json');
  return true;
};

export async function workingChanges(git: GitCommand): Promise<WorkingChanges> {
  const out = await git.run(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames']);
  const result: WorkingChanges = { own: [], foreign: [], unmerged: [] };
  for (const entry of out.split('\0')) {
    if (entry.length < 4) continue;
    const code = entry.slice(0, 2);
    const file = entry.slice(3);
    if (/U|AA|DD/.test(code)) result.unmerged.push(file);
    else if (isOwnPath(file)) result.own.push(file);
    else result.foreign.push(file);
  }
  return result;
}

/** A git command stopped half way in this repository (a merge, a rebase): named, with what to do. */
export async function operationInProgress(gitDir: string): Promise<string | null> {
  const there = async (name: string) => !!(await lstat(path.join(gitDir, name)).catch(() => null));
  if (await there('MERGE_HEAD')) return 'a git merge was started here and not finished. Finish it with git, or undo it with "git merge --abort"';
  if ((await there('rebase-merge')) || (await there('rebase-apply'))) return 'a git rebase was started here and not finished. Finish it with git, or undo it with "git rebase --abort"';
  if (await there('CHERRY_PICK_HEAD')) return 'a git cherry-pick was started here and not finished; finish or abort it with git';
  return null;
}

/** A changed record must still be JSON before it is committed and sent to others. */
export async function unreadableRecords(root: string, files: string[]): Promise<string[]> {
  const bad: string[] = [];
  for (const file of files) {
    if (!/^(articles|sources)\/[^/]+\.json$/.test(file)) continue;
    const text = await readFile(path.join(root, file), 'utf8').catch(() => null);
    if (text === null) continue; // removed: nothing to read
    try {
      JSON.parse(text);
    } catch {
      bad.push(file);
    }
  }
  return bad;
}

export interface IncomingProblem {
  file: string;
  reason: string;
}

/**
 * What a fetch would bring into the working files, checked before anything is written: no
 * file over the size limit, no link or submodule, and a tree that is a Copydesk workspace.
 */
export async function checkIncoming(git: GitCommand, from: string | null, to: string): Promise<IncomingProblem[]> {
  const problems: IncomingProblem[] = [];
  const tree = await git.run(['ls-tree', '-z', to]);
  if (!tree.split('\0').some((line) => /^040000 tree [0-9a-f]+\tarticles$/.test(line))) {
    problems.push({ file: '(the whole repository)', reason: 'it is not a Copydesk workspace: it has no articles/ folder' });
    return problems;
  }
  const args = from ? ['diff-tree', '-r', '-z', '--no-renames', '--no-abbrev', from, to] : ['ls-tree', '-r', '-z', '--full-tree', to];
  const out = await git.run(args);
  const fields = out.split('\0');
  const blobs: Array<{ file: string; oid: string; mode: string }> = [];
  if (from) {
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const match = /^:\d+ (\d+) [0-9a-f]+ ([0-9a-f]+) (\w)/.exec(fields[i]!);
      if (match && match[3] !== 'D') blobs.push({ file: fields[i + 1]!, oid: match[2]!, mode: match[1]! });
    }
  } else {
    for (const line of fields) {
      const match = /^(\d+) \w+ ([0-9a-f]+)\t(.*)$/s.exec(line);
      if (match) blobs.push({ file: match[3]!, oid: match[2]!, mode: match[1]! });
    }
  }
  for (const blob of blobs) {
    if (blob.mode === '120000') problems.push({ file: blob.file, reason: 'it is a link, and Copydesk never follows links out of a workspace' });
    else if (blob.mode === '160000') problems.push({ file: blob.file, reason: 'it is a submodule (another repository inside this one)' });
  }
  const regular = blobs.filter((b) => b.mode === '100644' || b.mode === '100755');
  if (regular.length) {
    const sizes = await git.run(['cat-file', '--batch-check=%(objectname) %(objectsize)'], { input: `${regular.map((b) => b.oid).join('\n')}\n` });
    const sizeOf = new Map(sizes.split('\n').map((line) => line.split(' ') as [string, string]).map(([oid, size]) => [oid, Number(size)]));
    for (const blob of regular) {
      const size = sizeOf.get(blob.oid) ?? 0;
      if (size > MAX_INCOMING_BYTES) {
        problems.push({ file: blob.file, reason: `it is ${(size / 1024 / 1024).toFixed(0)} MB; Copydesk takes files up to ${MAX_INCOMING_BYTES / 1024 / 1024} MB from a remote` });
      }
    }
  }
  return problems;
}

/** Who added a file in the commits between two points, for a message. */
export async function whoAdded(git: GitCommand, range: string, file: string): Promise<string> {
  const out = await git.run(['log', '--format=%an, %ad (%h)', '--date=short', '-n', '1', range, '--', file]).catch(() => '');
  return out.trim();
}
