/**
 * Team work on a workspace that is a git repository: start it, commit what happens
 * (batched edits, status changes, decisions, exports, sources), sync with the remote
 * (fetch, merge per article, push), and read history and presence back from git.
 *
 * About 400 lines because it is the one place the steps of a sync meet, in order, under
 * one queue, with the commits that must not interleave with them; the steps themselves are
 * in team-repo.ts (reads), merge-commits.ts (the merge, in git's store), working-files.ts
 * (moving the files, with a journal), team-setup.ts (clone, .gitignore) and
 * team-history.ts (an article's commits, who changed what last).
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import type { KeptBothFile, LastSync, Presence, SyncResult, TeamCommit, TeamStatus } from '../../shared/team';
import { SerialQueue } from '../storage/serial-queue';
import { writeFileDurably } from '../storage/write-durably';
import { commitFor, settledMessage } from './commit-messages';
import { GitCommand } from './git-command';
import { buildMerge, type KeptBoth } from './merge-commits';
import * as repo from './team-repo';
import { articleCommits, lastChanges } from './team-history';
import { ensureGitignore } from './team-setup';
import { moveWorkingFiles, readJournal } from './working-files';

export interface TeamHooks {
  /** Runs a task that changes the working files on the workspace's queue. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** The stores look again at files a sync changed. */
  notice(files: string[]): Promise<void>;
  /** Keeps the other side's version of a record in its versions; where it was kept, or null. */
  keepTheirs(file: string, text: string): Promise<string | null>;
  /** A merged record, as Copydesk writes it. */
  serialize(file: string, value: unknown): string;
  headlineOf(id: string): string | null;
  slugOf(id: string): string | null;
  /** The name reviewers sign with, for commits when git has no user.name. */
  fallbackName(): string | null;
  readOnly: boolean;
}

export interface TeamOptions {
  /** Quiet time before edits are committed as one batch (default two minutes). */
  settleMs?: number;
  gitBinary?: string;
  /** Called after each file a sync moves (a test stops the process there). */
  afterEachFile?: (done: number) => Promise<void>;
}

const STATE_FILE = 'copydesk-team.json';
/** A status read this recently answers again (it is read again at once after any commit or sync). */
const STATUS_FRESH_MS = 2000;

export class TeamService {
  private readonly git: GitCommand;
  private readonly serial = new SerialQueue();
  private settleTimer: NodeJS.Timeout | undefined;
  private settling = new Set<string>();
  /** Messages of commits asked for and not yet made, and whether a task to make them is queued. */
  private waiting: string[] = [];
  private queued = false;
  /** The last status and when it was read: a burst of questions costs one reading. */
  private statusCache: { at: number; status: TeamStatus } | null = null;
  private gitVersion: string | null | undefined;
  private presenceCache: { head: string; list: Presence[] } | null = null;

  constructor(
    readonly root: string,
    private readonly hooks: TeamHooks,
    private readonly options: TeamOptions = {},
  ) {
    this.git = new GitCommand(root, options.gitBinary);
  }

  isGitMode(): Promise<boolean> {
    return repo.isGitRepository(this.root);
  }

  /** Resolves once every commit and sync asked for so far has settled. */
  idle(): Promise<void> {
    return this.serial.idle();
  }

  close(): void {
    clearTimeout(this.settleTimer);
  }

  // ---- commits --------------------------------------------------------------------

