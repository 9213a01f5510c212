/**
 * Team sync as the renderer knows it: this copy's status, who last changed each article,
 * and the sync under way. One store, read by the sidebar's foot, the panel and the
 * library's rows; it asks the host again after a sync, after changes to the library
 * (Copydesk commits what happened) and every half minute.
 */
import { useSyncExternalStore } from 'react';
import type { Presence, SyncResult, TeamStatus } from '../../../shared/team';
import { api } from '../api';

export interface TeamState {
  status: TeamStatus | null;
  /** Who last changed each article, by slug. */
  presence: ReadonlyMap<string, Presence>;
  syncing: boolean;
  /** The last sync's outcome in this session, or why it failed. */
  result: SyncResult | null;
  error: string | null;
  /** Sync every few minutes while the app is open (kept in the page's storage). */
  autoSync: boolean;
}

const AUTO_SYNC_KEY = 'copydesk-team-autosync';
/** How often an automatic sync runs. */
export const AUTO_SYNC_MS = 5 * 60 * 1000;

function storedAutoSync(): boolean {
  try {
    return localStorage.getItem(AUTO_SYNC_KEY) === '1';
  } catch {
    return false;
  }
}

let state: TeamState = { status: null, presence: new Map(), syncing: false, result: null, error: null, autoSync: storedAutoSync() };
const listeners = new Set<() => void>();

function set(patch: Partial<TeamState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTeam(): TeamState {
  return useSyncExternalStore(subscribe, () => state);
}

/** Who last changed the article (its file name), in git mode. */
export function usePresence(slug: string): Presence | undefined {
  return useSyncExternalStore(subscribe, () => state.presence.get(slug));
}

let asking: Promise<void> | null = null;

/** Asks the host for the status (and, shared, the presence); one question at a time. */
export function refreshTeam(): Promise<void> {
  asking ??= (async () => {
    try {
      const status = await api.team.status({});
      const presence = status.mode === 'git' ? (await api.team.presence({})).articles : [];
      set({ status, presence: new Map(presence.map((p) => [p.slug, p])) });
    } catch {
      // The status is a help, not a gate: the foot keeps what it showed.
    } finally {
      asking = null;
    }
  })();
  return asking;
}

/** When the last sync of this session ended (ms), for telling its writes from another program's. */
let lastSyncEnded = 0;
/** The file watcher reports a sync's writes a moment after the sync's reply. */
const SYNC_ECHO_MS = 5_000;

/** Whether a change to a file now most likely came from a team sync (one is running, or just ended). */
export function changedBySync(now = Date.now()): boolean {
  return state.syncing || now - lastSyncEnded < SYNC_ECHO_MS;
}

/** Syncs now; the outcome (or the reason it failed, in words) lands in the store. */
export async function syncTeam(): Promise<SyncResult | null> {
  if (state.syncing) return null;
  set({ syncing: true, error: null });
  try {
    const result = await api.team.sync({});
    lastSyncEnded = Date.now();
    set({ syncing: false, result, status: result.status });
    await refreshTeam();
    return result;
  } catch (e) {
    lastSyncEnded = Date.now();
    set({ syncing: false, error: e instanceof Error ? e.message : String(e) });
    await refreshTeam();
    return null;
  }
}

export function setAutoSync(on: boolean): void {
  try {
    localStorage.setItem(AUTO_SYNC_KEY, on ? '1' : '0');
  } catch {
    // storage refused: it holds for this session only
  }
  set({ autoSync: on });
}

export function setTeamStatus(status: TeamStatus): void {
  set({ status, error: null });
  void refreshTeam();
}
