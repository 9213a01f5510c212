/**
 * The folders of a workspace on disk, and creating them.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_FILE_PATTERN } from '../storage/write-durably';

export interface WorkspaceLayout {
  root: string;
  articles: string;
  sources: string;
  assets: string;
  exports: string;
  internal: string;
  index: string;
  lock: string;
  history: string;
  trash: string;
}

export function workspaceLayout(root: string): WorkspaceLayout {
  const absolute = path.resolve(root);
  const internal = path.join(absolute, '.copydesk');
  return {
    root: absolute,
    articles: path.join(absolute, 'articles'),
    sources: path.join(absolute, 'sources'),
    assets: path.join(absolute, 'assets'),
    exports: path.join(absolute, 'exports'),
    internal,
    index: path.join(internal, 'index.json'),
    lock: path.join(internal, 'lock'),
    history: path.join(internal, 'history'),
    trash: path.join(internal, 'trash'),
  };
}

export async function createLayout(layout: WorkspaceLayout): Promise<void> {
  for (const dir of [layout.articles, layout.sources, layout.assets, layout.exports, layout.history, layout.trash]) {
    await mkdir(dir, { recursive: true });
  }
}

/** Removes temp files a killed writer left behind; only called while holding the lock. */
export async function removeStaleTempFiles(layout: WorkspaceLayout): Promise<void> {
  for (const dir of [layout.articles, layout.sources, layout.internal, layout.trash]) {
    for (const name of await readdir(dir)) {
      const match = TEMP_FILE_PATTERN.exec(name);
      if (match && Number(match[1]) !== process.pid) await rm(path.join(dir, name), { force: true });
    }
  }
}