  /** After an API call: commits at once for events that mean something, batches edits until they settle. */
  after(method: string, request: Record<string, unknown>, response: unknown): void {
    if (this.hooks.readOnly) return;
    const trigger = commitFor(method, request, response, (id) => this.hooks.headlineOf(id));
    if (!trigger) return;
    // On the team's queue at once, so idle() (and closing the workspace) waits for it; calls
    // that come while one commit waits join it (one commit, their messages together).
    if (trigger !== 'settle') this.waiting.push(trigger.now);
    if (trigger === 'settle' && typeof request.id === 'string') this.settling.add(this.hooks.headlineOf(request.id) ?? '');
    if (this.queued) return;
    this.queued = true;
    void this.serial
      .run(async () => {
        this.queued = false;
        const messages = this.waiting.splice(0);
        if (!(await this.isGitMode())) return;
        if (messages.length === 0) {
          clearTimeout(this.settleTimer);
          this.settleTimer = setTimeout(() => void this.commitNow(null).catch(() => undefined), this.options.settleMs ?? 120_000);
          this.settleTimer.unref?.();
          return;
        }
        await this.commitPending(messages.length === 1 ? messages[0]! : `${messages[0]!} (and ${messages.length - 1} more)\n\n${messages.join('\n')}`);
      })
      .catch((error: unknown) => console.error(`Copydesk could not commit after ${method}: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** Commits Copydesk's changed files now, with `message` (or the batched edits' names). */
  commitNow(message: string | null): Promise<boolean> {
    return this.serial.run(() => this.commitPending(message));
  }

  private async commitPending(message: string | null, extra: string[] = [], known?: repo.WorkingChanges): Promise<boolean> {
    const changes = known ?? (await repo.workingChanges(this.git));
    const bad = await repo.unreadableRecords(this.root, changes.own);
    const files = [...changes.own.filter((f) => !bad.includes(f)), ...extra];
    if (files.length === 0) return false;
    this.statusCache = null;
    const text = message ?? settledMessage([...this.settling]);
    this.settling.clear();
    clearTimeout(this.settleTimer);
    const identity = await repo.identityOf(this.git, this.hooks.fallbackName());
    const list = { input: `${files.join('\0')}\0` };
    await this.git.run(['add', '-A', '--pathspec-from-file=-', '--pathspec-file-nul'], list);
    const staged = await this.git.run(['diff', '--cached', '--name-only', '-z'], {});
    if (!staged) return false;
    await this.git.run(['commit', '-q', '--no-verify', '--no-gpg-sign', '-m', text, '--pathspec-from-file=-', '--pathspec-file-nul'], { ...list, env: repo.authorEnv(identity) });
    return true;
  }

  // ---- status ---------------------------------------------------------------------

  async status(): Promise<TeamStatus> {
    const cached = this.statusCache;
    if (cached && Date.now() - cached.at < STATUS_FRESH_MS) return cached.status;
    const status = await this.readStatus();
    this.statusCache = { at: Date.now(), status };
    return status;
  }

  private async readStatus(): Promise<TeamStatus> {
    this.gitVersion ??= await this.git.version();
    const folder: TeamStatus = { mode: 'folder', gitVersion: this.gitVersion, branch: null, remote: null, ahead: 0, behind: 0, pending: 0, user: null, lastSync: null };
    if (!this.gitVersion || !(await this.isGitMode())) return folder;
    const branch = await repo.currentBranch(this.git).catch(() => null);
    const remote = branch ? await repo.remoteOf(this.git, branch) : null;
    const head = await repo.headCommit(this.git);
    let ahead = 0;
    let behind = 0;
    const tracking = remote && branch ? await repo.refExists(this.git, `refs/remotes/${remote.name}/${branch}`) : null;
    if (head && tracking) {
      const [a, b] = (await this.git.run(['rev-list', '--left-right', '--count', `${head}...${tracking}`])).trim().split(/\s+/).map(Number);
      ahead = a ?? 0;
      behind = b ?? 0;
    } else if (head) {
      ahead = Number((await this.git.run(['rev-list', '--count', head])).trim());
    }
    const changes = await repo.workingChanges(this.git);
    return {
      mode: 'git',
      gitVersion: this.gitVersion,
      branch,
      remote,
      ahead,
      behind,
      pending: changes.own.length,
      user: await repo.identityOf(this.git, this.hooks.fallbackName()),
      lastSync: await this.readState(),
    };
  }

  private async statePath(): Promise<string> {
    return path.join(await repo.gitDirOf(this.git), STATE_FILE);
  }

  private async readState(): Promise<LastSync | null> {
    try {
      return JSON.parse(await readFile(await this.statePath(), 'utf8')) as LastSync;
    } catch {
      return null;
    }
  }

  /** Kept in .git (never committed); a workspace that is not a repository keeps none. */
  private async writeState(state: LastSync): Promise<void> {
    try {
      if (await this.isGitMode()) await writeFileDurably(await this.statePath(), JSON.stringify(state));
    } catch {
      // the last sync's record is a convenience; the sync's own outcome has been decided
    }
  }

  // ---- start ----------------------------------------------------------------------

  /** Makes the workspace a git repository (with a .gitignore for each person's own state), and connects a remote if given. */
  start(request: { remoteUrl?: string | undefined; name?: string | undefined; email?: string | undefined }): Promise<TeamStatus> {
    return this.serial.run(async () => {
      this.requireWritable();
      this.statusCache = null;
      if (!(await this.git.version())) await this.git.run(['version']);
      const url = request.remoteUrl?.trim();
      if (url?.startsWith('-')) throw new ApiError('invalid-request', `"${url}" is not the address of a git remote.`);
      if (url) {
        const heads = await this.git.run(['ls-remote', '--heads', url], { timeoutMs: 30_000 });
        if (heads.trim() && !(await this.isGitMode())) {
          throw new ApiError('conflict', `The remote ${url} already holds a workspace. Use "Clone a workspace" to make a copy of it in a new folder; this workspace is unchanged.`);
        }
      }
      if (!(await this.isGitMode())) await this.git.run(['init', '-q', '-b', 'main']);
      if (request.name?.trim()) await this.git.run(['config', 'user.name', request.name.trim()]);
      if (request.email?.trim()) await this.git.run(['config', 'user.email', request.email.trim()]);
      await ensureGitignore(this.root);
      // Whatever the folder holds when it is shared is shared (a README, notes); later changes outside Copydesk's folders are the person's to commit.
      const changes = await repo.workingChanges(this.git);
      await this.commitPending('Start team sync', ['.gitignore', ...changes.foreign], changes);
      if (url) {
        const remotes = (await this.git.run(['remote'])).split('\n').map((s) => s.trim());
        await this.git.run(remotes.includes('origin') ? ['remote', 'set-url', 'origin', url] : ['remote', 'add', 'origin', url]);
        const branch = await repo.currentBranch(this.git);
        await this.pushNow('origin', branch);
        await this.git.run(['config', `branch.${branch}.remote`, 'origin']);
        await this.git.run(['config', `branch.${branch}.merge`, `refs/heads/${branch}`]);
      }
      this.statusCache = null;
      return this.status();
    });
  }

  // ---- sync -----------------------------------------------------------------------

  /** Commits, fetches, merges article by article, and pushes; a failure changes no working file. */
  sync(): Promise<SyncResult> {
    return this.serial.run(async () => {
      this.statusCache = null;
      try {
        let result = await this.syncOnce();
        if (result === 'rejected') result = await this.syncOnce(); // someone pushed meanwhile: once more
        if (result === 'rejected') throw new ApiError('conflict', 'The remote kept refusing the push because others pushed at the same moment. Sync again in a minute; your work is committed here.');
        await this.writeState({ at: new Date().toISOString(), ok: true, message: result.message, offline: false, keptBoth: result.keptBoth });
        this.statusCache = null;
        return { ...result, status: await this.status() };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const offline = error instanceof ApiError && error.code === 'unavailable' && /cannot be reached|did not answer/.test(message);
        await this.writeState({ at: new Date().toISOString(), ok: false, message, offline, keptBoth: [] });
        this.statusCache = null;
        throw error;
      }
    });
  }

  private async syncOnce(): Promise<Omit<SyncResult, 'status'> | 'rejected'> {
    this.requireWritable();
    const gitDir = await this.requireRepository();
    await this.resumeInterrupted(gitDir);
    const stopped = await repo.operationInProgress(gitDir);
    if (stopped) throw new ApiError('conflict', `Copydesk cannot sync now: ${stopped}. Nothing was changed.`);
    const branch = await repo.currentBranch(this.git);
    const remote = await repo.remoteOf(this.git, branch);
    if (!remote) throw new ApiError('invalid-request', 'This workspace has no remote to sync with. Connect one in "Start team sync" (the address of a shared repository, or the path of one on a shared drive).');
    const changes = await repo.workingChanges(this.git);
    if (changes.unmerged.length) throw new ApiError('conflict', `git holds ${changes.unmerged.join(', ')} mid-merge. Finish or abort that merge with git, then sync again. Nothing was changed.`);
    if (changes.foreign.length) {
      const names = changes.foreign.slice(0, 5).join(', ') + (changes.foreign.length > 5 ? `, and ${changes.foreign.length - 5} more` : '');
      throw new ApiError('conflict', `The workspace folder has changes Copydesk did not make: ${names}. Commit them with git yourself, or move them out of the folder, then sync again. Nothing was changed or lost.`);
    }
    const bad = await repo.unreadableRecords(this.root, changes.own);
    if (bad.length) throw new ApiError('damaged', `${bad.join(', ')} cannot be read as JSON, so it is not sent to others. Repair it (or restore it from its versions), then sync again. Nothing was changed.`);
    await this.commitPending(null, [], changes);

    const trackingRef = `refs/remotes/${remote.name}/${branch}`;
    try {
      await this.git.run(['fetch', '-q', '--no-tags', remote.name, `+refs/heads/${branch}:${trackingRef}`]);
    } catch (error) {
      if (!(error instanceof ApiError && /couldn't find remote ref/i.test(error.message))) throw error;
      await this.git.run(['update-ref', '-d', trackingRef]).catch(() => undefined); // the remote has no such branch yet
    }
    const local = await repo.headCommit(this.git);
    const theirs = await repo.refExists(this.git, trackingRef);
    let received = 0;
    let merged = false;
    let keptBoth: KeptBothFile[] = [];
    if (theirs && theirs !== local && !(local && (await repo.isAncestor(this.git, theirs, local)))) {
      const problems = await repo.checkIncoming(this.git, local, theirs);
      if (problems.length) {
        const lines = await Promise.all(problems.slice(0, 5).map(async (p) => `${p.file}: ${p.reason}${local ? ` (${await repo.whoAdded(this.git, `${local}..${theirs}`, p.file)})` : ''}`));
        throw new ApiError('invalid-request', `The remote holds changes Copydesk will not take: ${lines.join('; ')}. Ask whoever added it to remove it from the remote, then sync again. Nothing here was changed.`);
      }
      let target = theirs;
      let built: KeptBoth[] = [];
      if (local && !(await repo.isAncestor(this.git, local, theirs))) {
        const base = await repo.mergeBase(this.git, local, theirs);
        if (!base) throw new ApiError('conflict', `The remote's history and this workspace's have nothing in common (it was started separately). Clone the remote into a new folder instead, and copy your articles into it. Nothing was changed.`);
        const identity = await repo.identityOf(this.git, this.hooks.fallbackName());
        const merge = await buildMerge(this.git, local, theirs, base, {
          serialize: (file, value) => this.hooks.serialize(file, value),
          env: repo.authorEnv(identity),
          indexFile: path.join(gitDir, 'copydesk-merge.index'),
          message: (kept) => [`Sync: merge ${remote.name}/${branch}`, '', ...kept.map((k) => `Kept both: ${k.file} (${k.fields.join(', ')})`)].join('\n'),
        });
        await rm(path.join(gitDir, 'copydesk-merge.index'), { force: true });
        target = merge.commit;
        built = merge.keptBoth;
        merged = true;
      }
      const from = local;
      const moved = await this.hooks.exclusive(async () => {
        const earlier = from ? await this.keepLocalOfMergedElsewhere(from, theirs) : [];
        if (!from) throw new ApiError('conflict', 'This workspace\'s repository has no commit yet. Use "Start team sync" again, then sync.');
        const result = await moveWorkingFiles(this.git, this.root, gitDir, { from, to: target }, { indexFile: path.join(gitDir, 'copydesk-incoming.index'), afterEach: this.options.afterEachFile });
        await this.hooks.notice(result.changed);
        return { ...result, earlier };
      });
      await rm(path.join(gitDir, 'copydesk-incoming.index'), { force: true });
      received = moved.changed.length;
      keptBoth = [...moved.earlier];
      for (const kept of built) keptBoth.push(await this.describeKept(kept.file, kept.fields, kept.theirs));
    }

    const head = await repo.headCommit(this.git);
    let sent = 0;
    if (head && head !== theirs) {
      sent = Number((await this.git.run(['rev-list', '--count', theirs ? `${theirs}..${head}` : head])).trim());
      if (sent > 0 && !(await this.pushNow(remote.name, branch))) return 'rejected';
    }
    const parts = [received ? `received ${received} changed file${received === 1 ? '' : 's'}` : '', sent ? `sent ${sent} commit${sent === 1 ? '' : 's'}` : ''].filter(Boolean);
    const message = parts.length ? `${parts.join(', ')}${keptBoth.length ? `; ${keptBoth.length} article${keptBoth.length === 1 ? '' : 's'} changed on both sides in the same place: both versions kept` : ''}` : 'up to date';
    return { received, sent, merged, keptBoth, message: message[0]!.toUpperCase() + message.slice(1) };
  }

  /** Pushes the branch; false when the remote refused because it moved on meanwhile. */
  private async pushNow(remote: string, branch: string): Promise<boolean> {
    try {
      await this.git.run(['push', '-q', '--no-verify', '--porcelain', remote, `HEAD:refs/heads/${branch}`]);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (/\[rejected\]|non-fast-forward|fetch first|\(stale info\)/.test(text)) return false;
      if (/remote rejected|pre-receive hook declined|protected branch|refusing to update checked out branch/.test(text)) {
        throw new ApiError('conflict', `The remote refused your changes (${text.split('\n').find((l) => /rejected|declined|refusing/.test(l))?.trim() ?? 'rejected'}). Ask whoever runs the remote to let you push to ${branch}; your work stays committed here.`);
      }
      throw error;
    }
    return true;
  }

  /**
   * Merges made by others may have kept our version of an article out of the file ("Kept
   * both" in their message): before the file moves on, this copy's own version goes to
   * the article's versions, so neither is lost here either.
   */
  private async keepLocalOfMergedElsewhere(local: string, theirs: string): Promise<KeptBothFile[]> {
    const log = await this.git.run(['log', '--format=%B', `${local}..${theirs}`]);
    const files = new Set([...log.matchAll(/^Kept both: (\S+) \((.*)\)$/gm)].map((m) => `${m[1]}\t${m[2]}`));
    const kept: KeptBothFile[] = [];
    for (const entry of files) {
      const [file, fields] = entry.split('\t') as [string, string];
      const there = await this.git.run(['show', `${theirs}:${file}`]).catch(() => null);
      // The same article here may lie under another name (its slug followed another headline).
      let id: unknown;
      try {
        id = (JSON.parse(there ?? '') as { id?: unknown }).id;
      } catch {
        continue;
      }
      const slug = typeof id === 'string' ? this.hooks.slugOf(id) : null;
      const here = slug ? `articles/${slug}.json` : file;
      const text = await readFile(path.join(this.root, here), 'utf8').catch(() => null);
      if (text === null || text === there) continue;
      kept.push(await this.describeKept(here, fields.split(', '), text));
    }
    return kept;
  }

  private async describeKept(file: string, fields: string[], theirs: string | null): Promise<KeptBothFile> {
    let id: string | null = null;
    try {
      const parsed = JSON.parse(theirs ?? '') as { id?: unknown; meta?: { headline?: unknown } };
      id = typeof parsed.id === 'string' ? parsed.id : null;
    } catch {
      // their file could not be read: it stays in git's history only
    }
    const keptAt = theirs && file.startsWith('articles/') ? await this.hooks.keepTheirs(file, theirs).catch(() => null) : null;
    return { file, articleId: id, headline: (id && this.hooks.headlineOf(id)) || path.posix.basename(file, '.json'), fields, theirsKeptAt: keptAt };
  }

  /** A sync killed while moving files: its move is finished first (every file was whole all along). */
  private async resumeInterrupted(gitDir: string): Promise<void> {
    const journal = await readJournal(gitDir);
    if (!journal) return;
    const head = await repo.headCommit(this.git);
    if (head !== journal.from && head !== journal.to) {
      await rm(path.join(gitDir, 'copydesk-sync.json'), { force: true });
      return;
    }
    await this.hooks.exclusive(async () => {
      const moved = await moveWorkingFiles(this.git, this.root, gitDir, journal, { indexFile: path.join(gitDir, 'copydesk-incoming.index') });
      await this.hooks.notice(moved.changed);
    });
  }

  private requireWritable(): void {
    if (this.hooks.readOnly) throw new ApiError('read-only', 'This workspace was opened read-only; it cannot be synced from here.');
  }

  private async requireRepository(): Promise<string> {
    this.gitVersion ||= await this.git.version();
    if (!this.gitVersion) await this.git.run(['version']); // throws "needs git"
    if (!(await this.isGitMode())) {
      throw new ApiError('invalid-request', 'This workspace is not shared yet. Use "Start team sync" to make it a git repository connected to a remote, or clone a shared workspace into a new folder.');
    }
    return repo.gitDirOf(this.git);
  }

  // ---- history and presence -------------------------------------------------------

  /** The commits that changed an article, newest first, with who and when. */
  async history(id: string, limit = 100): Promise<TeamCommit[]> {
    const slug = this.hooks.slugOf(id);
    if (!slug || !(await this.isGitMode())) return [];
    return articleCommits(this.git, slug, limit);
  }

  /** Who last changed each article and when, from the commits (cached until HEAD moves). */
  async presence(): Promise<Presence[]> {
    if (!(await this.isGitMode())) return [];
    const head = await repo.headCommit(this.git);
    if (!head) return [];
    if (this.presenceCache?.head !== head) this.presenceCache = { head, list: await lastChanges(this.git) };
    return this.presenceCache.list;
  }
}
