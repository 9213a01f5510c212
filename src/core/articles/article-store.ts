/**
 * The articles of a workspace: `articles/<slug>.json` through the generic folder, with the
 * rules that are the article's own: a draft's name follows its headline, the workflow
 * status changes through its own call, deletes go to the trash, conflicts keep both sides
 * in the history. Every call runs on the workspace's queue.
 *
 * A little over 300 lines because it is the one place the article API meets the folder:
 * each method is a short read, revision check and write; what is written is decided by
 * pure functions beside it (workflow.ts, slug-policy.ts, history.ts, trash.ts).
 */
import { randomUUID } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import type {
  Article,
  ArticleFile,
  ArticleMetaPatch,
  ArticleStatus,
  ClaimDecision,
  ArticleSummary,
  DamagedFile,
  LexicalBody,
  TrashedArticle,
} from '../../shared/article';
import type { LibraryChange } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { slugify, slugKey, uniqueSlug } from '../../shared/slug';
import { containedPath } from '../storage/contained-path';
import type { FileEntry } from '../storage/file-registry';
import { JsonFileFolder, type FolderChange } from '../storage/json-file-folder';
import type { SerialQueue } from '../storage/serial-queue';
import type { WorkspaceLayout } from '../workspace/workspace-layout';
import { jsonErrorPosition, newArticleFile, parseArticleBytes, parseArticleText, previewOf, quickSummary, revisionOf, serializeArticle, summarize } from './article-file';
import { keepInHistory } from './history';
import { thinSettledVersions } from './version-thinning';
import { listVersions, newestVersion, readVersion, restorableMeta, SETTLED_VERSION_INTERVAL_MS, versionNames } from './versions';
import type { ArticleVersion, ArticleVersionSummary } from '../../shared/article-version';
import { withoutAttributionsTo } from '../../document/attribution-json';
import { followedSlug } from './slug-policy';
import { decidedArticle, editedArticle, movedArticle } from './workflow';
import { listTrash, slugFromTrashId, trashIdFor } from './trash';

/** Largest article file read: a 100,000-word article with every format is about 15 MB. */
export const MAX_ARTICLE_BYTES = 64 * 1024 * 1024;

export type ArticleEntry = FileEntry<ArticleSummary>;

export interface SaveRequest {
  id: string;
  baseRevision: string;
  meta?: ArticleMetaPatch | undefined;
  body?: LexicalBody | undefined;
  /** The writer confirmed that editing an approved article sends it back to review. */
  reopen?: boolean | undefined;
  /** Who edits, for the status history when an approved article is reopened. */
  by?: string | undefined;
}

export interface SaveResult {
  summary: ArticleSummary;
  revision: string;
  slug: string;
}

export class ArticleStore {
  readonly folder: JsonFileFolder<ArticleFile, ArticleSummary>;

  constructor(
    private readonly layout: WorkspaceLayout,
    private readonly queue: SerialQueue,
    private readonly hooks: {
      changed: (changes: LibraryChange[]) => void;
      entriesChanged: (entries: ArticleEntry[]) => void;
      recordSeen?: (record: ArticleFile, entry: ArticleEntry) => void;
      /** The open claims the review engine counted for an article: [revision counted, count]. */
      openClaims?: (id: string) => [string, number] | undefined;
    },
  ) {
    this.folder = new JsonFileFolder<ArticleFile, ArticleSummary>(
      layout.articles,
      layout.root,
      {
        folder: 'articles',
        noun: 'article',
        maxBytes: MAX_ARTICLE_BYTES,
        parse: parseArticleText,
        serialize: serializeArticle,
        idOf: (article) => article.id,
        summarize,
        titleOf: (article) => article.meta.headline,
        revisionOf,
        quickSummary,
      },
      {
        changed: (changes) => hooks.changed(this.withSummaries(changes)),
        entriesChanged: hooks.entriesChanged,
        ...(hooks.recordSeen ? { recordSeen: hooks.recordSeen } : {}),
      },
    );
  }

  get count(): number {
    return this.folder.registry.size;
  }

  get damagedCount(): number {
    return this.folder.registry.damagedCount;
  }

