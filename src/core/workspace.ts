/**
 * A workspace: the article files under articles/ as the source of truth, the index as
 * their cache, the trash, the lock, and a watcher that notices other programs' changes.
 * Every mutation runs one at a time through `exclusive`, so saves, renames and the
 * watcher's rescans never interleave.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  emptyBody,
  type Article,
  type ArticleFile,
  type ArticleMetaPatch,
  type ArticleSummary,
  type DamagedFile,
  type LexicalBody,
  type TrashedArticle,
} from '../shared/article';
import type { LibraryChange } from '../shared/contract';
import { ApiError } from '../shared/errors';
import { slugify, uniqueSlug } from '../shared/slug';
import { parseArticleBytes, revisionOf, serializeArticle, summarize } from './article-file';
import { containedPath } from './contained-path';
import { FolderWatcher } from './folder-watcher';
import { WorkspaceIndex, type IndexEntry } from './workspace-index';
import { createLayout, removeStaleTempFiles, workspaceLayout, type WorkspaceLayout } from './workspace-layout';
import { WorkspaceLock } from './workspace-lock';
import { moveDurably, writeFileDurably } from './write-durably';

export interface WorkspaceOptions {
  /** How long index writes wait to coalesce saves; the index is never written per keystroke. */
  indexWriteDelayMs?: number;
  /** Watch articles/ for other programs' changes (default true). */
  watch?: boolean;
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
  private readonly byId = new Map<string, IndexEntry>();
  private readonly bySlug = new Map<string, string>();
  private readonly damaged = new Map<string, DamagedFile>();
  /** The last few articles read or written, by id, to save without re-reading the file. */
  private readonly recent = new Map<string, { revision: string; article: ArticleFile }>();
  private readonly emitter = new EventEmitter();
  private queue: Promise<unknown> = Promise.resolve();
  private watcher: FolderWatcher | undefined;

  private constructor(
    readonly layout: WorkspaceLayout,
    private readonly index: WorkspaceIndex,
    private readonly lock: WorkspaceLock,
  ) {}

  static async open(root: string, options: WorkspaceOptions = {}): Promise<Workspace> {
    const layout = workspaceLayout(root);
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

  async close(): Promise<void> {
    this.watcher?.stop();
    await this.queue.catch(() => undefined);
    await this.index.flush();
    await this.lock.release();
  }

  onLibraryChanged(listener: (changes: LibraryChange[]) => void): () => void {
    this.emitter.on('library', listener);
    return () => this.emitter.off('library', listener);
  }

  info() {
    return {
      path: this.layout.root,
      name: path.basename(this.layout.root),
      articleCount: this.byId.size,
      damagedCount: this.damaged.size,
    };
  }

  list(): { articles: ArticleSummary[]; damaged: DamagedFile[] } {
    const articles = [...this.byId.values()].map((e) => e.summary);
    articles.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    const damaged = [...this.damaged.values()].sort((a, b) => a.slug.localeCompare(b.slug));
    return { articles, damaged };
  }

  get(id: string): Promise<Article> {
    return this.exclusive(async () => {
      const entry = this.requireEntry(id);
      const { article, revision } = await this.readCurrent(entry);
      return { ...article, slug: entry.summary.slug, revision };
    });
  }

  create(meta: ArticleMetaPatch = {}): Promise<Article> {
    return this.exclusive(async () => {
      const now = new Date().toISOString();
      const article: ArticleFile = {
        schemaVersion: 1,
        id: randomUUID(),
        meta: {
          headline: '',
          dek: '',
          kicker: '',
          section: '',
          bylines: [],
          dateline: '',
          language: 'en',
          tags: [],
          status: 'draft',
          aiDisclosure: '',
          slugLocked: false,
          sourceIds: [],
          related: [],
          ...meta,
          createdAt: now,
          updatedAt: now,
        },
        body: emptyBody(),
        review: { decisions: [] },
      };
      return this.addNew(article, slugify(article.meta.headline));
    });
  }

  save(request: SaveRequest): Promise<SaveResult> {
    return this.exclusive(async () => {
      const entry = this.requireEntry(request.id);
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

  rename(id: string, requested: string | null): Promise<SaveResult> {
    return this.exclusive(async () => {
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
      if (slug !== entry.summary.slug && this.takenSlugs(entry.summary.slug).has(slug)) {
        throw new ApiError('conflict', `articles/${slug}.json already exists; pick another slug.`);
      }
      return this.write(entry, { ...article, meta: { ...article.meta, slugLocked: true } }, slug);
    });
  }

  duplicate(id: string): Promise<Article> {
    return this.exclusive(async () => {
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
    return this.exclusive(async () => {
      const entry = this.requireEntry(id);
      const slug = entry.summary.slug;
      const trashId = `${new Date().toISOString().replace(/[-:.]/g, '')}--${slug}`;
      await moveDurably(this.articlePath(slug), containedPath(this.layout.trash, `${trashId}.json`));
      this.forget(entry);
      this.changed([{ kind: 'removed', id, slug, origin: 'app', revision: null }]);
      return { trashId };
    });
  }

  async listTrash(): Promise<TrashedArticle[]> {
    const items: TrashedArticle[] = [];
    for (const name of await readdir(this.layout.trash)) {
      if (!isArticleFileName(name)) continue;
      const trashId = name.slice(0, -'.json'.length);
      const [stamp = '', slug = trashId] = trashId.split('--');
      const parsed = parseArticleBytes(await readFile(path.join(this.layout.trash, name)));
      items.push({
        trashId,
        slug,
        id: parsed.ok ? parsed.article.id : '',
        headline: parsed.ok ? parsed.article.meta.headline : `(unreadable: ${parsed.reason})`,
        deletedAt: stampToIso(stamp),
      });
    }
    return items.sort((a, b) => (a.trashId < b.trashId ? 1 : -1));
  }

  restore(trashId: string): Promise<ArticleSummary> {
    return this.exclusive(async () => {
      const from = containedPath(this.layout.trash, `${trashId}.json`);
      let bytes: Buffer;
      try {
        bytes = await readFile(from);
      } catch {
        throw new ApiError('not-found', `Nothing in the trash is called ${trashId}.`);
      }
      const parsed = parseArticleBytes(bytes);
      if (!parsed.ok) throw new ApiError('damaged', `The trashed file cannot be restored: ${parsed.reason}.`);
      const other = this.byId.get(parsed.article.id);
      if (other) {
        throw new ApiError('conflict', `The library already has this article (articles/${other.summary.slug}.json).`);
      }
      const slug = uniqueSlug(trashId.split('--')[1] ?? slugify(parsed.article.meta.headline), this.takenSlugs());
      const to = this.articlePath(slug);
      await moveDurably(from, to);
      const entry = await this.remember(slug, parsed.article, revisionOf(bytes), to);
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

  private articlePath(slug: string): string {
    return containedPath(this.layout.articles, `${slug}.json`);
  }

  private requireEntry(id: string): IndexEntry {
    const entry = this.byId.get(id);
    if (!entry) throw new ApiError('not-found', `No article with id ${id} in this workspace.`);
    return entry;
  }

  private takenSlugs(except?: string): Set<string> {
    const taken = new Set([...this.bySlug.keys(), ...this.damaged.keys()]);
    if (except !== undefined) taken.delete(except);
    return taken;
  }

  /** The article as it is on disk now; re-reads only when the file changed under us. */
  private async readCurrent(entry: IndexEntry): Promise<{ article: ArticleFile; revision: string }> {
    const file = this.articlePath(entry.summary.slug);
    const info = await stat(file).catch(() => null);
    const cached = this.recent.get(entry.summary.id);
    if (info && cached && info.mtimeMs === entry.mtimeMs && info.size === entry.size && cached.revision === entry.revision) {
      return cached;
    }
    if (!info) {
      this.forget(entry);
      throw new ApiError('not-found', `articles/${entry.summary.slug}.json is gone from disk.`);
    }
    const bytes = await readFile(file);
    const parsed = parseArticleBytes(bytes);
    if (!parsed.ok) {
      this.forget(entry);
      this.damaged.set(entry.summary.slug, { slug: entry.summary.slug, file: `articles/${entry.summary.slug}.json`, reason: parsed.reason });
      throw new ApiError('damaged', `articles/${entry.summary.slug}.json cannot be read: ${parsed.reason}. It was left as it is.`);
    }
    const fresh = await this.remember(entry.summary.slug, parsed.article, revisionOf(bytes), file);
    return { article: parsed.article, revision: fresh.revision };
  }

  /** Writes an article (moving it first when its slug changes) and records the result. */
  private async write(entry: IndexEntry, article: ArticleFile, fixedSlug?: string): Promise<SaveResult> {
    const oldSlug = entry.summary.slug;
    const slug =
      fixedSlug ??
      (article.meta.slugLocked ? oldSlug : uniqueSlug(slugify(article.meta.headline), this.takenSlugs(oldSlug)));
    const target = this.articlePath(slug);
    // Rename first, then write: a crash in between leaves the old text under the new name,
    // never two files with one id.
    if (slug !== oldSlug) await moveDurably(this.articlePath(oldSlug), target);
    const bytes = serializeArticle(article);
    await writeFileDurably(target, bytes);
    this.forget(entry);
    const fresh = await this.remember(slug, article, revisionOf(bytes), target);
    this.changed([{ kind: 'changed', id: article.id, slug, origin: 'app', revision: fresh.revision }]);
    return { summary: fresh.summary, revision: fresh.revision, slug };
  }

  private async addNew(article: ArticleFile, baseSlug: string): Promise<Article> {
    const slug = uniqueSlug(baseSlug, this.takenSlugs());
    const target = this.articlePath(slug);
    const bytes = serializeArticle(article);
    await writeFileDurably(target, bytes);
    const entry = await this.remember(slug, article, revisionOf(bytes), target);
    this.changed([{ kind: 'added', id: article.id, slug, origin: 'app', revision: entry.revision }]);
    return { ...article, slug, revision: entry.revision };
  }

  private async remember(slug: string, article: ArticleFile, revision: string, file: string): Promise<IndexEntry> {
    const info = await stat(file);
    const entry: IndexEntry = { summary: summarize(article, slug), revision, mtimeMs: info.mtimeMs, size: info.size };
    this.add(entry);
    this.recent.delete(article.id);
    this.recent.set(article.id, { revision, article });
    if (this.recent.size > CACHED_ARTICLES) this.recent.delete(this.recent.keys().next().value as string);
    this.index.schedule([...this.byId.values()]);
    return entry;
  }

  private add(entry: IndexEntry): void {
    this.byId.set(entry.summary.id, entry);
    this.bySlug.set(entry.summary.slug, entry.summary.id);
    this.damaged.delete(entry.summary.slug);
  }

  private forget(entry: IndexEntry): void {
    this.byId.delete(entry.summary.id);
    if (this.bySlug.get(entry.summary.slug) === entry.summary.id) this.bySlug.delete(entry.summary.slug);
    this.recent.delete(entry.summary.id);
    this.index.schedule([...this.byId.values()]);
  }

  private changed(changes: LibraryChange[]): void {
    if (changes.length) this.emitter.emit('library', changes);
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
          if (info && known.mtimeMs === info.mtimeMs && known.size === info.size && !this.byId.has(known.summary.id)) {
            this.add(known);
            continue;
          }
        }
        stale = true;
        const read = readWithStat(file);
        if (read) this.load(slug, read.bytes, read.mtimeMs, read.size);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    // The library is usable now; the rebuilt index is written a moment later, off the open path.
    if (stale) this.index.schedule([...this.byId.values()]);
  }

  /** Takes in one file's bytes: an article, or a damaged file. Returns the change seen. */
  private load(slug: string, bytes: Buffer, mtimeMs: number, size: number): LibraryChange['kind'] | null {
    const parsed = parseArticleBytes(bytes);
    const previousId = this.bySlug.get(slug);
    const previous = previousId ? this.byId.get(previousId) : undefined;
    if (!parsed.ok) {
      if (previous) this.forget(previous);
      this.damaged.set(slug, { slug, file: `articles/${slug}.json`, reason: parsed.reason });
      return 'damaged';
    }
    const twin = this.byId.get(parsed.article.id);
    if (twin && twin.summary.slug !== slug) {
      this.damaged.set(slug, {
        slug,
        file: `articles/${slug}.json`,
        reason: `it has the same id as articles/${twin.summary.slug}.json (a copy made outside Copydesk?); give it a new id or remove it`,
      });
      return 'damaged';
    }
    if (previous && previous.summary.id !== parsed.article.id) this.forget(previous);
    this.add({ summary: summarize(parsed.article, slug), revision: revisionOf(bytes), mtimeMs, size });
    return previous ? 'changed' : 'added';
  }

  private startWatching(): void {
    this.watcher = new FolderWatcher(this.layout.articles, isArticleFileName, (names) => {
      void this.exclusive(() => this.rescan(names)).catch(() => undefined);
    });
    this.watcher.start();
  }

  /** Looks again at files the watcher named and reports what other programs changed. */
  private async rescan(names: Set<string>): Promise<void> {
    const changes: LibraryChange[] = [];
    for (const name of names) {
      const slug = name.slice(0, -'.json'.length);
      const file = path.join(this.layout.articles, name);
      const info = await stat(file).catch(() => null);
      const id = this.bySlug.get(slug);
      const entry = id ? this.byId.get(id) : undefined;
      if (!info) {
        if (entry) {
          this.forget(entry);
          changes.push({ kind: 'removed', id: entry.summary.id, slug, origin: 'external', revision: null });
        } else if (this.damaged.delete(slug)) {
          changes.push({ kind: 'removed', id: null, slug, origin: 'external', revision: null });
        }
        continue;
      }
      if (entry && entry.mtimeMs === info.mtimeMs && entry.size === info.size) continue;
      const bytes = await readFile(file);
      const revision = revisionOf(bytes);
      if (entry && entry.revision === revision) continue; // our own write
      const kind = this.load(slug, bytes, info.mtimeMs, info.size);
      if (!kind) continue;
      const loadedId = this.bySlug.get(slug) ?? null;
      changes.push({ kind, id: kind === 'damaged' ? (entry?.summary.id ?? null) : loadedId, slug, origin: 'external', revision: kind === 'damaged' ? null : revision });
    }
    if (changes.length) {
      this.index.schedule([...this.byId.values()]);
      this.changed(changes);
    }
  }
}

/** Reads a file and its stat through one descriptor, so both describe the same bytes. */
function readWithStat(file: string): { bytes: Buffer; mtimeMs: number; size: number } | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null; // removed since it was listed; the watcher reports it
  }
  try {
    const info = fstatSync(fd);
    const bytes = Buffer.allocUnsafe(info.size);
    let offset = 0;
    while (offset < info.size) {
      const n = readSync(fd, bytes, offset, info.size - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return { bytes: bytes.subarray(0, offset), mtimeMs: info.mtimeMs, size: info.size };
  } finally {
    closeSync(fd);
  }
}

/** `20261128T043800123Z` back to an ISO date. */
function stampToIso(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : '';
}
