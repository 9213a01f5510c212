/**
 * The first launch, as src/main/index.ts runs it with no workspace named and nothing to
 * reopen: Copydesk asks where to keep the articles and offers the sample newsroom, which
 * the person may decline. The `electron` module is the recorder of tests/helpers (no
 * Electron binary here); the folders are real.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
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
beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'copydesk-first-run-'));
  recorded.userData = path.join(parent, 'user-data');
  recorded.documents = path.join(parent, 'Documents');
  await mkdir(recorded.documents);
  vi.stubEnv('COPYDESK_WORKSPACE', undefined);
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  // The person picks Documents/Copydesk and unticks the sample.
  dialog.showMessageBox.mockImplementation(() => Promise.resolve({ response: 0, checkboxChecked: false }));
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

describe('the first launch', () => {
  it('asks where to keep the articles, suggesting Documents/Copydesk, with the sample offered (ticked, not forced)', () => {
    const [options] = dialog.showMessageBox.mock.calls[0]! as [{ buttons: string[]; checkboxLabel: string; checkboxChecked: boolean; defaultId: number; cancelId: number }];
    const suggested = path.join(parent, 'Documents', 'Copydesk');
    expect(options.buttons).toEqual([`Use ${suggested}`, 'Choose Another Folder…', 'Quit']);
    expect(options.checkboxLabel).toMatch(/sample newsroom/);
    expect(options.checkboxChecked).toBe(true);
    expect(options.buttons[options.cancelId]).toBe('Quit');
  });

  it('opens the chosen folder as a new workspace, without the sample when it was declined', async () => {
    const root = path.join(parent, 'Documents', 'Copydesk');
    expect(BrowserWindow.all[0]!.options.title).toBe('Copydesk — Copydesk');
    expect(await readdir(path.join(root, 'articles'))).toEqual([]);
  });
});
