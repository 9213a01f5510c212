/**
 * A workspace: the article files under articles/ as the source of truth, the index as
 * their cache, the trash, the lock, and a watcher that notices other programs' changes.
 * Every mutation runs one at a time through `exclusive`, so saves, renames and the
 * watcher's rescans never interleave.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { statSync } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  type Article,
  type ArticleFile,
  type ArticleMetaPatch,
  type ArticleStatus,
  type ArticleSummary,
  type DamagedFile,
  type LexicalBody,
  type TrashedArticle,
} from '../../shared/article';
import type { LibraryChange } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { slugify, slugKey, uniqueSlug } from '../../shared/slug';
import { jsonErrorPosition, newArticleFile, parseArticleBytes, previewOf, revisionOf, serializeArticle, summarize } from '../articles/article-file';
import { containedPath } from '../storage/contained-path';
import { ArticleRegistry } from '../articles/article-registry';
import { FolderWatcher } from '../storage/folder-watcher';
import { readFileWithStat, readFileWithStatSync, type FileRead } from '../storage/read-file';
import { listTrash, slugFromTrashId, trashIdFor } from '../articles/trash';
import { WorkspaceIndex, type IndexEntry } from './workspace-index';
import { createLayout, removeStaleTempFiles, workspaceLayout, type WorkspaceLayout } from './workspace-layout';
import { WorkspaceLock } from '../storage/workspace-lock';
import { moveDurably, writeFileDurably, type WrittenFile } from '../storage/write-durably';

export interface WorkspaceOptions {
  /** How long index writes wait to coalesce saves; the index is never written per keystroke. */
  indexWriteDelayMs?: number;
  /** Watch articles/ for other programs' changes (default true). */
  watch?: boolean;
  /**
   * Read without taking the lock, creating folders or writing anything (the CLI's `list`
   * while the app has the workspace open). Every change is refused.
   */
  readOnly?: boolean;
}

export interface SaveRequest {
  id: string;
  baseRevision: string;
  meta?: ArticleMetaPatch | undefined;
  body?: LexicalBody | undefined;
}

export interface SaveResult {
  summary: ArticleSummary;
  revision: string;
  slug: string;
}

const isArticleFileName = (name: string) => name.endsWith('.json') && !name.startsWith('.');
const CACHED_ARTICLES = 8;

export class Workspace {
  private readonly registry = new ArticleRegistry();
  /** The last few articles read or written, by id, to skip re-parsing unchanged bytes. */
  private readonly recent = new Map<string, { revision: string; article: ArticleFile }>();
  private readonly emitter = new EventEmitter();
  private queue: Promise<unknown> = Promise.resolve();
  private watcher: FolderWatcher | undefined;
  private watchProblem: string | null = null;

  private constructor(
    readonly layout: WorkspaceLayout,
    private readonly index: WorkspaceIndex,
    private readonly lock: WorkspaceLock | null,
  ) {}

