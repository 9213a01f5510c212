/**
 * A workspace: the folder the user picked, composed of its stores (articles now; sources,
 * review and export next), the index that caches them, the lock that keeps one writer,
 * the queue that runs every change one at a time, and the watchers that notice other
 * programs' changes.
 */
import { EventEmitter } from 'node:events';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import type { LibraryChange, SourceChange } from '../../shared/contract';
import type { SearchStatus } from '../../shared/library';
import { ArticleStore } from '../articles/article-store';
import { ReviewService } from '../review/review-service';
import { OpenClaimsCounter } from '../review/open-claims-counter';
import { SearchService } from '../search/search-service';
import { SourceStore } from '../sources/source-store';
import { SerialQueue } from '../storage/serial-queue';
import { AssetStore } from '../assets/asset-store';
import { WorkspaceLock } from '../storage/workspace-lock';
import { TeamService, type TeamOptions } from '../team/team-service';
import { serializeArticle } from '../articles/article-file';
import { keepInHistory } from '../articles/history';
import { serializeSource } from '../sources/source-file';
import type { ArticleFile } from '../../shared/article';
import type { SourceFile } from '../../shared/source';
import { WorkspaceIndex } from './workspace-index';
import { checkFolders, createLayout, removeStaleTempFiles, workspaceLayout, type WorkspaceLayout } from './workspace-layout';

export interface WorkspaceOptions {
  /** How long index writes wait to coalesce saves; the index is never written per keystroke. */
  indexWriteDelayMs?: number;
  /** Watch the folders for other programs' changes (default true). */
  watch?: boolean;
  /**
   * Read without taking the lock, creating folders or writing anything (the CLI's `list`
   * while the app has the workspace open). Every change is refused.
   */
  readOnly?: boolean;
  /**
   * Write article and source files beside the process that holds the workspace (the CLI's
   * `import` and `source add` while the app is open): no lock, no index written, no
   * folders created, no temp files cleaned. Creates never replace a file and saves are
   * checked by revision, so nothing the owner wrote is lost; the owner's watcher picks
   * the new files up.
   */
  guest?: boolean;
  /** Team sync's settings (how long edits settle before a commit). */
  team?: TeamOptions;
}

export class Workspace {
  readonly articles: ArticleStore;
  readonly sources: SourceStore;
  readonly review: ReviewService;
  readonly search: SearchService;
  readonly team: TeamService;
  readonly assets: AssetStore;
  /** Counts open claims in the background for the library (the workspace's owner only). */
  readonly openClaims: OpenClaimsCounter | null;
  private readonly emitter = new EventEmitter();

  private constructor(
    readonly layout: WorkspaceLayout,
    private readonly index: WorkspaceIndex,
    private readonly lock: WorkspaceLock | null,
    private readonly queue: SerialQueue,
    teamOptions: TeamOptions = {},
  ) {
    this.articles = new ArticleStore(layout, queue, {
      changed: (changes) => {
        for (const change of changes) if ((change.kind === 'removed' || change.kind === 'damaged') && change.id) this.search.removed(change.id);
        if (changes.length) this.emitter.emit('library', changes);
        this.openClaims?.schedule(changes.flatMap((c) => (c.id && (c.kind === 'added' || c.kind === 'changed') && this.articles.needsOpenClaimsCount(c.id) ? [c.id] : [])));
      },
      entriesChanged: (entries) => this.index.schedule(entries),
      recordSeen: (record, entry) => this.search.recordSeen(record, entry),
      openClaims: (id) => this.index.openClaimsOf(id),
    });
    this.sources = new SourceStore(layout, queue, this.articles, {
      changed: (changes) => {
        for (const change of changes) if (change.kind === 'changed' && change.id) this.search.sourceChanged(change.id);
        if (changes.length) this.emitter.emit('sources', changes);
        this.sourcesChanged(changes);
      },
      entriesChanged: (entries) => this.index.scheduleSources(entries),
    });
    const counted = (id: string, revision: string, open: number) => {
      if (this.index.noteOpenClaims(id, revision, open)) this.articles.openClaimsCounted(id);
    };
    this.review = new ReviewService(this.articles, this.sources, counted);
    // Its own checker: a batch of other articles must not empty the caches of the one being reviewed.
    const background = new ReviewService(this.articles, this.sources, counted);
    this.openClaims = lock ? new OpenClaimsCounter({ needsCount: (id) => this.articles.needsOpenClaimsCount(id), count: (id) => background.check(id) }) : null;
    this.assets = new AssetStore(layout, queue);
    // Only the workspace's owner writes the search index; others build theirs in memory when asked.
    this.search = new SearchService(this.articles, this.sources, { file: layout.searchIndex, persist: lock !== null });
    this.search.onStatus((status) => this.emitter.emit('search-status', status));
    this.team = this.createTeam(teamOptions, !lock && !queue.writable);
  }

  /** Team sync, connected to the stores: it moves files on the workspace's queue and has the stores look at them after. */
  private createTeam(options: TeamOptions, readOnly: boolean): TeamService {
    const names = (files: string[], folder: string) => files.filter((f) => f.startsWith(`${folder}/`)).map((f) => f.slice(folder.length + 1));
    return new TeamService(
      this.layout.root,
      {
        exclusive: (task) => this.queue.change(task),
        notice: async (files) => {
          await this.articles.folder.notice(names(files, 'articles'));
          await this.sources.folder.notice(names(files, 'sources'));
        },
        keepTheirs: async (file, text) => {
          const id = (JSON.parse(text) as { id?: unknown }).id;
          if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return null;
          return keepInHistory(this.layout.history, id, path.posix.basename(file, '.json'), text, 'sync-theirs');
        },
        serialize: (file, value) => (file.startsWith('sources/') ? serializeSource(value as SourceFile) : serializeArticle(value as ArticleFile)),
        headlineOf: (id) => this.articles.folder.registry.byId(id)?.summary.headline ?? null,
        slugOf: (id) => this.articles.folder.registry.byId(id)?.summary.slug ?? null,
        fallbackName: () => this.settings().reviewerName,
        readOnly,
      },
      options,
    );
  }

