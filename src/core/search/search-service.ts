/**
 * Search in a workspace. The index loads (or is built) in the background after the
 * workspace opens, a slice at a time so the host keeps answering; the library never waits
 * for it. It stays current from the article store: a record written or seen on disk is
 * indexed a moment later (coalesced, off the save's path), a removed one dropped, and a
 * source's new title re-indexes the articles citing it. It is saved under .copydesk/ once
 * caught up, a while after changes settle, and on close.
 *
 * A little over 300 lines: the catch-up, the live updates, the saves and the text cache
 * meet on one index and one state (what is pending, what is indexed, what is being
 * saved), which must change together. A query itself is run-query.ts.
 */
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { ArticleFile } from '../../shared/article';
import type { SearchResult, SearchStatus } from '../../shared/library';
import type { ArticleEntry, ArticleStore } from '../articles/article-store';
import { revisionOf } from '../articles/article-file';
import type { SourceStore } from '../sources/source-store';
import { runQuery } from './run-query';
import { searchDocumentOf, searchDocumentOfText, type SearchDocument } from './search-document';
import { LoadStopped } from './engine-internals';
import { keepAside, readSearchIndex, writeSearchIndex } from './search-file';
import { ArticleSearchIndex, type IndexedFrom } from './search-index';

export interface SearchServiceOptions {
  /** `.copydesk/search-index.jsonl`. */
  file: string;
  /** Read-only and guest workspaces never write the file. */
  persist: boolean;
  /** How long after the last change the file is saved (default 30 s). */
  saveDelayMs?: number;
}

/** How long one slice of background work may hold the process. */
const SLICE_MS = 12;
const LIVE_UPDATE_DELAY_MS = 150;

export class SearchService {
  private index = ArticleSearchIndex.empty();
  private loading = true;
  /** Articles whose entry must be (re)built from their file. */
  private readonly stale = new Set<string>();
  /** Records just written or seen, waiting to be indexed (the latest per id). */
  private readonly fresh = new Map<string, { record: ArticleFile; from: IndexedFrom }>();
  private readonly emitter = new EventEmitter();
  private liveTimer: NodeJS.Timeout | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private work: Promise<void> = Promise.resolve();
  private working = false;
  private dirty = false;
  private closed = false;
  /** A save is reading the index a slice at a time: additions and removals wait. */
  private saving = false;
  private readonly gone = new Set<string>();
  private lastState: SearchStatus['state'] | null = null;
  /** Why the saved index was not used at open, if it was not. */
  rebuiltBecause: string | null = null;

  constructor(
    private readonly articles: ArticleStore,
    private readonly sources: SourceStore,
    private readonly options: SearchServiceOptions,
  ) {}

  private started = false;