  static async open(root: string, options: WorkspaceOptions = {}): Promise<Workspace> {
    const layout = workspaceLayout(root);
    if (options.readOnly) {
      if (!(await stat(layout.articles).catch(() => null))?.isDirectory()) {
        throw new ApiError('not-found', `${layout.root} is not a Copydesk workspace (it has no articles/ folder).`);
      }
      const index = await WorkspaceIndex.load(layout.index, 0, true);
      const workspace = new Workspace(layout, index, null);
      await workspace.reconcile();
      return workspace;
    }
    await createLayout(layout);
    const lock = await WorkspaceLock.acquire(layout.lock);
    try {
      await removeStaleTempFiles(layout);
      const index = await WorkspaceIndex.load(layout.index, options.indexWriteDelayMs ?? 1500);
      const workspace = new Workspace(layout, index, lock);
      await workspace.reconcile();
      if (options.watch !== false) workspace.startWatching();
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
    return this.watchProblem;
  }

  async close(): Promise<void> {
    this.watcher?.stop();
    try {
      await this.queue.catch(() => undefined);
      await this.index.flush();
    } finally {
      await this.lock?.release();
    }
  }

  onLibraryChanged(listener: (changes: LibraryChange[]) => void): () => void {
    this.emitter.on('library', listener);
    return () => this.emitter.off('library', listener);
  }

  info() {
    return {
      path: this.layout.root,
      name: path.basename(this.layout.root),
      articleCount: this.registry.size,
      damagedCount: this.registry.damagedCount,
    };
  }

  list(): { articles: ArticleSummary[]; damaged: DamagedFile[] } {
    return this.registry.list();
  }

  get(id: string): Promise<Article> {
    return this.exclusive(async () => {
      const entry = this.requireEntry(id);
      const { article, revision } = await this.readCurrent(entry);
      return { ...article, slug: entry.summary.slug, revision };
    });
  }

  create(meta: ArticleMetaPatch = {}): Promise<Article> {
    return this.mutation(async () => {
      const article = newArticleFile(meta);
      return this.addNew(article, slugify(article.meta.headline));
    });
  }

  save(request: SaveRequest): Promise<SaveResult> {
    return this.mutation(async () => {
      const entry = this.requireEntry(request.id);
      // Always the bytes on disk now: a same-size edit within one mtime tick (FAT, SMB)
      // must still count as a change.
      const { article, revision } = await this.readCurrent(entry);
      if (request.baseRevision !== revision) {
        throw new ApiError(
          'conflict',
          `"${article.meta.headline || entry.summary.slug}" was changed on disk since this edit began. Reload it to see those changes, or save again to keep yours.`,
        );
      }
      const next: ArticleFile = {
        ...article,
        meta: { ...article.meta, ...request.meta, updatedAt: new Date().toISOString() },
        body: request.body ?? article.body,
      };
      return this.write(entry, next);
    });
  }

  /** Moves an article through the workflow; the approval gate (review) will refuse here. */
  setStatus(request: { id: string; baseRevision: string; status: ArticleStatus }): Promise<SaveResult> {
    return this.mutation(async () => {
      const entry = this.requireEntry(request.id);
      const { article, revision } = await this.readCurrent(entry);
      if (request.baseRevision !== revision) {
        throw new ApiError(
          'conflict',
          `"${article.meta.headline || entry.summary.slug}" was changed on disk since this edit began. Reload it, then change its status again.`,
        );
      }
      if (article.meta.status === request.status) return { summary: entry.summary, revision, slug: entry.summary.slug };
      return this.write(entry, { ...article, meta: { ...article.meta, status: request.status, updatedAt: new Date().toISOString() } });
    });
  }

  rename(id: string, requested: string | null): Promise<SaveResult> {
    return this.mutation(async () => {
      const entry = this.requireEntry(id);
      const { article } = await this.readCurrent(entry);
      if (requested === null) {
        return this.write(entry, { ...article, meta: { ...article.meta, slugLocked: false } });
      }
      const slug = slugify(requested, '');
      if (slug === '') {
        throw new ApiError('invalid-request', 'slug: must contain at least one letter or digit', [
          { path: 'slug', message: 'must contain at least one letter or digit' },
        ]);
      }
      if (slugKey(slug) !== slugKey(entry.summary.slug) && this.registry.takenKeys(entry.summary.slug).has(slugKey(slug))) {
        throw new ApiError('conflict', `articles/${slug}.json already exists; pick another slug.`);
      }
      return this.write(entry, { ...article, meta: { ...article.meta, slugLocked: true } }, slug);
    });
  }

  duplicate(id: string): Promise<Article> {
    return this.mutation(async () => {
      const { article } = await this.readCurrent(this.requireEntry(id));
      const now = new Date().toISOString();
      const headline = article.meta.headline ? `${article.meta.headline} (copy)` : '';
      const copy: ArticleFile = {
        ...article,
        id: randomUUID(),
        meta: { ...article.meta, headline, status: 'draft', slugLocked: false, createdAt: now, updatedAt: now },
        review: { decisions: [] },
      };
      return this.addNew(copy, slugify(headline));
    });
  }

  delete(id: string): Promise<{ trashId: string }> {
    return this.mutation(async () => {
      const entry = this.requireEntry(id);
      const slug = entry.summary.slug;
      const trashId = trashIdFor(slug);
      await moveDurably(this.articlePath(slug), containedPath(this.layout.trash, `${trashId}.json`));
      this.forget(entry);
      this.changed([{ kind: 'removed', id, slug, origin: 'app', revision: null }]);
      return { trashId };
    });
  }

  /**
   * Writes a version of an article into `.copydesk/history/<id>/<time>.json`: the file as
   * it is now, or that file with the given fields and body (the version on screen).
   */
  keepVersion(id: string, onScreen?: { meta?: ArticleMetaPatch | undefined; body?: LexicalBody | undefined }): Promise<{ file: string }> {
    return this.mutation(async () => {
      const entry = this.requireEntry(id);
      const { article } = await this.readCurrent(entry);
      // The version on disk is kept byte for byte, as another program wrote it.
      const read = onScreen ? null : await readFileWithStat(this.articlePath(entry.summary.slug));
      const bytes =
        read && 'bytes' in read
          ? read.bytes
          : serializeArticle({ ...article, meta: { ...article.meta, ...onScreen?.meta }, body: onScreen?.body ?? article.body });
      const folder = containedPath(this.layout.history, id);
      await mkdir(folder, { recursive: true });
      const name = `${trashIdFor(entry.summary.slug).split('--')[0]}${onScreen ? '-on-screen' : '-on-disk'}.json`;
      await writeFileDurably(path.join(folder, name), bytes, { exclusive: true });
      return { file: `.copydesk/history/${id}/${name}` };
    });
  }

  /** Where a damaged file is, what is wrong with it, and its first lines; reads only listed files. */
  inspectDamaged(slug: string) {
    return this.exclusive(async () => {
      const damaged = this.registry.damagedAt(slug);
      if (!damaged) throw new ApiError('not-found', `articles/${slug}.json is not listed as damaged.`);
      const file = this.articlePath(slug);
      const read = await readFileWithStat(file);
      const text = 'bytes' in read ? Buffer.from(read.bytes).subarray(0, 64 * 1024).toString('utf8') : '';
      return { path: file, size: 'bytes' in read ? read.size : 0, reason: damaged.reason, ...jsonErrorPosition(text), preview: previewOf(text) };
    });
  }

  listTrash(): Promise<TrashedArticle[]> {
    return this.exclusive(() => listTrash(this.layout.trash));
  }

  restore(trashId: string): Promise<ArticleSummary> {
    return this.mutation(async () => {
      const from = containedPath(this.layout.trash, `${trashId}.json`);
      const read = await readFileWithStat(from);
      if ('missing' in read) throw new ApiError('not-found', `Nothing in the trash is called ${trashId}.`);
      if ('unreadable' in read) throw new ApiError('damaged', `The trashed file cannot be restored: ${read.unreadable}.`);
      const parsed = parseArticleBytes(read.bytes);
      if (!parsed.ok) throw new ApiError('damaged', `The trashed file cannot be restored: ${parsed.reason}.`);
      const other = this.registry.byId(parsed.article.id);
      if (other) {
        throw new ApiError('conflict', `The library already has this article (articles/${other.summary.slug}.json).`);
      }
      const slug = await this.placeUnderFreeSlug(slugFromTrashId(trashId, parsed.article.meta.headline), (target) => moveDurably(from, target));
      const entry = this.remember(slug, parsed.article, revisionOf(read.bytes), read);
      this.changed([{ kind: 'added', id: parsed.article.id, slug, origin: 'app', revision: entry.revision }]);
      return entry.summary;
    });
  }

  // ---- internals -------------------------------------------------------------------

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.catch(() => undefined).then(task);
    this.queue = run;
    return run;
  }