  /** Every article's summary, newest first, and the files that could not be read. */
  list(): { articles: ArticleSummary[]; damaged: DamagedFile[] } {
    const articles = this.folder.registry.entries().map((e) => this.withOpenClaims(e));
    articles.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    return { articles, damaged: this.folder.registry.damagedFiles() };
  }

  get(id: string): Promise<Article> {
    return this.queue.run(async () => {
      const entry = this.folder.requireEntry(id);
      const { record, revision } = await this.folder.readCurrent(entry);
      return { ...record, slug: this.folder.requireEntry(id).summary.slug, revision };
    });
  }

  /** A new draft with the given fields (and body: an import); its file name follows the headline. */
  create(meta: ArticleMetaPatch = {}, body?: LexicalBody): Promise<Article> {
    return this.queue.change(async () => {
      const article = { ...newArticleFile(meta), ...(body ? { body } : {}) };
      const entry = await this.folder.create(article, slugify(article.meta.headline));
      return { ...article, slug: entry.summary.slug, revision: entry.revision };
    });
  }

  /** Saves fields and body on top of `baseRevision`; a file changed since is a conflict, never an overwrite. */
  save(request: SaveRequest): Promise<SaveResult> {
    return this.queue.change(async () => {
      const { entry, article } = await this.current(request.id, request.baseRevision, 'Reload it to see those changes, or save again to keep yours.');
      return this.write(entry, editedArticle(article, request, entry.summary.slug, new Date().toISOString()));
    });
  }

  /** Moves an article through the workflow and records the move (who, when, from, to, note, override). The gate is the review's. */
  setStatus(request: { id: string; baseRevision: string; status: ArticleStatus; by?: string | undefined; note?: string | undefined; override?: string | undefined }): Promise<SaveResult> {
    return this.queue.change(async () => {
      const { entry, article, revision } = await this.current(request.id, request.baseRevision, 'Reload it, then change its status again.');
      if (article.meta.status === request.status) return { summary: entry.summary, revision, slug: entry.summary.slug };
      await this.keepCurrent(entry, 'before-status');
      return this.write(entry, movedArticle(article, request, new Date().toISOString()));
    });
  }

  /** Records a reviewer's decision on a claim (replacing an earlier one), or clears it with null. */
  recordDecision(request: { id: string; baseRevision: string; claimId: string; decision: ClaimDecision | null; comment?: string | undefined; by: string; text?: string | undefined }): Promise<SaveResult> {
    return this.queue.change(async () => {
      const { entry, article } = await this.current(request.id, request.baseRevision, 'Reload it, then decide again.');
      return this.write(entry, decidedArticle(article, request, new Date().toISOString()));
    });
  }

  /** Fixes the slug (it stops following the headline); `null` lets it follow again. */
  rename(id: string, requested: string | null): Promise<SaveResult> {
    return this.queue.change(async () => {
      const entry = this.folder.requireEntry(id);
      const { record: article } = await this.folder.readCurrent(entry);
      if (requested === null) return this.write(entry, { ...article, meta: { ...article.meta, slugLocked: false } });
      const slug = slugify(requested, '');
      if (slug === '') {
        throw new ApiError('invalid-request', 'slug: must contain at least one letter or digit', [
          { path: 'slug', message: 'must contain at least one letter or digit' },
        ]);
      }
      const current = entry.summary.slug;
      if (slugKey(slug) !== slugKey(current) && this.folder.registry.takenKeys(current).has(slugKey(slug))) {
        throw new ApiError('conflict', `articles/${slug}.json already exists; pick another slug.`);
      }
      const fresh = await this.folder.write(entry, { ...article, meta: { ...article.meta, slugLocked: true } }, async (move) => {
        if (slug === current) return current;
        await move(this.folder.pathOf(slug)).catch((error: NodeJS.ErrnoException) => {
          throw error.code === 'EEXIST' ? new ApiError('conflict', `articles/${slug}.json already exists; pick another slug.`) : error;
        });
        return slug;
      });
      return { summary: fresh.summary, revision: fresh.revision, slug: fresh.summary.slug };
    });
  }

