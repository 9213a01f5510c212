/**
 * A folder of versioned JSON files, one record per file (`articles/<slug>.json`, and
 * next `sources/<id>.json`): the generic part of a store. It reads only what is safe to
 * read, lists what it cannot read as damaged and never writes over it, writes durably,
 * refuses a save built on a revision that is no longer on disk, notices other programs'
 * changes, and reports every change. What a record means (its schema, its summary, how its
 * name is chosen) is the codec's and the store's business.
 *
 * It is one room, over 300 lines, because the registry, the cache of recent records and
 * the revision check must change together under the workspace's queue: split, each part
 * would need the others' internals.
 */
import { lstatSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { LibraryChange } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import type { Result } from '../../shared/result';
import { slugKey, uniqueSlug } from '../../shared/slug';
import { containedPath } from './contained-path';
import { FileRegistry, type FileEntry } from './file-registry';
import { FolderWatcher } from './folder-watcher';
import { readUserFile, readUserFileSync, type FileContent, type FileRead } from './read-file';
import { moveDurably, writeFileDurably } from './write-durably';

/** How a store's records are read, written and summarized. */
export interface FolderCodec<T, S extends { id: string; slug: string }> {
  /** The folder's name, as messages show it: `articles`. */
  folder: string;
  /** One record, in words: `article`. */
  noun: string;
  /** Largest file read; a larger one is listed as damaged. */
  maxBytes: number;
  /** The record in a file's text, or why the text is not one. */
  parse(text: string): Result<T>;
  /** The exact text written for a record. */
  serialize(record: T): string;
  idOf(record: T): string;
  /** What a list shows of a record; its slug is the file name without `.json`. */
  summarize(record: T, name: string): S;
  /** How a record is named in messages ("Rotterdam talks"), falling back to its file name. */
  titleOf(record: T): string;
  /** A revision of exact bytes (identity, not security). */
  revisionOf(bytes: string | Uint8Array): string;
  /**
   * A file's id and summary without the full parse, for rebuilding the index; null when
   * the file needs the full parse (which then says what is wrong with it).
   */
  quickSummary?(text: string, name: string): { id: string; summary: S } | null;
}

/** A change as the folder sees it; the store adds the summary. */
export type FolderChange = Omit<LibraryChange, 'summary'>;

export interface FolderHooks<S extends { id: string; slug: string }, T = unknown> {
  /** Every change made or seen, in order. */
  changed: (changes: FolderChange[]) => void;
  /** The entries changed: the workspace index takes them (it writes later, coalesced). */
  entriesChanged: (entries: Array<FileEntry<S>>) => void;
  /** A whole record was written or read from its file (the search index takes it); not at open. */
  recordSeen?: (record: T, entry: FileEntry<S>) => void;
}

const CACHED_RECORDS = 8;
/** The bytes of recent records kept to compare a file with, at most this much in all. */
const CACHED_BYTES = 32 * 1024 * 1024;
const isJsonFileName = (name: string) => name.endsWith('.json') && !name.startsWith('.');

export class JsonFileFolder<T, S extends { id: string; slug: string }> {
  readonly registry: FileRegistry<S>;
  /**
   * The last few records read or written, by id, to skip re-parsing unchanged bytes; with
   * the bytes themselves while they fit, so a file still holding them needs no hash to know
   * its revision (comparing bytes costs a fraction of hashing them).
   */
  private readonly recent = new Map<string, { revision: string; record: T; bytes: Uint8Array | null }>();
  private watcher: FolderWatcher | undefined;
  private watchProblem: string | null = null;

  constructor(
    /** The folder on disk. */
    readonly dir: string,
    /** The workspace: no file is read through a link that leads out of it. */
    private readonly root: string,
    private readonly codec: FolderCodec<T, S>,
    private readonly hooks: FolderHooks<S, T>,
  ) {
    this.registry = new FileRegistry<S>(codec.folder);
  }

  /** Why changes by other programs are not being noticed, or null when they are. */
  get watchingProblem(): string | null {
    return this.watchProblem;
  }

  pathOf(name: string): string {
    return containedPath(this.dir, `${name}.json`);
  }

  read(file: string): Promise<FileRead> {
    return readUserFile(file, { root: this.root, maxBytes: this.codec.maxBytes });
  }

  /** `<folder>/<name>.json` read at once, by the same safe read (background indexing reads many small files). */
  readSync(name: string): FileRead {
    return readUserFileSync(this.pathOf(name), { root: this.root, maxBytes: this.codec.maxBytes });
  }

  requireEntry(id: string): FileEntry<S> {
    const entry = this.registry.byId(id);
    if (!entry) {
      throw new ApiError(
        'not-found',
        `No ${this.codec.noun} with id ${id} in this workspace (its file may have been moved, renamed or removed by another program).`,
      );
    }
    return entry;
  }

  /** The record as its file holds it now, and that file's revision; the file is always read afresh. */
  async readCurrent(entry: FileEntry<S>): Promise<{ record: T; revision: string }> {
    const name = entry.summary.slug;
    const where = `${this.codec.folder}/${name}.json`;
    const read = await this.read(this.pathOf(name));
    if (!read.ok && read.error.kind === 'missing') {
      this.forget(entry);
      this.hooks.changed([{ kind: 'removed', id: entry.summary.id, slug: name, origin: 'external', revision: null }]);
      throw new ApiError('not-found', `${where} is gone from disk (moved or removed by another program).`);
    }
    if (!read.ok && read.error.kind === 'unreadable') {
      // Often passing (a virus scanner's lock, too many open files): say so, change nothing.
      throw new ApiError('unavailable', `${where} cannot be read just now: ${read.error.reason}.`);
    }
    const cached = this.recent.get(entry.summary.id);
    if (read.ok && cached) {
      const same = cached.bytes ? Buffer.compare(cached.bytes, read.value.bytes) === 0 : cached.revision === this.codec.revisionOf(read.value.bytes);
      if (same) {
        if (entry.mtimeMs !== read.value.mtimeMs || entry.size !== read.value.size) this.remember(name, cached.record, cached.revision, read.value, read.value.bytes);
        return { record: cached.record, revision: cached.revision };
      }
    }
    const parsed = this.parse(read);
    if (!parsed.ok) {
      this.forget(entry);
      this.registry.markDamaged(name, parsed.error);
      this.hooks.changed([{ kind: 'damaged', id: entry.summary.id, slug: name, origin: 'external', revision: null }]);
      throw new ApiError('damaged', `${where} cannot be read: ${parsed.error}. It was left as it is.`);
    }
    const { record, content, revision } = parsed.value;
    if (this.codec.idOf(record) !== entry.summary.id) {
      // Another record's file now sits under this name (a checkout, a "Replace" in a file
      // manager): it is that record, not a new version of this one.
      this.forget(entry);
      this.take(name, read);
      this.hooks.changed([
        { kind: 'removed', id: entry.summary.id, slug: name, origin: 'external', revision: null },
        { kind: 'added', id: this.codec.idOf(record), slug: name, origin: 'external', revision },
      ]);
      throw new ApiError('not-found', `${where} now holds another ${this.codec.noun}; this one's file is gone.`);
    }
    // What this app last knew of the file: when the bytes read now differ, another program
    // wrote them. The watcher's rescan would take them for our own once they are remembered
    // here, so the change is said here, once (a background read, such as the open-claims
    // count, often comes first).
    const known = this.registry.byId(entry.summary.id)?.revision ?? entry.revision;
    this.remember(name, record, revision, content, content.bytes);
    if (known && known !== revision) this.hooks.changed([{ kind: 'changed', id: entry.summary.id, slug: name, origin: 'external', revision }]);
    return { record, revision };
  }

  /**
   * Writes a record, under a new name when `rename` gives one (moving the file first, so a
   * crash in between leaves the old text under the new name, never two files with one id).
   */
  async write(entry: FileEntry<S>, record: T, rename?: (move: (target: string) => Promise<unknown>) => Promise<string>): Promise<FileEntry<S>> {
    const oldName = entry.summary.slug;
    // Encoded once: the same bytes are written, hashed and kept.
    const bytes = Buffer.from(this.codec.serialize(record));
    // The file as its content was last checked: another program's write since is a conflict.
    const checked = this.registry.byId(entry.summary.id) ?? entry;
    const name = rename ? await rename((target) => moveDurably(this.pathOf(oldName), target)) : oldName;
    let written;
    // The new revision and summary depend on the bytes and the record alone: they are worked
    // out while the disk syncs, and take effect only once the file is in place.
    let known: { revision: string; summary: S } | undefined;
    const duringSync = () => {
      known = { revision: this.codec.revisionOf(bytes), summary: this.codec.summarize(record, name) };
    };
    try {
      written = await writeFileDurably(this.pathOf(name), bytes, { expect: { mtimeMs: checked.mtimeMs, size: checked.size }, duringSync });
    } catch (error) {
      if (name !== oldName) await moveDurably(this.pathOf(name), this.pathOf(oldName)).catch(() => undefined);
      if ((error as NodeJS.ErrnoException).code === 'ECONFLICT') {
        throw new ApiError('conflict', `${this.codec.folder}/${name}.json was changed on disk by another program while being saved; nothing was overwritten. Reload it to see those changes, or save again to keep yours.`);
      }
      throw error;
    }
    if (!known) duringSync();
    // Forgotten without telling the index: remember tells it once, with the new entry.
    this.registry.forget(entry);
    const fresh = this.remember(name, record, known!.revision, written, bytes, known!.summary);
    this.hooks.changed([{ kind: 'changed', id: entry.summary.id, slug: name, origin: 'app', revision: fresh.revision }]);
    return fresh;
  }

  /** Writes a new record's file under the first free name from `baseName`; never replaces a file. */
  async create(record: T, baseName: string): Promise<FileEntry<S>> {
    const bytes = Buffer.from(this.codec.serialize(record));
    let written: { mtimeMs: number; size: number } | undefined;
    const name = await this.placeUnderFreeName(baseName, async (target) => {
      written = await writeFileDurably(target, bytes, { exclusive: true });
    });
    const entry = this.remember(name, record, this.codec.revisionOf(bytes), written!, bytes);
    this.hooks.changed([{ kind: 'added', id: this.codec.idOf(record), slug: name, origin: 'app', revision: entry.revision }]);
    return entry;
  }

  /** Moves a record's file out of the folder (into the trash); the folder forgets it. */
  async moveOut(entry: FileEntry<S>, destination: string): Promise<void> {
    await moveDurably(this.pathOf(entry.summary.slug), destination);
    this.forget(entry);
    this.hooks.changed([{ kind: 'removed', id: entry.summary.id, slug: entry.summary.slug, origin: 'app', revision: null }]);
  }

  /** Moves a file from outside into the folder under a free name (a restore from the trash). */
  async moveIn(from: string, baseName: string, record: T, bytes: string | Uint8Array, file: { mtimeMs: number; size: number }): Promise<FileEntry<S>> {
    const name = await this.placeUnderFreeName(baseName, (target) => moveDurably(from, target));
    const entry = this.remember(name, record, this.codec.revisionOf(bytes), file);
    this.hooks.changed([{ kind: 'added', id: this.codec.idOf(record), slug: name, origin: 'app', revision: entry.revision }]);
    return entry;
  }

  /**
   * Tries `place(target)` under the first free name from `base`; when the file system says
   * the name is taken after all (another program just made it), tries the next one.
   */
  async placeUnderFreeName(base: string, place: (target: string) => Promise<unknown>, except?: string): Promise<string> {
    const taken = this.registry.takenKeys(except);
    for (let attempt = 0; attempt < 50; attempt++) {
      const name = uniqueSlug(base, taken);
      try {
        await place(this.pathOf(name));
        return name;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        taken.add(slugKey(name));
      }
    }
    throw new ApiError('conflict', `Could not find a free file name for "${base}" in ${this.codec.folder}/.`);
  }

  /**
   * A file listed as damaged, read for a look inside (its first `limit` bytes as text), by
   * the same safe read: a pipe, a device or a link out of the workspace shows nothing.
   */
  async peekDamaged(name: string, limit: number): Promise<{ path: string; size: number; reason: string; text: string }> {
    const damaged = this.registry.damagedAt(name);
    if (!damaged) throw new ApiError('not-found', `${this.codec.folder}/${name}.json is not listed as damaged.`);
    const file = this.pathOf(name);
    const read = await this.read(file);
    const seen = read.ok ? read.value : !read.ok && read.error.kind === 'not-text' ? read.error : null;
    const text = seen ? seen.bytes.subarray(0, limit).toString('utf8') : '';
    return { path: file, size: seen?.size ?? 0, reason: damaged.reason, text };
  }

  /** Brings the registry in line with the folder, trusting cached entries whose file is unchanged. True if the cache was stale. */
  async reconcile(cached: ReadonlyArray<FileEntry<S>>): Promise<boolean> {
    const byName = new Map(cached.map((e) => [e.summary.slug, e]));
    // A workspace from before this folder existed (opened read-only, nothing is created) has none: it is empty.
    const names = (await readdir(this.dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error))))
      .filter(isJsonFileName)
      .sort();
    let stale = byName.size !== names.length;
    // Synchronous file calls in slices of 250: several times faster than fs.promises for
    // thousands of small files, and yielding between slices keeps the process answering.
    for (let i = 0; i < names.length; i += 250) {
      for (const fileName of names.slice(i, i + 250)) {
        const name = fileName.slice(0, -'.json'.length);
        const file = path.join(this.dir, fileName);
        const known = byName.get(name);
        if (known && !this.registry.byId(known.summary.id) && this.unchanged(file, known)) {
          this.registry.add(known);
          continue;
        }
        stale = true;
        this.take(name, readUserFileSync(file, { root: this.root, maxBytes: this.codec.maxBytes }), false);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    return stale;
  }

  startWatching(queue: (task: () => Promise<void>) => Promise<void>): void {
    this.watcher = new FolderWatcher(
      this.dir,
      isJsonFileName,
      (names) => {
        void queue(() => this.rescan(names)).catch(() => undefined);
      },
      (problem) => {
        this.watchProblem = problem;
      },
    );
    this.watcher.start();
  }

  /** Looks again at the named files (`<slug>.json`) now, as the watcher would: another program (a sync) changed them. */
  notice(fileNames: string[]): Promise<void> {
    const names = new Set(fileNames.filter(isJsonFileName));
    return names.size ? this.rescan(names) : Promise.resolve();
  }

  stopWatching(): void {
    this.watcher?.stop();
  }

  // ---- internals -------------------------------------------------------------------

  /** A cached entry still describes the file: a regular file of the same mtime and size. */
  private unchanged(file: string, known: FileEntry<S>): boolean {
    // lstat: a link is never trusted from the cache; the safe read decides about it.
    const info = lstatSync(file, { throwIfNoEntry: false });
    return !!info?.isFile() && known.mtimeMs === info.mtimeMs && known.size === info.size;
  }

  /** Parses a file as read; any failure is a reason, never a throw. */
  private parse(read: FileRead): Result<{ record: T; content: FileContent; revision: string }> {
    if (!read.ok) return { ok: false, error: read.error.kind === 'missing' ? 'the file is gone' : read.error.reason };
    try {
      const parsed = this.codec.parse(read.value.text);
      if (!parsed.ok) return parsed;
      return { ok: true, value: { record: parsed.value, content: read.value, revision: this.codec.revisionOf(read.value.bytes) } };
    } catch (error) {
      return { ok: false, error: error instanceof RangeError ? 'it is nested too deeply to read' : `it could not be read (${String(error)})` };
    }
  }

  private remember(name: string, record: T, revision: string, file: { mtimeMs: number; size: number }, bytes: Uint8Array | null = null, summary?: S): FileEntry<S> {
    const entry: FileEntry<S> = { summary: summary ?? this.codec.summarize(record, name), revision, mtimeMs: file.mtimeMs, size: file.size };
    const id = this.codec.idOf(record);
    this.registry.add(entry);
    this.recent.delete(id);
    this.recent.set(id, { revision, record, bytes });
    if (this.recent.size > CACHED_RECORDS) this.recent.delete(this.recent.keys().next().value as string);
    this.keepCachedBytesWithin(CACHED_BYTES);
    this.hooks.entriesChanged(this.registry.entries());
    this.hooks.recordSeen?.(record, entry);
    return entry;
  }

  /** Drops the bytes of the oldest recent records (they are hashed instead) until the rest fit. */
  private keepCachedBytesWithin(limit: number): void {
    let total = 0;
    for (const cached of [...this.recent.values()].reverse()) {
      if (!cached.bytes) continue;
      total += cached.bytes.byteLength;
      if (total > limit) cached.bytes = null;
    }
  }

  private forget(entry: FileEntry<S>): void {
    this.registry.forget(entry);
    this.recent.delete(entry.summary.id);
    this.hooks.entriesChanged(this.registry.entries());
  }

  /** Takes in one file as read: a record, or a damaged file. Returns the change seen. */
  private take(name: string, read: FileRead, withRevision = true): LibraryChange['kind'] | null {
    if (!read.ok && read.error.kind === 'missing') return null;
    const previous = this.registry.atName(name);
    // At open, a file whose fields are plainly fine is summarized without the full parse.
    const quick = !withRevision && read.ok && this.codec.quickSummary ? this.codec.quickSummary(read.value.text, name) : null;
    if (quick && read.ok) {
      const twin = this.registry.byId(quick.id);
      if (!twin && !previous) {
        this.registry.add({ summary: quick.summary, revision: '', mtimeMs: read.value.mtimeMs, size: read.value.size });
        return 'added';
      }
    }
    const parsed = this.parse(read);
    if (!parsed.ok) {
      if (previous) this.forget(previous);
      this.registry.markDamaged(name, parsed.error);
      return 'damaged';
    }
    const { record, content } = parsed.value;
    const id = this.codec.idOf(record);
    const twin = this.registry.byId(id);
    if (twin && twin.summary.slug !== name) {
      if (previous) this.forget(previous);
      this.registry.markDamaged(
        name,
        `it has the same id as ${this.codec.folder}/${twin.summary.slug}.json (a copy made outside Copydesk?); give it a new id or remove one of them`,
        id,
      );
      return 'damaged';
    }
    if (previous && previous.summary.id !== id) this.forget(previous);
    // At open, revisions wait until they are needed: a save or a rescan reads the file anyway.
    const entry = { summary: this.codec.summarize(record, name), revision: withRevision ? parsed.value.revision : '', mtimeMs: content.mtimeMs, size: content.size };
    this.registry.add(entry);
    if (withRevision) this.hooks.recordSeen?.(record, entry);
    return previous ? 'changed' : 'added';
  }

  /** Looks again at files the watcher named and reports what other programs changed. */
  private async rescan(names: Set<string>): Promise<void> {
    const changes: FolderChange[] = [];
    const look = async (name: string) => {
      const entry = this.registry.atName(name);
      const read = await this.read(path.join(this.dir, `${name}.json`));
      if (!read.ok && read.error.kind === 'missing') {
        if (entry) {
          this.forget(entry);
          changes.push({ kind: 'removed', id: entry.summary.id, slug: name, origin: 'external', revision: null });
        } else if (this.registry.clearDamaged(name)) {
          changes.push({ kind: 'removed', id: null, slug: name, origin: 'external', revision: null });
        }
        return;
      }
      // No stat shortcut here: the watcher says something happened, so look at the bytes.
      const revision = read.ok ? this.codec.revisionOf(read.value.bytes) : null;
      if (entry && entry.revision === revision) return; // our own write
      const kind = this.take(name, read);
      if (!kind) return;
      changes.push({
        kind,
        id: kind === 'damaged' ? (entry?.summary.id ?? null) : (this.registry.atName(name)?.summary.id ?? null),
        slug: name,
        origin: 'external',
        revision: kind === 'damaged' ? null : revision,
      });
    };
    for (const fileName of names) await look(fileName.slice(0, -'.json'.length)).catch(() => undefined);
    // A file held back as a twin of one that is now gone (a copy-then-delete move) loads.
    for (const name of this.registry.orphanedTwins()) await look(name).catch(() => undefined);
    if (changes.length) {
      this.hooks.entriesChanged(this.registry.entries());
      this.hooks.changed(changes);
    }
  }
}
