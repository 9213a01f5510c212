/**
 * The library's summaries, held outside React so that a save changes one row and nothing
 * else: the app shell does not re-render when an article is saved, only the components
 * that read the changed part (the list's row, a count) do. Components read it through
 * `useLibrary*` hooks built on useSyncExternalStore.
 *
 * Each change gets a version number and the ids it touched, so the list can move one row
 * (`changedSince`) instead of sorting 10,000 summaries again after every autosave.
 */
import { createContext, useContext, useRef, useSyncExternalStore } from 'react';
import type { ArticleListItem, DamagedFile } from '../../../shared/article';
import type { LibraryChange } from '../../../shared/contract';
import { applyLibraryChanges, type Library } from './apply-changes';

export interface LibrarySnapshot extends Library {
  /** Every summary by article id. */
  byId: ReadonlyMap<string, ArticleListItem>;
  /** Grows by one with every change. */
  version: number;
  /**
   * Grows only when a kicker, section or tag changes somewhere (or articles come or go):
   * what the header's suggestions are made from, so a save of the text does not recount them.
   */
  fieldsVersion: number;
}

/** The fields the header offers from the whole library. */
function offeredFields(a: ArticleListItem | undefined): string {
  return a ? `${a.kicker}\u0000${a.section}\u0000${a.tags.join('\u0000')}` : '';
}

/** How many versions back `changedSince` can tell one row from another. */
const LOG_LENGTH = 64;

export class LibraryStore {
  private snapshot: LibrarySnapshot | null = null;
  private readonly listeners = new Set<() => void>();
  /** The ids each recent version touched; null for a full reload. */
  private log: Array<{ version: number; ids: string[] | null }> = [];

  readonly get = (): LibrarySnapshot | null => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Takes a whole new list (from `articles.list`). */
  reset(library: Library): void {
    const version = (this.snapshot?.version ?? 0) + 1;
    const fieldsVersion = (this.snapshot?.fieldsVersion ?? 0) + 1;
    this.snapshot = { ...library, byId: new Map(library.articles.map((a) => [a.id, a])), version, fieldsVersion };
    this.log = [{ version, ids: null }];
    this.notify();
  }

  /** Applies change events; false when only a full reload can tell what changed. */
  apply(changes: readonly LibraryChange[]): boolean {
    const current = this.snapshot;
    if (!current) return false;
    const next = applyLibraryChanges(current, changes);
    if (!next) return false;
    const ids = changes.flatMap((c) => [c.id, c.summary?.id].filter((id): id is string => !!id));
    const byId = new Map(current.byId);
    for (const id of ids) byId.delete(id);
    for (const article of next.articles) if (ids.includes(article.id)) byId.set(article.id, article);
    const version = current.version + 1;
    const fieldsChanged = ids.some((id) => offeredFields(current.byId.get(id)) !== offeredFields(byId.get(id)));
    this.snapshot = { ...next, byId, version, fieldsVersion: current.fieldsVersion + (fieldsChanged ? 1 : 0) };
    this.log = [...this.log.slice(-LOG_LENGTH), { version, ids }];
    this.notify();
    return true;
  }

  /** The ids changed after `version`, or null when the list must be read again whole. */
  changedSince(version: number): Set<string> | null {
    const newer = this.log.filter((entry) => entry.version > version);
    if (newer.length === 0) return new Set();
    if (newer[0]!.version !== version + 1 || newer.some((entry) => entry.ids === null)) return null;
    return new Set(newer.flatMap((entry) => entry.ids!));
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The whole snapshot: re-renders on every change (for what shows every article). */
export function useLibrarySnapshot(store: LibraryStore): LibrarySnapshot | null {
  return useSyncExternalStore(store.subscribe, store.get);
}

/**
 * A part of the library: re-renders only when `equal` says the part changed, so a count or
 * a list of sections does not redraw its component at each autosave.
 */
export function useLibrarySelector<T>(store: LibraryStore, select: (snapshot: LibrarySnapshot | null) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const last = useRef<{ version: number | undefined; value: T } | null>(null);
  const read = () => {
    const snapshot = store.get();
    const previous = last.current;
    if (previous && previous.version === snapshot?.version) return previous.value;
    const value = select(snapshot);
    if (previous && equal(previous.value, value)) {
      last.current = { version: snapshot?.version, value: previous.value };
      return previous.value;
    }
    last.current = { version: snapshot?.version, value };
    return value;
  };
  return useSyncExternalStore(store.subscribe, read);
}

/** Equal when both arrays hold the same items in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}

export type { ArticleListItem, DamagedFile };

/** The app's library store, for parts deep in the article (the related-article picker). */
export const LibraryStoreContext = createContext<LibraryStore | null>(null);

export function useLibraryStore(): LibraryStore {
  const store = useContext(LibraryStoreContext);
  if (!store) throw new Error('useLibraryStore needs the LibraryStoreContext of the app');
  return store;
}