  /** A copy as a new draft: a new id, no review decisions, and every field Copydesk does not know kept. */
  duplicate(id: string): Promise<Article> {
    return this.queue.change(async () => {
      const { record: article } = await this.folder.readCurrent(this.folder.requireEntry(id));
      const now = new Date().toISOString();
      const headline = article.meta.headline ? `${article.meta.headline} (copy)` : '';
      const copy: ArticleFile = {
        ...article,
        id: randomUUID(),
        meta: { ...article.meta, headline, status: 'draft', slugLocked: false, createdAt: now, updatedAt: now },
        review: { ...article.review, decisions: [], history: [] },
      };
      const entry = await this.folder.create(copy, slugify(headline));
      return { ...copy, slug: entry.summary.slug, revision: entry.revision };
    });
  }

  /** Moves the article's file into `.copydesk/trash`, whole. */
  delete(id: string): Promise<{ trashId: string }> {
    return this.queue.change(async () => {
      const entry = this.folder.requireEntry(id);
      const trashId = trashIdFor(entry.summary.slug);
      await this.folder.moveOut(entry, containedPath(this.layout.trash, `${trashId}.json`));
      return { trashId };
    });
  }

  /**
   * Keeps a version in `.copydesk/history/<id>/`: the file as it is on disk, byte for
   * byte, or that file with the given fields and body (the version on screen).
   */
  keepVersion(id: string, onScreen?: { meta?: ArticleMetaPatch | undefined; body?: LexicalBody | undefined }): Promise<{ file: string }> {
    return this.queue.change(async () => {
      const known = this.folder.registry.byId(id);
      const current = known ? await this.folder.readCurrent(known).catch((error: unknown) => (onScreen ? null : Promise.reject(error))) : null;
      if (!current || !known) {
        // The file is gone or unreadable: what is on screen is all there is, so it is kept as
        // it was sent, to be copied back by hand; nothing in articles/ is touched.
        if (!onScreen) throw new ApiError('not-found', `No article with id ${id} in this workspace.`);
        const shown = `${JSON.stringify({ schemaVersion: 1, id, meta: onScreen.meta ?? {}, body: onScreen.body ?? null, keptAt: new Date().toISOString() }, null, 2)}\n`;
        return { file: await keepInHistory(this.layout.history, id, known?.summary.slug ?? 'article', shown, 'on-screen') };
      }
      const entry = known;
      const { record: article } = current;
      const slug = entry.summary.slug;
      if (!onScreen) {
        const read = await this.folder.read(this.folder.pathOf(slug));
        if (read.ok) return { file: await keepInHistory(this.layout.history, id, slug, read.value.bytes, 'on-disk') };
      }
      const shown = serializeArticle({ ...article, meta: { ...article.meta, ...onScreen?.meta }, body: onScreen?.body ?? article.body });
      return { file: await keepInHistory(this.layout.history, id, slug, shown, onScreen ? 'on-screen' : 'on-disk') };
    });
  }

  /** Every version kept of the article, newest first. */
  versions(id: string): Promise<ArticleVersionSummary[]> {
    return this.queue.run(() => listVersions(this.layout.history, this.layout.root, id));
  }

  /** One version whole. */
  version(id: string, versionId: string): Promise<ArticleVersion> {
    return this.queue.run(() => readVersion(this.layout.history, this.layout.root, id, versionId));
  }

  /**
   * Keeps the article as saved now as a version, when a session's edits have settled: not
   * when the newest version is younger than a few minutes, nor when it is the same bytes.
   */
  keepSettled(id: string): Promise<{ kept: boolean }> {
    return this.queue.change(async () => {
      const entry = this.folder.requireEntry(id);
      const newest = await newestVersion(this.layout.history, id);
      if (newest && Date.now() - newest.at < SETTLED_VERSION_INTERVAL_MS) return { kept: false };
      const read = await this.folder.read(this.folder.pathOf(entry.summary.slug));
      if (!read.ok) return { kept: false };
      if (newest && revisionOf(read.value.bytes) === (await this.versionRevision(id, newest.versionId))) return { kept: false };
      await keepInHistory(this.layout.history, id, entry.summary.slug, read.value.bytes, 'settled');
      await thinSettledVersions(this.layout.history, id, await versionNames(this.layout.history, id));
      return { kept: true };
    });
  }