  /** Like `exclusive`, for operations that change files: refused when opened read-only. */
  private mutation<T>(task: () => Promise<T>): Promise<T> {
    if (!this.lock) return Promise.reject(new ApiError('read-only', 'This workspace was opened read-only; nothing can be changed.'));
    const run = this.queue.catch(() => undefined).then(task);
    this.queue = run;
    return run;
  }

  private articlePath(slug: string): string {
    return containedPath(this.layout.articles, `${slug}.json`);
  }

  private requireEntry(id: string): IndexEntry {
    const entry = this.registry.byId(id);
    if (!entry) {
      throw new ApiError(
        'not-found',
        `No article with id ${id} in this workspace (its file may have been moved, renamed or removed by another program).`,
      );
    }
    return entry;
  }

  /**
   * Tries `place(target)` under the first free slug from `base`; when the file system says
   * the name is taken after all (another program just made it), tries the next one. Never
   * replaces a file.
   */
  private async placeUnderFreeSlug(base: string, place: (target: string) => Promise<unknown>, except?: string): Promise<string> {
    const taken = this.registry.takenKeys(except);
    for (let attempt = 0; attempt < 50; attempt++) {
      const slug = uniqueSlug(base, taken);
      try {
        await place(this.articlePath(slug));
        return slug;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        taken.add(slugKey(slug));
      }
    }
    throw new ApiError('conflict', `Could not find a free file name for "${base}" in articles/.`);
  }

