/** What the desktop app remembers between launches, in a real file in a temp folder. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DesktopStateFile, desktopStateFrom, emptyDesktopState, placeWindow, RECENT_LIMIT, withRecent, workspacesToReopen } from '../../../src/main/desktop-state';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
let file: string;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  file = path.join(dir, 'desktop-state.json');
});
afterEach(() => cleanup());

describe('the desktop state file', () => {
  it('starts empty, remembers recent workspaces and windows, and reads them back', async () => {
    const first = await DesktopStateFile.load(file);
    expect(first.state).toEqual(emptyDesktopState());
    expect(first.setAside).toBeNull();
    await first.update((state) => ({ ...withRecent(state, '/desk/a', new Date('2026-11-28T09:00:00Z')), reopen: ['/desk/a'] }));
    await first.update((state) => ({ ...state, windows: { '/desk/a': { width: 900, height: 700, x: 40, y: 30, maximized: false } } }));
    const again = await DesktopStateFile.load(file);
    expect(again.state.recent).toEqual([{ path: '/desk/a', openedAt: '2026-11-28T09:00:00.000Z' }]);
    expect(again.state.windows['/desk/a']).toEqual({ width: 900, height: 700, x: 40, y: 30, maximized: false });
    expect(workspacesToReopen(again.state)).toEqual(['/desk/a']);
  });

  it('creates its folder on a first launch', async () => {
    const nested = path.join(dir, 'not', 'yet', 'desktop-state.json');
    const loaded = await DesktopStateFile.load(nested);
    await loaded.update((state) => withRecent(state, '/desk/a', new Date()));
    expect(JSON.parse(await readFile(nested, 'utf8')).recent).toHaveLength(1);
  });

  it('keeps fields it does not know, at the top and inside entries, through a save', async () => {
    await writeFile(file, JSON.stringify({ version: 1, recent: [{ path: '/desk/a', openedAt: 'x', pinned: true }], reopen: [], windows: { '/desk/a': { width: 800, height: 600, zoom: 1.2 } }, theme: 'dark' }));
    const loaded = await DesktopStateFile.load(file);
    await loaded.update((state) => withRecent(state, '/desk/b', new Date('2026-11-28T10:00:00Z')));
    const written = JSON.parse(await readFile(file, 'utf8'));
    expect(written.theme).toBe('dark');
    expect(written.recent.map((e: { path: string }) => e.path)).toEqual(['/desk/b', '/desk/a']);
    expect(written.recent[1].pinned).toBe(true);
    expect(written.windows['/desk/a'].zoom).toBe(1.2);
  });

  for (const [what, bytes] of [
    ['is not JSON', '{"version": 1, "recent": ['],
    ['is another kind of file', '{"version": 7}'],
    ['is not text', Buffer.from([0xff, 0xfe, 0x00, 0x41])],
  ] as const) {
    it(`moves aside a file that ${what}, never writing over it, and starts afresh`, async () => {
      await writeFile(file, bytes);
      const loaded = await DesktopStateFile.load(file, new Date('2026-11-28T09:00:00Z'));
      expect(loaded.state).toEqual(emptyDesktopState());
      expect(loaded.setAside!.file).toBe(path.join(dir, 'desktop-state.damaged-2026-11-28T09-00-00-000Z.json'));
      expect(await readFile(loaded.setAside!.file)).toEqual(Buffer.from(bytes));
      await loaded.update((state) => withRecent(state, '/desk/a', new Date()));
      expect(JSON.parse(await readFile(file, 'utf8')).recent).toHaveLength(1);
    });
  }

  it('leaves alone what it cannot move aside (a folder in its place) and writes nothing there', async () => {
    await mkdir(file);
    await writeFile(path.join(file, 'keep.txt'), 'mine');
    const loaded = await DesktopStateFile.load(file);
    expect(loaded.setAside).not.toBeNull();
    await loaded.update((state) => withRecent(state, '/desk/a', new Date()));
    expect(await readdir(dir)).toContain('desktop-state.json');
    expect(await readFile(path.join(loaded.setAside!.file === file ? file : loaded.setAside!.file, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('drops broken entries one by one and keeps the rest', () => {
    const state = desktopStateFrom({
      version: 1,
      recent: [{ path: 'relative/path', openedAt: 'x' }, { path: '/desk/a', openedAt: 'x' }, 'junk'],
      reopen: ['/desk/a', 3, 'relative'],
      windows: { '/desk/a': { width: -1, height: 5 }, '/desk/b': { width: 800, height: 600, x: 'left' }, rel: { width: 1, height: 1 } },
    })!;
    expect(state.recent.map((e) => e.path)).toEqual(['/desk/a']);
    expect(state.reopen).toEqual(['/desk/a']);
    expect(state.windows).toEqual({ '/desk/a': {}, '/desk/b': { width: 800, height: 600 } });
  });

  it('keeps the recent list short, newest first, each workspace once', () => {
    let state = emptyDesktopState();
    for (let i = 0; i < RECENT_LIMIT + 3; i++) state = withRecent(state, `/desk/${i}`, new Date(2026, 10, 28, 9, i));
    state = withRecent(state, '/desk/5', new Date(2026, 10, 28, 10));
    expect(state.recent).toHaveLength(RECENT_LIMIT);
    expect(state.recent[0]!.path).toBe('/desk/5');
    expect(state.recent.filter((e) => e.path === '/desk/5')).toHaveLength(1);
    // Nothing open at the last quit: the most recent one.
    expect(workspacesToReopen({ ...state, reopen: [] })).toEqual(['/desk/5']);
  });
});

describe('where a window opens', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  it('where it was, while that is on a screen', () => {
    expect(placeWindow({ width: 1000, height: 700, x: 200, y: 100 }, screens, { width: 1280, height: 840 })).toEqual({ width: 1000, height: 700, x: 200, y: 100, maximized: false });
  });
  it('centered (no position) when its screen is gone, and never larger than the largest screen', () => {
    expect(placeWindow({ width: 1000, height: 700, x: 2500, y: 100 }, screens, { width: 1280, height: 840 })).toEqual({ width: 1000, height: 700, maximized: false });
    expect(placeWindow({ width: 4000, height: 3000, x: 0, y: 0, maximized: true }, screens, { width: 1280, height: 840 })).toEqual({ width: 1920, height: 1040, x: 0, y: 0, maximized: true });
  });
  it('at the default size the first time', () => {
    expect(placeWindow(undefined, screens, { width: 1280, height: 840 })).toEqual({ width: 1280, height: 840, maximized: false });
  });
});