  /**
   * Makes an earlier version the current text (its words: headline, dek, kicker, section,
   * bylines, dateline and body), as a new save; the text it replaces is kept as a version
   * first, so nothing is lost.
   */
  restoreVersion(request: { id: string; versionId: string; baseRevision: string; reopen?: boolean | undefined; by?: string | undefined }): Promise<SaveResult> {
    return this.queue.change(async () => {
      const version = await readVersion(this.layout.history, this.layout.root, request.id, request.versionId);
      const { entry, article } = await this.current(request.id, request.baseRevision, 'Reload it, then restore the version again.');
      const edit = { meta: restorableMeta(version.meta), body: version.body, reopen: request.reopen, by: request.by };
      const restored = editedArticle(article, edit, entry.summary.slug, new Date().toISOString());
      await this.keepCurrent(entry, 'before-restore');
      return this.write(entry, restored);
    });
  }

  /** Where a damaged file is, what is wrong with it, and its first lines; reads only listed files. */
  inspectDamaged(slug: string) {
    return this.queue.run(async () => {
      const { path, size, reason, text } = await this.folder.peekDamaged(slug, 64 * 1024);
      return { path, size, reason, ...jsonErrorPosition(text), preview: previewOf(text) };
    });
  }

  listTrash(): Promise<TrashedArticle[]> {
    return this.queue.run(() => listTrash(this.layout.trash, this.layout.root));
  }

  /** Puts an article back from the trash under a free name. */
  restore(trashId: string): Promise<ArticleSummary> {
    return this.queue.change(async () => {
      const from = containedPath(this.layout.trash, `${trashId}.json`);
      const read = await this.folder.read(from);
      if (!read.ok && read.error.kind === 'missing') throw new ApiError('not-found', `Nothing in the trash is called ${trashId}.`);
      if (!read.ok) throw new ApiError('damaged', `The trashed file cannot be restored: ${read.error.kind === 'missing' ? 'it is gone' : read.error.reason}.`);
      const parsed = parseArticleBytes(read.value.bytes);
      if (!parsed.ok) throw new ApiError('damaged', `The trashed file cannot be restored: ${parsed.error}.`);
      const article = parsed.value;
      const other = this.folder.registry.byId(article.id);
      if (other) throw new ApiError('conflict', `The library already has this article (articles/${other.summary.slug}.json).`);
      const entry = await this.folder.moveIn(from, slugFromTrashId(trashId, article.meta.headline), article, read.value.bytes, read.value);
      return entry.summary;
    });
  }

  /**
   * Changes an article's fields as a function of what its file holds now (a tag renamed, a
   * link added): the body, the workflow and the time of the last edit are left as they are.
   * `edit` returning null leaves the file alone (returns null). With `baseRevision`, a file
   * changed since is a conflict.
   */
  editMeta(id: string, edit: (meta: ArticleFile['meta']) => ArticleFile['meta'] | null, baseRevision?: string): Promise<SaveResult | null> {
    return this.queue.change(async () => {
      const { entry, article } = baseRevision
        ? await this.current(id, baseRevision, 'Reload it, then try again.')
        : { entry: this.folder.requireEntry(id), article: (await this.folder.readCurrent(this.folder.requireEntry(id))).record };
      const meta = edit(article.meta);
      if (meta === null) return null;
      return this.write(entry, { ...article, meta });
    });
  }

  /** Deletes a trashed article's file for good; returns the id it had ('' when unreadable). */
  purge(trashId: string): Promise<{ id: string }> {
    return this.queue.change(async () => {
      const file = containedPath(this.layout.trash, `${trashId}.json`);
      const read = await this.folder.read(file);
      if (!read.ok && read.error.kind === 'missing') throw new ApiError('not-found', `Nothing in the trash is called ${trashId}.`);
      const parsed = read.ok ? parseArticleBytes(read.value.bytes) : null;
      await unlink(file);
      return { id: parsed?.ok ? parsed.value.id : '' };
    });
  }

  /** Articles that have the source attached. */
  citing(sourceId: string): ArticleSummary[] {
    return this.folder.registry
      .entries()
      .map((e) => e.summary)
      .filter((summary) => summary.sourceIds.includes(sourceId));
  }

