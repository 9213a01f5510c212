/**
 * What the workspace knows of articles/ in memory: each readable article by id and by
 * slug, and each file that could not be read. Bookkeeping only; no I/O.
 */
import type { ArticleSummary, DamagedFile } from '../../shared/article';
import { slugKey } from '../../shared/slug';
import type { IndexEntry } from '../workspace/workspace-index';

export class ArticleRegistry {
  private readonly ids = new Map<string, IndexEntry>();
  private readonly slugs = new Map<string, string>();
  private readonly damaged = new Map<string, DamagedFile>();
  /** Damaged files that only clash with another file's id: they load once that file goes. */
  private readonly twinIds = new Map<string, string>();

  get size(): number {
    return this.ids.size;
  }

  get damagedCount(): number {
    return this.damaged.size;
  }

  byId(id: string): IndexEntry | undefined {
    return this.ids.get(id);
  }

  /** The readable article whose file is articles/<slug>.json. */
  atSlug(slug: string): IndexEntry | undefined {
    const id = this.slugs.get(slug);
    return id === undefined ? undefined : this.ids.get(id);
  }

  entries(): IndexEntry[] {
    return [...this.ids.values()];
  }

  add(entry: IndexEntry): void {
    this.ids.set(entry.summary.id, entry);
    this.slugs.set(entry.summary.slug, entry.summary.id);
    this.clearDamaged(entry.summary.slug);
  }

  forget(entry: IndexEntry): void {
    this.ids.delete(entry.summary.id);
    if (this.slugs.get(entry.summary.slug) === entry.summary.id) this.slugs.delete(entry.summary.slug);
  }

  /** Lists articles/<slug>.json as unreadable; `twinOf` when it only repeats another article's id. */
  markDamaged(slug: string, reason: string, twinOf?: string): void {
    const previous = this.atSlug(slug);
    if (previous) this.forget(previous);
    this.damaged.set(slug, { slug, file: `articles/${slug}.json`, reason });
    if (twinOf === undefined) this.twinIds.delete(slug);
    else this.twinIds.set(slug, twinOf);
  }

  damagedAt(slug: string): DamagedFile | undefined {
    return this.damaged.get(slug);
  }

  /** Stops listing a file as damaged; true if it was. */
  clearDamaged(slug: string): boolean {
    this.twinIds.delete(slug);
    return this.damaged.delete(slug);
  }

  /** Slugs of twins whose original article is no longer in the library. */
  orphanedTwins(): string[] {
    return [...this.twinIds].filter(([, id]) => !this.ids.has(id)).map(([slug]) => slug);
  }

  /** Keys (see slugKey) of every name under articles/, readable or not. */
  takenKeys(except?: string): Set<string> {
    const keys = new Set<string>();
    for (const slug of [...this.slugs.keys(), ...this.damaged.keys()]) if (slug !== except) keys.add(slugKey(slug));
    return keys;
  }

  list(): { articles: ArticleSummary[]; damaged: DamagedFile[] } {
    const articles = [...this.ids.values()].map((e) => e.summary);
    articles.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    const damaged = [...this.damaged.values()].sort((a, b) => a.slug.localeCompare(b.slug));
    return { articles, damaged };
  }
}
