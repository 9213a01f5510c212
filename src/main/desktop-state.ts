/**
 * What the desktop app remembers between launches, in `<userData>/desktop-state.json`:
 * the recent workspaces, the ones open at the last quit (reopened at the next launch), and
 * each workspace's window (size, position, maximized). Written with the durable writer;
 * fields it does not know are kept; a file it cannot read is moved aside (never
 * overwritten) and the app starts from defaults, saying where the old file went.
 */
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { readUserFile } from '../core/storage/read-file';
import { writeFileDurably } from '../core/storage/write-durably';

export const RECENT_LIMIT = 10;

/** A workspace's window: its size and place (once it has closed once) and its layout. */
export interface WindowPlacement {
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  maximized?: boolean;
  /** The library shown or hidden. */
  sidebar?: 'open' | 'collapsed';
  /** Fields a later version adds. */
  [unknown: string]: unknown;
}

export interface RecentEntry {
  path: string;
  openedAt: string;
  [unknown: string]: unknown;
}

export interface DesktopState {
  version: 1;
  recent: RecentEntry[];
  /** Workspaces open when the app last quit, reopened at launch. */
  reopen: string[];
  /** Each workspace's window, by the workspace's absolute path. */
  windows: Record<string, WindowPlacement>;
  [unknown: string]: unknown;
}