  /** The article as its file holds it now, and that file's revision. */
  private async readCurrent(entry: IndexEntry): Promise<{ article: ArticleFile; revision: string }> {
    const slug = entry.summary.slug;
    const read = await readFileWithStat(this.articlePath(slug));
    if ('missing' in read) {
      this.forget(entry);
      this.changed([{ kind: 'removed', id: entry.summary.id, slug, origin: 'external', revision: null }]);
      throw new ApiError('not-found', `articles/${slug}.json is gone from disk (moved or removed by another program).`);
    }
    if ('unreadable' in read) {
      // Often passing (a virus scanner's lock, too many open files): say so, change nothing.
      throw new ApiError('unavailable', `articles/${slug}.json cannot be read just now: ${read.unreadable}.`);
    }
    const revision = revisionOf(read.bytes);
    const cached = this.recent.get(entry.summary.id);
    if (cached && cached.revision === revision) {
      if (entry.mtimeMs !== read.mtimeMs || entry.size !== read.size) this.remember(slug, cached.article, revision, read);
      return cached;
    }
    const parsed = this.parse(read, slug);
    if (parsed.ok && parsed.article.id !== entry.summary.id) {
      // Another article's file now sits under this name (a checkout, a "Replace" in a file
      // manager): it is that article, not a new version of this one.
      this.forget(entry);
      this.load(slug, read);
      this.changed([
        { kind: 'removed', id: entry.summary.id, slug, origin: 'external', revision: null },
        { kind: 'added', id: parsed.article.id, slug, origin: 'external', revision },
      ]);
      throw new ApiError('not-found', `articles/${slug}.json now holds another article; this one's file is gone.`);
    }
    if (!parsed.ok) {
      this.forget(entry);
      this.registry.markDamaged(slug, parsed.reason);
      this.changed([{ kind: 'damaged', id: entry.summary.id, slug, origin: 'external', revision: null }]);
      throw new ApiError('damaged', `articles/${slug}.json cannot be read: ${parsed.reason}. It was left as it is.`);
    }
    this.remember(slug, parsed.article, revision, read as WrittenFile, parsed.summary);
    return { article: parsed.article, revision };
  }

  /** Parses a file as read and computes its summary; any failure is a reason, never a throw. */
  private parse(read: FileRead, slug: string): { ok: true; article: ArticleFile; summary: ArticleSummary } | { ok: false; reason: string } {
    if ('missing' in read) return { ok: false, reason: 'the file is gone' };
    if ('unreadable' in read) return { ok: false, reason: read.unreadable };
    try {
      const parsed = parseArticleBytes(read.bytes);
      return parsed.ok ? { ...parsed, summary: summarize(parsed.article, slug) } : parsed;
    } catch (error) {
      return { ok: false, reason: error instanceof RangeError ? 'it is nested too deeply to read' : `it could not be read (${String(error)})` };
    }
  }

