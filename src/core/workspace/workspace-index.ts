/**
 * The workspace index, `.copydesk/index.json`, kept with lowdb through the durable
 * adapter. It is a cache of article summaries (plus settings): when it is missing,
 * unreadable or of an unknown shape, it starts empty and is rebuilt from the files; a
 * garbled one is kept aside, not overwritten.
 */
import { rename } from 'node:fs/promises';
import { Low } from 'lowdb';
import { articleSummarySchema, type ArticleSummary } from '../../shared/article';
import { sourceSummarySchema, type SourceSummary } from '../../shared/source';
import { DamagedFileError, DurableJSONFile } from '../storage/durable-json-file';
import { unreadableReason } from '../storage/read-file';

// 2: summaries carry the dek, bylines, language, related links and open claims.
const INDEX_SCHEMA_VERSION = 2;

/** What the index remembers of one article file, to skip re-reading it when unchanged. */
export interface IndexEntry {
  summary: ArticleSummary;
  revision: string;
  mtimeMs: number;
  size: number;
}

/** What the index remembers of one source file. */
export interface SourceIndexEntry {
  summary: SourceSummary;
  revision: string;
  mtimeMs: number;
  size: number;
}

const isEntryShape = (e: unknown): e is SourceIndexEntry =>
  typeof e === 'object' && e !== null && typeof (e as SourceIndexEntry).revision === 'string' && typeof (e as SourceIndexEntry).mtimeMs === 'number' && typeof (e as SourceIndexEntry).size === 'number';

interface IndexData {
  schemaVersion: number;
  articles: IndexEntry[];
  /** Added with the source library; an index without it simply has no cached sources. */
  sources?: SourceIndexEntry[];
  /** Claims not backed per article, as the review engine last counted them: [revision counted, count]. */
  openClaims?: Record<string, [string, number]>;
  settings: Record<string, unknown>;
}

const emptyIndex = (): IndexData => ({ schemaVersion: INDEX_SCHEMA_VERSION, articles: [], settings: {} });

export class WorkspaceIndex {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  private written = 0;

  private constructor(
    private readonly db: Low<IndexData>,
    /** Why the index was started afresh, if it was. */
    readonly rebuiltBecause: string | null,
    private readonly writeDelayMs: number,
    private readonly readOnly: boolean,
  ) {}

  /** With `readOnly`, nothing is ever written or moved: the index is only read. */
  static async load(file: string, writeDelayMs: number, readOnly = false): Promise<WorkspaceIndex> {
    const db = new Low<IndexData>(new DurableJSONFile<IndexData>(file), emptyIndex());
    let rebuiltBecause: string | null = null;
    try {
      await db.read();
    } catch (error) {
      // The index is a cache: whatever keeps it from being read, rebuild it from the files.
      rebuiltBecause = error instanceof DamagedFileError ? error.reason : unreadableReason(error);
      // Keep the unreadable bytes for whoever wants to look at them.
      if (!readOnly) await rename(file, `${file}.damaged-${Date.now()}`).catch(() => undefined);
      db.data = emptyIndex();
    }
    if (!rebuiltBecause && !isIndexData(db.data)) {
      rebuiltBecause = 'the index had an unknown shape';
      db.data = emptyIndex();
    }
    // An entry that breaks the contract is dropped; its file is simply read again.
    db.data.articles = db.data.articles.filter((e) => articleSummarySchema.safeParse(e.summary).success);
    db.data.sources = Array.isArray(db.data.sources) ? db.data.sources.filter((e) => isEntryShape(e) && sourceSummarySchema.safeParse(e.summary).success) : [];
    return new WorkspaceIndex(db, rebuiltBecause, writeDelayMs, readOnly);
  }

  get entries(): readonly IndexEntry[] {
    return this.db.data.articles;
  }

  /** How many times the index file has been written since it was loaded. */
  get writes(): number {
    return this.written;
  }

  /** Settings kept with the index (the reviewer's name); unknown ones are kept. */
  get settings(): Readonly<Record<string, unknown>> {
    return this.db.data.settings;
  }

  updateSettings(patch: Record<string, unknown>): void {
    this.db.data.settings = { ...this.db.data.settings, ...patch };
    this.markDirty();
  }

  /** The open claims counted for an article's revision, if they were. */
  openClaimsOf(id: string): [string, number] | undefined {
    const known = this.db.data.openClaims?.[id];
    return Array.isArray(known) && typeof known[0] === 'string' && typeof known[1] === 'number' ? known : undefined;
  }

  /** Records what the review engine counted; true when the count differs from what was known. */
  noteOpenClaims(id: string, revision: string, count: number): boolean {
    const known = this.openClaimsOf(id);
    if (known && known[0] === revision && known[1] === count) return false;
    this.db.data.openClaims ??= {};
    this.db.data.openClaims[id] = [revision, count];
    this.markDirty();
    return known?.[1] !== count;
  }

  /** Keeps an article's count but marks it as not counted for any revision (its sources changed). */
  staleOpenClaims(id: string): void {
    const known = this.openClaimsOf(id);
    if (known) this.db.data.openClaims![id] = ['', known[1]];
  }

  /** The sources' entries as last written. */
  get sourceEntries(): readonly SourceIndexEntry[] {
    return this.db.data.sources ?? [];
  }

  /** Records the current article entries and writes them a little later, coalescing bursts of saves. */
  schedule(entries: IndexEntry[]): void {
    this.db.data.articles = entries;
    this.markDirty();
  }

  /** Records the current source entries, written with the next index write. */
  scheduleSources(entries: SourceIndexEntry[]): void {
    this.db.data.sources = entries;
    this.markDirty();
  }

  private markDirty(): void {
    if (this.readOnly) return;
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // The index is a cache: a failed write is tried again with the next change, and
      // must never take the process down.
      this.flush().catch((error: unknown) => console.error(`Copydesk could not write the workspace index: ${String(error)}`));
    }, this.writeDelayMs);
  }

  /** Writes now if anything changed; a failure leaves the index marked for the next try. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const write = this.writing.catch(() => undefined).then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      try {
        await this.db.write();
        this.written++;
      } catch (error) {
        this.dirty = true;
        throw error;
      }
    });
    this.writing = write;
    await write;
  }
}

function isIndexData(value: unknown): value is IndexData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Partial<IndexData>;
  return (
    data.schemaVersion === INDEX_SCHEMA_VERSION &&
    Array.isArray(data.articles) &&
    data.articles.every(
      (e) =>
        typeof e === 'object' &&
        e !== null &&
        typeof e.revision === 'string' &&
        typeof e.mtimeMs === 'number' &&
        typeof e.size === 'number' &&
        typeof e.summary?.id === 'string' &&
        typeof e.summary?.slug === 'string',
    ) &&
    typeof data.settings === 'object' &&
    data.settings !== null
  );
}