export function emptyDesktopState(): DesktopState {
  return { version: 1, recent: [], reopen: [], windows: {} };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A placement as read, or null when it is not an object; fields that are wrong are dropped (a size must be two positive numbers). */
function placementOf(value: unknown): WindowPlacement | null {
  if (!isObject(value)) return null;
  const placement: WindowPlacement = { ...value };
  if (!isFiniteNumber(value.width) || !isFiniteNumber(value.height) || value.width <= 0 || value.height <= 0) {
    delete placement.width;
    delete placement.height;
  }
  if (!isFiniteNumber(value.x) || !isFiniteNumber(value.y) || placement.width === undefined) {
    delete placement.x;
    delete placement.y;
  }
  if (typeof value.maximized !== 'boolean') delete placement.maximized;
  if (value.sidebar !== 'open' && value.sidebar !== 'collapsed') delete placement.sidebar;
  return placement;
}

/**
 * The state a parsed file holds, or null when it is not this file at all. Entries that
 * are broken are dropped one by one; everything else, known or not, is kept.
 */
export function desktopStateFrom(raw: unknown): DesktopState | null {
  if (!isObject(raw) || raw.version !== 1) return null;
  const recent = Array.isArray(raw.recent)
    ? raw.recent.filter((entry): entry is RecentEntry => isObject(entry) && typeof entry.path === 'string' && path.isAbsolute(entry.path) && typeof entry.openedAt === 'string')
    : [];
  const reopen = Array.isArray(raw.reopen) ? raw.reopen.filter((entry): entry is string => typeof entry === 'string' && path.isAbsolute(entry)) : [];
  const windows: Record<string, WindowPlacement> = {};
  if (isObject(raw.windows)) {
    for (const [key, value] of Object.entries(raw.windows)) {
      const placement = placementOf(value);
      if (placement && path.isAbsolute(key)) windows[key] = placement;
    }
  }
  return { ...raw, version: 1, recent: recent.slice(0, RECENT_LIMIT), reopen, windows };
}

/** The state with `workspace` first in the recent list (once). */
export function withRecent(state: DesktopState, workspace: string, now: Date): DesktopState {
  const earlier = state.recent.find((entry) => entry.path === workspace);
  const entry: RecentEntry = { ...earlier, path: workspace, openedAt: now.toISOString() };
  return { ...state, recent: [entry, ...state.recent.filter((e) => e.path !== workspace)].slice(0, RECENT_LIMIT) };
}

/** The workspaces to open at launch: those open at the last quit, else the most recent one. */
export function workspacesToReopen(state: DesktopState): string[] {
  if (state.reopen.length) return [...new Set(state.reopen)];
  return state.recent.length ? [state.recent[0]!.path] : [];
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where a workspace's window opens: its remembered size and place when that place is still
 * on a screen (at least 100 × 50 pixels of its top visible), else its size alone (the
 * system centers it), else the default size.
 */
export function placeWindow(saved: WindowPlacement | undefined, workAreas: readonly Rectangle[], fallback: { width: number; height: number }): { width: number; height: number; x?: number; y?: number; maximized: boolean } {
  if (!saved || saved.width === undefined || saved.height === undefined) return { ...fallback, maximized: saved?.maximized === true };
  const largest = workAreas.reduce((max, area) => Math.max(max, area.width), 0) || saved.width;
  const tallest = workAreas.reduce((max, area) => Math.max(max, area.height), 0) || saved.height;
  const width = Math.min(Math.round(saved.width), largest);
  const height = Math.min(Math.round(saved.height), tallest);
  const maximized = saved.maximized === true;
  if (saved.x === undefined || saved.y === undefined) return { width, height, maximized };
  const x = Math.round(saved.x);
  const y = Math.round(saved.y);
  const visible = workAreas.some((area) => {
    const overlapX = Math.min(x + width, area.x + area.width) - Math.max(x, area.x);
    const topInside = y >= area.y && y < area.y + area.height - 50;
    return overlapX >= 100 && topInside;
  });
  return visible ? { width, height, x, y, maximized } : { width, height, maximized };
}

/** The state file, loaded once and saved in order (each save waits for the one before). */
export class DesktopStateFile {
  private saving: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private current: DesktopState,
    /** Where an unreadable earlier file was moved, with why; null when there was none. */
    readonly setAside: { file: string; reason: string } | null,
  ) {}

  static async load(file: string, now = new Date()): Promise<DesktopStateFile> {
    const read = await readUserFile(file, { root: path.dirname(file), maxBytes: 4 * 1024 * 1024 });
    if (!read.ok) {
      if (read.error.kind === 'missing') return new DesktopStateFile(file, emptyDesktopState(), null);
      // A read that may pass (permissions, a busy disk): keep the file, remember nothing this time.
      if (read.error.kind === 'unreadable') return new DesktopStateFile(file, emptyDesktopState(), { file, reason: read.error.reason });
      return new DesktopStateFile(file, emptyDesktopState(), await moveAside(file, read.error.reason, now));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(read.value.text);
    } catch (error) {
      return new DesktopStateFile(file, emptyDesktopState(), await moveAside(file, `it is not valid JSON (${(error as Error).message})`, now));
    }
    const state = desktopStateFrom(parsed);
    if (!state) return new DesktopStateFile(file, emptyDesktopState(), await moveAside(file, 'it is not a Copydesk desktop state file of version 1', now));
    return new DesktopStateFile(file, state, null);
  }

  get state(): DesktopState {
    return this.current;
  }

  /** Changes the state and writes it; resolves once this change is on disk. */
  update(change: (state: DesktopState) => DesktopState): Promise<void> {
    this.current = change(this.current);
    // An unreadable file that could not be moved aside is never written over.
    if (this.setAside?.file === this.file) return Promise.resolve();
    const text = `${JSON.stringify(this.current, null, 2)}\n`;
    // The user data folder may not exist yet on a first launch.
    const write = this.saving.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      return writeFileDurably(this.file, text);
    });
    this.saving = write.catch(() => undefined);
    return write.then(() => undefined);
  }

  /** Waits for every save asked for so far. */
  async flush(): Promise<void> {
    await this.saving;
  }
}

async function moveAside(file: string, reason: string, now: Date): Promise<{ file: string; reason: string } | null> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const aside = path.join(path.dirname(file), `${path.basename(file, '.json')}.damaged-${stamp}.json`);
  try {
    await rename(file, aside);
    return { file: aside, reason };
  } catch {
    // Cannot move it (a folder, no permission): it stays, and the app does not write over it.
    return { file, reason };
  }
}