  /** Writes an article (moving it first when its slug changes) and records the result. */
  private async write(entry: IndexEntry, article: ArticleFile, fixedSlug?: string): Promise<SaveResult> {
    const oldSlug = entry.summary.slug;
    const bytes = serializeArticle(article);
    // Move first, then write: a crash in between leaves the old text under the new name,
    // never two files with one id. A move never replaces another file.
    const move = (target: string) => moveDurably(this.articlePath(oldSlug), target);
    let slug = oldSlug;
    if (fixedSlug !== undefined) {
      if (fixedSlug !== oldSlug) {
        await move(this.articlePath(fixedSlug)).catch((error: NodeJS.ErrnoException) => {
          throw error.code === 'EEXIST' ? new ApiError('conflict', `articles/${fixedSlug}.json already exists; pick another slug.`) : error;
        });
        slug = fixedSlug;
      }
    } else if (!article.meta.slugLocked && article.meta.status === 'draft') {
      // Only a draft's file name follows its headline: once a piece is in review or
      // approved, its name (and the URL made from it) stays put.
      const desired = slugify(article.meta.headline);
      if (uniqueSlug(desired, this.registry.takenKeys(oldSlug)) !== oldSlug) {
        // A name the file system refuses (too long for an encrypted volume, a locked
        // folder) must not block the save: the article keeps its old name.
        slug = await this.placeUnderFreeSlug(desired, move, oldSlug).catch(() => oldSlug);
      }
    }
    let written: WrittenFile;
    try {
      written = await writeFileDurably(this.articlePath(slug), bytes);
    } catch (error) {
      if (slug !== oldSlug) await moveDurably(this.articlePath(slug), this.articlePath(oldSlug)).catch(() => undefined);
      throw error;
    }
    this.forget(entry);
    const fresh = this.remember(slug, article, revisionOf(bytes), written);
    this.changed([{ kind: 'changed', id: article.id, slug, origin: 'app', revision: fresh.revision }]);
    return { summary: fresh.summary, revision: fresh.revision, slug };
  }

  private async addNew(article: ArticleFile, baseSlug: string): Promise<Article> {
    const bytes = serializeArticle(article);
    let written: WrittenFile | undefined;
    const slug = await this.placeUnderFreeSlug(baseSlug, async (target) => {
      written = await writeFileDurably(target, bytes, { exclusive: true });
    });
    const entry = this.remember(slug, article, revisionOf(bytes), written!);
    this.changed([{ kind: 'added', id: article.id, slug, origin: 'app', revision: entry.revision }]);
    return { ...article, slug, revision: entry.revision };
  }

  private remember(
    slug: string,
    article: ArticleFile,
    revision: string,
    file: { mtimeMs: number; size: number },
    summary = summarize(article, slug),
  ): IndexEntry {
    const entry: IndexEntry = { summary, revision, mtimeMs: file.mtimeMs, size: file.size };
    this.registry.add(entry);
    this.recent.delete(article.id);
    this.recent.set(article.id, { revision, article });
    if (this.recent.size > CACHED_ARTICLES) this.recent.delete(this.recent.keys().next().value as string);
    this.index.schedule(this.registry.entries());
    return entry;
  }

  private forget(entry: IndexEntry): void {
    this.registry.forget(entry);
    this.recent.delete(entry.summary.id);
    this.index.schedule(this.registry.entries());
  }

  /** Tells listeners what changed, with the current summary of each added or changed article. */
  private changed(changes: Array<Omit<LibraryChange, 'summary'>>): void {
    if (!changes.length) return;
    const withSummaries: LibraryChange[] = changes.map((change) => ({
      ...change,
      summary: (change.kind === 'added' || change.kind === 'changed') && change.id ? (this.registry.byId(change.id)?.summary ?? null) : null,
    }));
    this.emitter.emit('library', withSummaries);
  }

