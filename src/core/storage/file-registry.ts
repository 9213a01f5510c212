/**
 * What a store knows of its folder in memory: each readable file's entry by id and by
 * name, and each file that could not be read. Bookkeeping only; no I/O. Names are compared
 * as case-insensitive file systems compare them (see slugKey).
 */
import type { DamagedFile } from '../../shared/article';
import { slugKey } from '../../shared/slug';

/** What a store keeps of one file: its summary, and the revision, mtime and size of the bytes read. */
export interface FileEntry<S extends { id: string; slug: string }> {
  summary: S;
  revision: string;
  mtimeMs: number;
  size: number;
}

export class FileRegistry<S extends { id: string; slug: string }> {
  private readonly ids = new Map<string, FileEntry<S>>();
  private readonly names = new Map<string, string>();
  private readonly damaged = new Map<string, DamagedFile>();
  /** Damaged files that only clash with another file's id: they load once that file goes. */
  private readonly twinIds = new Map<string, string>();
  /** How many names, readable or damaged, have each key: a save asks whether one is free without listing them all. */
  private readonly keyCounts = new Map<string, number>();

  /** `folder` is how messages name the folder: `articles`, `sources`. */
  constructor(private readonly folder: string) {}

  get size(): number {
    return this.ids.size;
  }

  get damagedCount(): number {
    return this.damaged.size;
  }

  byId(id: string): FileEntry<S> | undefined {
    return this.ids.get(id);
  }

  /** The readable file `<folder>/<name>.json`. */
  atName(name: string): FileEntry<S> | undefined {
    const id = this.names.get(name);
    return id === undefined ? undefined : this.ids.get(id);
  }

  entries(): Array<FileEntry<S>> {
    return [...this.ids.values()];
  }

  add(entry: FileEntry<S>): void {
    this.ids.set(entry.summary.id, entry);
    if (!this.names.has(entry.summary.slug)) this.countKey(entry.summary.slug, 1);
    this.names.set(entry.summary.slug, entry.summary.id);
    this.clearDamaged(entry.summary.slug);
  }

  forget(entry: FileEntry<S>): void {
    this.ids.delete(entry.summary.id);
    if (this.names.get(entry.summary.slug) === entry.summary.id) {
      this.names.delete(entry.summary.slug);
      this.countKey(entry.summary.slug, -1);
    }
  }

  /** Lists `<folder>/<name>.json` as unreadable; `twinOf` when it only repeats another file's id. */
  markDamaged(name: string, reason: string, twinOf?: string): void {
    const previous = this.atName(name);
    if (previous) this.forget(previous);
    if (!this.damaged.has(name)) this.countKey(name, 1);
    this.damaged.set(name, { slug: name, file: `${this.folder}/${name}.json`, reason });
    if (twinOf === undefined) this.twinIds.delete(name);
    else this.twinIds.set(name, twinOf);
  }

  damagedAt(name: string): DamagedFile | undefined {
    return this.damaged.get(name);
  }

  /** Stops listing a file as damaged; true if it was. */
  clearDamaged(name: string): boolean {
    this.twinIds.delete(name);
    if (!this.damaged.delete(name)) return false;
    this.countKey(name, -1);
    return true;
  }

  /** Names of twins whose original is no longer in the folder. */
  orphanedTwins(): string[] {
    return [...this.twinIds].filter(([, id]) => !this.ids.has(id)).map(([name]) => name);
  }

  /** Keys (see slugKey) of every name in the folder, readable or not. */
  takenKeys(except?: string): Set<string> {
    const keys = new Set<string>();
    for (const name of [...this.names.keys(), ...this.damaged.keys()]) if (name !== except) keys.add(slugKey(name));
    return keys;
  }

  /** Whether a name with this key (see slugKey) is in the folder, readable or not, other than `except` itself. */
  keyTaken(key: string, except?: string): boolean {
    let count = this.keyCounts.get(key) ?? 0;
    if (except !== undefined && count > 0 && slugKey(except) === key) count -= (this.names.has(except) ? 1 : 0) + (this.damaged.has(except) ? 1 : 0);
    return count > 0;
  }

  damagedFiles(): DamagedFile[] {
    return [...this.damaged.values()].sort((a, b) => a.slug.localeCompare(b.slug));
  }

  private countKey(name: string, delta: number): void {
    const key = slugKey(name);
    const count = (this.keyCounts.get(key) ?? 0) + delta;
    if (count > 0) this.keyCounts.set(key, count);
    else this.keyCounts.delete(key);
  }
}
