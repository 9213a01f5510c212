/**
 * A later launch, as src/main/index.ts runs it with no workspace named: the workspace open
 * at the last quit opens again, where its window was, without a question. The `electron`
 * module is the recorder of tests/helpers (no Electron binary here); the files are real.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ElectronRecorder } from '../../helpers/electron-recorder';

const electron = vi.hoisted(() => ({ current: null as unknown as ElectronRecorder }));
vi.mock('electron', async () => {
  const { createElectronRecorder } = await import('../../helpers/electron-recorder');
  electron.current = createElectronRecorder();
  return electron.current.module;
});
await import('electron');
const { BrowserWindow, app, dialog } = electron.current.module;
const { recorded } = electron.current;

let parent: string;
let desk: string;
beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'copydesk-reopen-'));
  recorded.userData = path.join(parent, 'user-data');
  recorded.documents = path.join(parent, 'Documents');
  desk = path.join(parent, 'elections-desk');
  await mkdir(path.join(desk, 'articles'), { recursive: true });
  await mkdir(recorded.userData);
  await writeFile(
    path.join(recorded.userData, 'desktop-state.json'),
    JSON.stringify({
      version: 1,
      recent: [{ path: desk, openedAt: '2026-11-27T18:00:00.000Z' }],
      reopen: [desk, path.join(parent, 'moved-away')],
      windows: { [desk]: { width: 1000, height: 700, x: 120, y: 80, maximized: false, sidebar: 'collapsed' } },
      lastExport: 'kept',
    }),
  );
  vi.stubEnv('COPYDESK_WORKSPACE', undefined);
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  await import('../../../src/main/index');
  await vi.waitFor(() => expect(BrowserWindow.all).toHaveLength(1), { timeout: 20_000 });
});

afterAll(async () => {
  app.emit('before-quit', { preventDefault: () => undefined });
  app.emit('will-quit', { preventDefault: () => undefined });
  await vi.waitFor(() => expect(recorded.quit).toBeGreaterThan(0), { timeout: 20_000 });
  vi.unstubAllEnvs();
  await rm(parent, { recursive: true, force: true });
});

describe('a later launch', () => {
  it('reopens the workspace open at the last quit, at its size and place, without asking; one moved away is skipped', () => {
    expect(BrowserWindow.all[0]!.options).toMatchObject({ title: 'elections-desk — Copydesk', width: 1000, height: 700, x: 120, y: 80 });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('lists it under Open Recent', () => {
    const file = recorded.menu!.find((m) => m.label === '&File')!;
    const recent = (file.submenu as Array<{ id?: string; submenu?: Array<{ label?: string }> }>).find((item) => item.id === 'open-recent')!;
    expect(recent.submenu!.map((item) => item.label)).toEqual(['elections-desk', undefined, 'Clear Recent']);
  });
});