  /**
   * Takes a source off an article: out of its sources, and each attribution to it unwrapped
   * (the text stays). Runs inside a task already on the queue (a source's deletion).
   */
  async detachSourceNow(id: string, sourceId: string): Promise<void> {
    const entry = this.folder.requireEntry(id);
    const { record: article } = await this.folder.readCurrent(entry);
    await this.write(entry, {
      ...article,
      meta: { ...article.meta, sourceIds: article.meta.sourceIds.filter((s) => s !== sourceId), updatedAt: new Date().toISOString() },
      body: withoutAttributionsTo(article.body, sourceId),
    });
  }

  // ---- internals -------------------------------------------------------------------

  /** The article as on disk now, refused as a conflict when it is not the revision the edit began from. */
  private async current(id: string, baseRevision: string, advice: string): Promise<{ entry: ArticleEntry; article: ArticleFile; revision: string }> {
    const entry = this.folder.requireEntry(id);
    // Always the bytes on disk now: a same-size edit within one mtime tick (FAT, SMB)
    // must still count as a change.
    const { record: article, revision } = await this.folder.readCurrent(entry);
    if (baseRevision !== revision) {
      throw new ApiError('conflict', `"${article.meta.headline || entry.summary.slug}" was changed on disk since this edit began. ${advice}`);
    }
    return { entry, article, revision };
  }

  /** Keeps the article's file as it is on disk now as a version (inside a task on the queue). */
  private async keepCurrent(entry: ArticleEntry, kind: 'before-status' | 'before-restore'): Promise<void> {
    const read = await this.folder.read(this.folder.pathOf(entry.summary.slug));
    if (read.ok) await keepInHistory(this.layout.history, entry.summary.id, entry.summary.slug, read.value.bytes, kind);
  }

  private async versionRevision(id: string, versionId: string): Promise<string | null> {
    const read = await this.folder.read(containedPath(containedPath(this.layout.history, id), versionId));
    return read.ok ? revisionOf(read.value.bytes) : null;
  }

  /** Writes an article; a draft's file follows its headline to a free name. */
  private async write(entry: ArticleEntry, article: ArticleFile): Promise<SaveResult> {
    const oldSlug = entry.summary.slug;
    const desired = followedSlug(article);
    // Asked name by name: listing every name in a large library on each save cost milliseconds.
    const registry = this.folder.registry;
    const follows = desired !== null && uniqueSlug(desired, { has: (key) => registry.keyTaken(key, oldSlug) }) !== oldSlug;
    const fresh = await this.folder.write(
      entry,
      article,
      follows
        ? // A name the file system refuses (too long for an encrypted volume, a locked
          // folder) must not block the save: the article keeps its old name.
          (move) => this.folder.placeUnderFreeName(desired, move, oldSlug).catch(() => oldSlug)
        : undefined,
    );
    return { summary: fresh.summary, revision: fresh.revision, slug: fresh.summary.slug };
  }

  /** Adds each added or changed article's current summary, so a list can update without asking again. */
  private withSummaries(changes: FolderChange[]): LibraryChange[] {
    return changes.map((change) => {
      const entry = (change.kind === 'added' || change.kind === 'changed') && change.id ? this.folder.registry.byId(change.id) : undefined;
      return { ...change, summary: entry ? this.withOpenClaims(entry) : null };
    });
  }

  /**
   * The summary with the open claims last counted (null when never counted). A count made
   * for an earlier revision is shown until the background count of the new one replaces
   * it, so a status change or a save does not blank the label in between.
   */
  withOpenClaims(entry: ArticleEntry): ArticleSummary {
    const counted = this.hooks.openClaims?.(entry.summary.id);
    return counted ? { ...entry.summary, openClaims: counted[1] } : entry.summary;
  }

  /** True when an article's open claims were not counted for its current text. */
  needsOpenClaimsCount(id: string): boolean {
    const entry = this.folder.registry.byId(id);
    if (!entry) return false;
    const counted = this.hooks.openClaims?.(id);
    return !counted || entry.revision === '' || counted[0] !== entry.revision;
  }

  /** Tells the library an article's open claims were counted afresh (its summary changes, not its file). */
  openClaimsCounted(id: string): void {
    const entry = this.folder.registry.byId(id);
    if (entry) this.hooks.changed([{ kind: 'changed', id, slug: entry.summary.slug, origin: 'app', revision: entry.revision || null, summary: this.withOpenClaims(entry) }]);
  }
}
