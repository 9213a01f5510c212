/**
 * Unsaved editor state kept in the page's IndexedDB, one record per article, so that a
 * page or app killed before its save reached the disk can offer the text on the next open.
 * Written as the text changes and removed once a save is confirmed. A browser without
 * IndexedDB (or refusing it) keeps nothing, and says nothing: the autosave still runs.
 */
import type { ArticleMetaPatch, LexicalBody } from '../../../shared/article';

/** What is kept of an article's unsaved state. */
export interface RecoveryRecord {
  articleId: string;
  /** When it was written (ms). */
  at: number;
  /** The revision the unsaved edits were made on. */
  baseRevision: string;
  meta: ArticleMetaPatch;
  body: LexicalBody | null;
  /** The start of the text, for the offer. */
  preview: string;
}

const DB = 'copydesk-recovery';
const STORE = 'unsaved';

let opening: Promise<IDBDatabase | null> | null = null;

function database(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'articleId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  return opening;
}

function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | null> {
  return database().then(
    (db) =>
      new Promise<T | null>((resolve) => {
        if (!db) return resolve(null);
        try {
          const request = act(db.transaction(STORE, mode).objectStore(STORE));
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => resolve(null);
        } catch {
          resolve(null);
        }
      }),
  );
}

export function writeRecovery(record: RecoveryRecord): Promise<unknown> {
  return run('readwrite', (store) => store.put(record));
}

export function readRecovery(articleId: string): Promise<RecoveryRecord | null> {
  return run<RecoveryRecord | undefined>('readonly', (store) => store.get(articleId) as IDBRequest<RecoveryRecord | undefined>).then((r) => r ?? null);
}

export function clearRecovery(articleId: string): Promise<unknown> {
  return run('readwrite', (store) => store.delete(articleId));
}