  /** A source's snapshot or details changed: the articles it is attached to are counted again. */
  private sourcesChanged(changes: SourceChange[]): void {
    if (!this.openClaims) return;
    const touched = new Set(changes.flatMap((c) => (c.id ? [c.id] : [])));
    if (!touched.size) return;
    const ids = this.articles.folder.registry
      .entries()
      .filter((e) => e.summary.sourceIds.some((s) => touched.has(s)))
      .map((e) => e.summary.id);
    for (const id of ids) this.index.staleOpenClaims(id);
    this.openClaims.schedule(ids);
  }

  /** Every article not counted for its current text, newest first, counted once search has caught up. */
  private countMissingOpenClaims(): void {
    const counter = this.openClaims;
    if (!counter) return;
    const begin = () => {
      stop();
      counter.schedule(
        this.articles
          .list()
          .articles.map((a) => a.id)
          .filter((id) => this.articles.needsOpenClaimsCount(id)),
      );
    };
    const stop = this.search.onStatus((status) => {
      if (status.state === 'ready') begin();
    });
    if (this.search.status().state === 'ready') begin();
  }

  /** The workspace's settings: the reviewer's name. */
  settings(): { reviewerName: string | null } {
    const name = this.index.settings.reviewerName;
    return { reviewerName: typeof name === 'string' && name.trim() ? name : null };
  }

  updateSettings(patch: { reviewerName?: string | null | undefined }): { reviewerName: string | null } {
    if (!this.lock) throw new ApiError('read-only', 'Settings are kept by the Copydesk that has this workspace open; this one can only read.');
    if (patch.reviewerName !== undefined) this.index.updateSettings({ reviewerName: patch.reviewerName?.trim() || null });
    return this.settings();
  }

  static async open(root: string, options: WorkspaceOptions = {}): Promise<Workspace> {
    const layout = workspaceLayout(root);
    if (options.readOnly || options.guest) {
      if (!(await stat(layout.articles).catch(() => null))?.isDirectory()) {
        throw new ApiError('not-found', `${layout.root} is not a Copydesk workspace (it has no articles/ folder).`);
      }
      await checkFolders(layout);
      const workspace = new Workspace(layout, await WorkspaceIndex.load(layout.index, 0, true), null, new SerialQueue(!options.guest, options.guest ? path.join(layout.internal, 'writing.lock') : null), options.team);
      await workspace.reconcile();
      return workspace;
    }
    await createLayout(layout);
    const lock = await WorkspaceLock.acquire(layout.lock);
    try {
      await removeStaleTempFiles(layout);
      const index = await WorkspaceIndex.load(layout.index, options.indexWriteDelayMs ?? 1500);
      const workspace = new Workspace(layout, index, lock, new SerialQueue(false, path.join(layout.internal, 'writing.lock')), options.team);
      await workspace.reconcile();
      // In the background: opening and the article list never wait for search.
      workspace.search.start();
      workspace.countMissingOpenClaims();
      if (options.watch !== false) {
        workspace.articles.folder.startWatching((task) => workspace.queue.run(task));
        workspace.sources.folder.startWatching((task) => workspace.queue.run(task));
      }
      return workspace;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** Why the index was rebuilt on open, or null if it was usable. */
  get indexRebuiltBecause(): string | null {
    return this.index.rebuiltBecause;
  }

  /** Why changes by other programs are not being noticed, or null when they are. */
  get watchingProblem(): string | null {
    return this.articles.folder.watchingProblem ?? this.sources.folder.watchingProblem;
  }

  async close(): Promise<void> {
    this.team.close();
    await this.openClaims?.close();
    this.articles.folder.stopWatching();
    this.sources.folder.stopWatching();
    try {
      await this.queue.idle();
      await this.search.close();
      await this.team.idle();
      await this.index.flush();
    } finally {
      await this.lock?.release();
    }
  }

  onLibraryChanged(listener: (changes: LibraryChange[]) => void): () => void {
    this.emitter.on('library', listener);
    return () => this.emitter.off('library', listener);
  }

  /** The search index started or finished indexing. */
  onSearchStatus(listener: (status: SearchStatus) => void): () => void {
    this.emitter.on('search-status', listener);
    return () => this.emitter.off('search-status', listener);
  }

  onSourcesChanged(listener: (changes: SourceChange[]) => void): () => void {
    this.emitter.on('sources', listener);
    return () => this.emitter.off('sources', listener);
  }

  info() {
    return {
      path: this.layout.root,
      name: path.basename(this.layout.root),
      articleCount: this.articles.count,
      damagedCount: this.articles.damagedCount,
      sourceCount: this.sources.count,
    };
  }

  /** Brings the stores in line with the files; the rebuilt index is written a moment later, off the open path. */
  private async reconcile(): Promise<void> {
    const usable = this.index.rebuiltBecause === null;
    const stale = await this.articles.folder.reconcile(usable ? this.index.entries : []);
    if (stale || !usable) this.index.schedule(this.articles.folder.registry.entries());
    const staleSources = await this.sources.folder.reconcile(usable ? this.index.sourceEntries : []);
    if (staleSources || !usable) this.index.scheduleSources(this.sources.folder.registry.entries());
  }
}
