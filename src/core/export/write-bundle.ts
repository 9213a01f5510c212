/**
 * Puts a bundle on disk atomically: every file written and fsynced in a hidden temp folder
 * beside the target (`.<slug>.tmp-<random>.<pid>`), the zip beside it the same way, and only then
 * renamed into place. An older bundle of the same article is replaced at that last step
 * and kept intact if anything before it fails; a folder or file at the target that is not
 * a Copydesk bundle is never replaced.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import { containedPath } from '../storage/contained-path';
import { bundleLeftoverName, fsyncFolder, linkRefusedError } from '../storage/write-durably';
import { BUNDLE_FORMAT } from './build-bundle';
import { checkedEntryName } from './bundle-entries';
import type { Bundle } from './bundle-types';
import { zipBundle } from './zip-writer';

export interface WriteBundleOptions {
  zip: boolean;
  /** How one file is written and fsynced (tests put a failing writer here). */
  writeFile?: (file: string, bytes: Uint8Array) => Promise<void>;
}

export interface WrittenBundle {
  folder: string;
  zipFile?: string;
}

/** Writes a new file (never replacing one) and fsyncs it before closing. */
async function writeSynced(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, 'wx', 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The target may be replaced only if it is nothing yet, or a bundle Copydesk wrote. */
async function checkTargets(folder: string, zipFile: string): Promise<boolean> {
  const there = await lstat(folder).catch(() => null);
  if (there) {
    const manifest = there.isDirectory() ? await readFile(path.join(folder, 'manifest.json'), 'utf8').catch(() => '') : '';
    let format: unknown = null;
    try {
      format = (JSON.parse(manifest) as { format?: unknown }).format;
    } catch {
      format = null;
    }
    if (format !== BUNDLE_FORMAT) throw new ApiError('conflict', `${folder} exists and is not a Copydesk bundle; it was left as it is. Move it, or export elsewhere.`);
  }
  const zip = await lstat(zipFile).catch(() => null);
  if (zip?.isSymbolicLink()) throw linkRefusedError(zipFile);
  if (zip && !zip.isFile()) throw new ApiError('conflict', `${zipFile} exists and is not a file; it was left as it is.`);
  return there !== null;
}

export async function writeBundle(bundle: Bundle, outDir: string, options: WriteBundleOptions): Promise<WrittenBundle> {
  const root = path.resolve(outDir);
  await mkdir(root, { recursive: true });
  const folder = containedPath(root, bundle.slug);
  const zipFile = containedPath(root, `${bundle.slug}.zip`);
  for (const file of bundle.files) checkedEntryName(file.path);
  const replacing = await checkTargets(folder, zipFile);
  const tag = randomBytes(6).toString('hex');
  const temp = path.join(root, bundleLeftoverName(bundle.slug, 'tmp', tag));
  const tempZip = path.join(root, bundleLeftoverName(bundle.slug, 'zip.tmp', tag));
  const old = path.join(root, bundleLeftoverName(bundle.slug, 'old', tag));
  const write = options.writeFile ?? writeSynced;
  let placed = false;
  try {
    await mkdir(temp);
    const folders = new Set([temp]);
    for (const file of bundle.files) {
      const target = path.join(temp, ...file.path.split('/'));
      const dir = path.dirname(target);
      if (!folders.has(dir)) {
        await mkdir(dir, { recursive: true });
        folders.add(dir);
      }
      await write(target, file.bytes);
    }
    for (const dir of [...folders].reverse()) await fsyncFolder(dir);
    if (options.zip) await write(tempZip, zipBundle(bundle.files, new Date(bundle.at)));
    // The last step: the older bundle steps aside, the new one takes its place.
    if (replacing) await rename(folder, old);
    try {
      await rename(temp, folder);
      placed = true;
      if (options.zip) {
        if ((await lstat(zipFile).catch(() => null))?.isSymbolicLink()) throw linkRefusedError(zipFile);
        await rename(tempZip, zipFile);
      }
    } catch (error) {
      if (placed) await rename(folder, temp);
      placed = false;
      if (replacing) await rename(old, folder);
      throw error;
    }
    await fsyncFolder(root);
    if (replacing) await rm(old, { recursive: true, force: true });
    return { folder, ...(options.zip ? { zipFile } : {}) };
  } finally {
    if (!placed) await rm(temp, { recursive: true, force: true });
    await rm(tempZip, { force: true });
  }
}