  /** Loads the saved index and catches up with the files, in the background; once. */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    this.work = this.loadAndCatchUp().catch((error: unknown) => {
      console.error(`Copydesk could not build the search index: ${String(error)}`);
    });
  }

  /** Resolves once every pending change is indexed (tests, the CLI). */
  async settled(): Promise<void> {
    this.start();
    for (;;) {
      await this.work;
      this.applyFresh();
      if (!this.loading && this.stale.size === 0 && !this.working) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  status(): SearchStatus {
    this.start();
    const total = this.articles.count;
    const busy = this.loading || this.stale.size > 0;
    return { state: busy ? 'indexing' : 'ready', indexed: busy ? Math.max(0, Math.min(total, this.index.size - this.stale.size)) : total, total };
  }

  onStatus(listener: (status: SearchStatus) => void): () => void {
    this.emitter.on('status', listener);
    return () => this.emitter.off('status', listener);
  }

  // ---- what the store tells --------------------------------------------------------

  /** A record written or read whole: indexed a moment later, unless its entry is current. */
  recordSeen(record: ArticleFile, entry: ArticleEntry): void {
    // Not started (the CLI writing as a guest): a start compares every file anyway.
    if (!this.started || this.closed) return;
    const known = this.index.indexedFrom(record.id);
    if (known && known.revision && known.revision === entry.revision) return;
    this.fresh.set(record.id, { record, from: { revision: entry.revision, mtimeMs: entry.mtimeMs, size: entry.size } });
    this.stale.delete(record.id);
    if (!this.liveTimer && !this.closed) this.liveTimer = setTimeout(() => this.applyFresh(), LIVE_UPDATE_DELAY_MS);
  }

  /** An article gone from the library (trashed, removed, unreadable now). */
  removed(id: string): void {
    this.fresh.delete(id);
    this.stale.delete(id);
    if (this.saving) this.gone.add(id);
    else if (this.index.indexedFrom(id)) {
      this.index.remove(id);
      this.changed();
    }
  }

  /** An article whose file changed without its record passing by (a rescan that found it unchanged in id). */
  refresh(ids: Iterable<string>): void {
    for (const id of ids) if (!this.fresh.has(id)) this.stale.add(id);
    this.catchUpSoon();
  }

  /** A source's title may have changed: the articles citing it are indexed again. */
  sourceChanged(sourceId: string): void {
    this.refresh(this.articles.citing(sourceId).map((a) => a.id));
  }

  // ---- queries ---------------------------------------------------------------------

  query(text: string, limit = 50): SearchResult {
    const started = performance.now();
    this.applyFresh();
    const { state } = this.status();
    const found = runQuery(text, limit, { index: this.index, registry: this.articles.folder.registry, documentOf: (id) => this.documentOf(id) });
    return { ...found, state, tookMs: performance.now() - started };
  }

  /** The index, for suggestions: current, with every pending record applied. */
  currentIndex(): ArticleSearchIndex {
    this.start();
    this.applyFresh();
    return this.index;
  }

  /** An article's document as indexed, or read again from its file. */
  documentOf(id: string): SearchDocument | undefined {
    const known = this.index.document(id);
    if (known) return known;
    const entry = this.articles.folder.registry.byId(id);
    if (!entry) return undefined;
    const read = this.articles.folder.readSync(entry.summary.slug);
    if (!read.ok) return undefined;
    const document = searchDocumentOfText(read.value.text, id, this.sourceTitle);
    if (document) this.index.remember(document);
    return document ?? undefined;
  }

  async close(): Promise<void> {
    const started = this.started;
    this.closed = true;
    clearTimeout(this.liveTimer);
    clearTimeout(this.saveTimer);
    // A load in progress writes nothing and stops once loaded: closing does not wait for it.
    if (!started || this.loading) return;
    await this.work;
    this.applyFresh();
    await this.save();
  }

  // ---- internals -------------------------------------------------------------------

  private readonly sourceTitle = (id: string) => this.sources.folder.registry.byId(id)?.summary.title;

  private documentFor(record: ArticleFile): SearchDocument {
    return searchDocumentOf(record, this.sourceTitle);
  }

  private applyFresh(): void {
    clearTimeout(this.liveTimer);
    this.liveTimer = undefined;
    // While the saved index loads, records wait: they go into the loaded one. While it is
    // saved, they wait too (the save reads it in slices), and are applied soon after.
    if (this.loading || this.saving) {
      if (!this.closed && (this.fresh.size || this.gone.size)) this.liveTimer = setTimeout(() => this.applyFresh(), LIVE_UPDATE_DELAY_MS);
      return;
    }
    for (const id of this.gone) this.index.remove(id);
    if (this.gone.size) this.changed();
    this.gone.clear();
    if (!this.fresh.size) return;
    for (const [id, { record, from }] of this.fresh) {
      if (this.articles.folder.registry.byId(id)) this.index.put(this.documentFor(record), from);
    }
    this.fresh.clear();
    this.changed();
  }

  private changed(): void {
    this.dirty = true;
    if (!this.options.persist || this.closed || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      if (this.working || this.loading) return this.changed();
      this.work = this.work.then(() => this.save()).catch((error: unknown) => console.error(`Copydesk could not save the search index: ${String(error)}`));
    }, this.options.saveDelayMs ?? 30_000);
    this.saveTimer.unref();
  }

  private async save(): Promise<void> {
    if (!this.dirty || !this.options.persist) return;
    this.applyFresh();
    this.dirty = false;
    this.saving = true;
    try {
      const { engine, from } = this.index.saveState();
      await writeSearchIndex(this.options.file, engine, from);
    } catch (error) {
      this.dirty = true;
      throw error;
    } finally {
      this.saving = false;
    }
    if (this.fresh.size || this.gone.size) this.applyFresh();
  }

  private async loadAndCatchUp(): Promise<void> {
    this.announce();
    const loaded = await readSearchIndex(this.options.file, this.options.persist);
    if (this.closed) return;
    if (loaded.ok) {
      try {
        this.index = await ArticleSearchIndex.load(loaded.header, loaded.postings, loaded.from, SLICE_MS, () => this.closed);
      } catch (error) {
        if (error instanceof LoadStopped) return;
        this.rebuiltBecause = `the search index could not be read (garbled: ${error instanceof Error ? error.message : String(error)})`;
        this.index = ArticleSearchIndex.empty();
        if (this.options.persist) await keepAside(this.options.file);
      }
    } else {
      this.rebuiltBecause = loaded.reason;
    }
    // Entries whose file is gone, or no longer the one indexed, and files never indexed.
    const registry = this.articles.folder.registry;
    for (const id of [...this.index.ids()]) if (!registry.byId(id)) this.index.remove(id);
    for (const entry of registry.entries()) {
      const from = this.index.indexedFrom(entry.summary.id);
      if ((!from || !sameFile(from, entry)) && !this.fresh.has(entry.summary.id)) this.stale.add(entry.summary.id);
    }
    if (this.stale.size || !loaded.ok) this.dirty = true;
    this.loading = false;
    this.applyFresh();
    await this.catchUp();
    if (this.options.persist && !this.closed) await this.save();
    void this.readTexts();
  }

  /**
   * After a load, the articles' texts are read into memory in the background, a slice at a
   * time, so a query's snippets and phrase checks never wait for files. Not part of the
   * index's state: searching is ready before this ends.
   */
  private async readTexts(): Promise<void> {
    const ids = this.articles.folder.registry.entries().map((e) => e.summary.id);
    let sliceStarted = performance.now();
    for (const id of ids) {
      if (this.closed) return;
      if (!this.index.hasDocument(id)) this.documentOf(id);
      if (performance.now() - sliceStarted > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStarted = performance.now();
      }
    }
  }

  private catchUpSoon(): void {
    if (this.working || this.loading || this.closed) return;
    this.work = this.work.then(() => this.catchUp()).catch((error: unknown) => console.error(`Copydesk could not update the search index: ${String(error)}`));
  }

  /** Indexes every stale article from its file, a slice at a time. */
  private async catchUp(): Promise<void> {
    if (this.working) return;
    this.working = true;
    this.announce();
    let lastAnnounced = performance.now();
    try {
      while (this.stale.size && !this.closed) {
        const sliceStarted = performance.now();
        for (const id of this.stale) {
          this.stale.delete(id);
          this.indexFromFile(id);
          if (performance.now() - sliceStarted > SLICE_MS) break;
        }
        if (performance.now() - lastAnnounced > 500) {
          lastAnnounced = performance.now();
          this.emitter.emit('status', this.status());
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.working = false;
      this.announce();
    }
  }

  private indexFromFile(id: string): void {
    const entry = this.articles.folder.registry.byId(id);
    if (!entry) return;
    const read = this.articles.folder.readSync(entry.summary.slug);
    if (!read.ok) return;
    const document = searchDocumentOfText(read.value.text, id, this.sourceTitle);
    if (!document) return;
    this.index.put(document, { revision: revisionOf(read.value.bytes), mtimeMs: read.value.mtimeMs, size: read.value.size });
    this.changed();
  }

  /** Tells listeners when the state changes (ready ⇄ indexing). */
  private announce(): void {
    const status = this.status();
    if (status.state === this.lastState) return;
    this.lastState = status.state;
    this.emitter.emit('status', status);
  }
}

/** The entry describes the same bytes the index was built from. */
function sameFile(from: IndexedFrom, entry: ArticleEntry): boolean {
  if (from.revision && entry.revision) return from.revision === entry.revision;
  return from.mtimeMs === entry.mtimeMs && from.size === entry.size;
}