  /** Brings the in-memory library in line with articles/, trusting index entries whose file is unchanged. */
  private async reconcile(): Promise<void> {
    const cached = new Map(this.index.entries.map((e) => [e.summary.slug, e]));
    const names = (await readdir(this.layout.articles)).filter(isArticleFileName).sort();
    let stale = this.index.rebuiltBecause !== null || cached.size !== names.length;
    // Synchronous file calls in slices of 250: several times faster than fs.promises for
    // thousands of small files, and yielding between slices keeps the process answering.
    for (let i = 0; i < names.length; i += 250) {
      for (const name of names.slice(i, i + 250)) {
        const slug = name.slice(0, -'.json'.length);
        const file = path.join(this.layout.articles, name);
        const known = cached.get(slug);
        if (known) {
          const info = statSync(file, { throwIfNoEntry: false });
          if (info?.isFile() && known.mtimeMs === info.mtimeMs && known.size === info.size && !this.registry.byId(known.summary.id)) {
            this.registry.add(known);
            continue;
          }
        }
        stale = true;
        this.load(slug, readFileWithStatSync(file), false);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    // The library is usable now; the rebuilt index is written a moment later, off the open path.
    if (stale) this.index.schedule(this.registry.entries());
  }

  /** Takes in one file as read: an article, or a damaged file. Returns the change seen. */
  private load(slug: string, read: FileRead, withRevision = true): LibraryChange['kind'] | null {
    if ('missing' in read) return null;
    const parsed = this.parse(read, slug);
    const previous = this.registry.atSlug(slug);
    if (!parsed.ok) {
      if (previous) this.forget(previous);
      this.registry.markDamaged(slug, parsed.reason);
      return 'damaged';
    }
    const twin = this.registry.byId(parsed.article.id);
    if (twin && twin.summary.slug !== slug) {
      if (previous) this.forget(previous);
      this.registry.markDamaged(
        slug,
        `it has the same id as articles/${twin.summary.slug}.json (a copy made outside Copydesk?); give it a new id or remove one of them`,
        parsed.article.id,
      );
      return 'damaged';
    }
    if (previous && previous.summary.id !== parsed.article.id) this.forget(previous);
    const { bytes, mtimeMs, size } = read as { bytes: Buffer | string; mtimeMs: number; size: number };
    // At open, revisions wait until they are needed: a save or a rescan reads the file anyway.
    this.registry.add({ summary: parsed.summary, revision: withRevision ? revisionOf(bytes) : '', mtimeMs, size });
    return previous ? 'changed' : 'added';
  }

  private startWatching(): void {
    this.watcher = new FolderWatcher(
      this.layout.articles,
      isArticleFileName,
      (names) => {
        void this.exclusive(() => this.rescan(names)).catch(() => undefined);
      },
      (problem) => {
        this.watchProblem = problem;
      },
    );
    this.watcher.start();
  }

  /** Looks again at files the watcher named and reports what other programs changed. */
  private async rescan(names: Set<string>): Promise<void> {
    const changes: Array<Omit<LibraryChange, 'summary'>> = [];
    const look = async (slug: string) => {
      const entry = this.registry.atSlug(slug);
      const read = await readFileWithStat(path.join(this.layout.articles, `${slug}.json`));
      if ('missing' in read) {
        if (entry) {
          this.forget(entry);
          changes.push({ kind: 'removed', id: entry.summary.id, slug, origin: 'external', revision: null });
        } else if (this.registry.clearDamaged(slug)) {
          changes.push({ kind: 'removed', id: null, slug, origin: 'external', revision: null });
        }
        return;
      }
      // No stat shortcut here: the watcher says something happened, so look at the bytes.
      const revision = 'bytes' in read ? revisionOf(read.bytes) : null;
      if (entry && entry.revision === revision) return; // our own write
      const kind = this.load(slug, read);
      if (!kind) return;
      const loadedId = this.registry.atSlug(slug)?.summary.id ?? null;
      changes.push({
        kind,
        id: kind === 'damaged' ? (entry?.summary.id ?? null) : loadedId,
        slug,
        origin: 'external',
        revision: kind === 'damaged' ? null : revision,
      });
    };
    for (const name of names) {
      await look(name.slice(0, -'.json'.length)).catch(() => undefined);
    }
    // A file held back as a twin of one that is now gone (a copy-then-delete move) loads.
    for (const slug of this.registry.orphanedTwins()) await look(slug).catch(() => undefined);
    if (changes.length) {
      this.index.schedule(this.registry.entries());
      this.changed(changes);
    }
  }
}
