/**
 * The folders of a workspace on disk, and creating them.
 */
import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { ApiError } from '../../shared/errors';
import path from 'node:path';
import { isAlive } from '../storage/process-identity';
import { BUNDLE_LEFTOVER_PATTERN, TEMP_FILE_PATTERN } from '../storage/write-durably';

export interface WorkspaceLayout {
  root: string;
  articles: string;
  sources: string;
  assets: string;
  exports: string;
  internal: string;
  index: string;
  /** The search index, a cache rebuilt from the articles when missing. */
  searchIndex: string;
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
    searchIndex: path.join(internal, 'search-index.jsonl'),
    lock: path.join(internal, 'lock'),
    history: path.join(internal, 'history'),
    trash: path.join(internal, 'trash'),
  };
}

export async function createLayout(layout: WorkspaceLayout): Promise<void> {
  await checkFolders(layout);
  for (const dir of [layout.articles, layout.sources, layout.assets, layout.exports, layout.history, layout.trash]) {
    await mkdir(dir, { recursive: true });
  }
}

/**
 * The workspace's own folders must be folders, not links: a link would carry every read
 * and write of a store out of the workspace (the file-level checks look at the last
 * part of a path only). Refused with what to do, before anything is created.
 */
export async function checkFolders(layout: WorkspaceLayout): Promise<void> {
  for (const dir of [layout.internal, layout.articles, layout.sources, layout.assets, layout.exports, layout.history, layout.trash]) {
    const info = await lstat(dir).catch(() => null);
    if (!info) continue;
    const name = path.relative(layout.root, dir);
    if (info.isSymbolicLink()) {
      throw new ApiError('invalid-request', `${name}/ in ${layout.root} is a link to another place; Copydesk keeps a workspace's files inside it. Replace the link with a real folder.`);
    }
    if (!info.isDirectory()) {
      throw new ApiError('invalid-request', `${name} in ${layout.root} is a file where Copydesk expects a folder. Move it away, then open the workspace again.`);
    }
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
  await settleBundleLeftovers(layout.exports);
}

/**
 * What an export killed mid-way left in exports/: half-built bundles are removed, and an
 * older bundle that had stepped aside for a new one that never arrived is put back.
 * Leftovers of a live process (the copydesk command exporting beside the app) are left.
 */
async function settleBundleLeftovers(exportsDir: string): Promise<void> {
  for (const name of await readdir(exportsDir)) {
    const match = BUNDLE_LEFTOVER_PATTERN.exec(name);
    if (!match || Number(match[4]) === process.pid || isAlive(Number(match[4]))) continue;
    const leftover = path.join(exportsDir, name);
    const place = path.join(exportsDir, match[2] ? `${match[1]}.zip` : match[1]!);
    if (match[3] === 'old' && !(await lstat(place).catch(() => null))) await rename(leftover, place);
    else await rm(leftover, { recursive: true, force: true });
  }
}
