/**
 * The workspace's images: `assets/<sha256>.<ext>`, named by their bytes, so the same
 * picture is stored once and a name always means the same bytes. An image is taken only
 * when its first bytes say it is a PNG, JPEG, GIF, WebP or AVIF (never by its file name;
 * SVG is refused: it can carry scripts), and only up to MAX_ASSET_BYTES. Written with the
 * durable writer, read without following links.
 */
import { lstat, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ASSET_KINDS, imageRefusal, isAssetName, MAX_ASSET_BYTES, sniffImage, type AssetExtension } from '../../shared/assets';
import { ApiError } from '../../shared/errors';
import { readUserFile } from '../storage/read-file';
import type { SerialQueue } from '../storage/serial-queue';
import { sha256Hex } from '../storage/sha256';
import { writeFileDurably } from '../storage/write-durably';
import type { WorkspaceLayout } from '../workspace/workspace-layout';

/** An image stored in the workspace. */
export interface StoredAsset {
  /** `assets/<sha256>.<ext>`: what an image node holds. */
  asset: string;
  type: (typeof ASSET_KINDS)[AssetExtension];
  size: number;
  /** True when the same bytes were already there (nothing was written). */
  existed: boolean;
}

export class AssetStore {
  constructor(
    private readonly layout: WorkspaceLayout,
    private readonly queue: SerialQueue,
  ) {}

  /** Stores an image; bad bytes are refused with what is wrong and what to do, and nothing is written. */
  put(bytes: Uint8Array, fileName = 'The file'): Promise<StoredAsset> {
    const refusal = imageRefusal(bytes, fileName);
    if (refusal) return Promise.reject(new ApiError('invalid-request', refusal, [{ path: 'data', message: refusal }]));
    const extension = sniffImage(bytes)!;
    const name = `${sha256Hex(bytes)}.${extension}`;
    const file = path.join(this.layout.assets, name);
    const stored = (existed: boolean): StoredAsset => ({ asset: `assets/${name}`, type: ASSET_KINDS[extension], size: bytes.length, existed });
    return this.queue.change(async () => {
      await mkdir(this.layout.assets, { recursive: true });
      const there = await lstat(file).catch(() => null);
      if (there?.isFile() && there.size === bytes.length) return stored(true);
      if (there) throw new ApiError('conflict', `assets/${name} is already in the workspace but is not that image (a link, a folder or other bytes). Move it away, then insert the image again.`);
      await writeFileDurably(file, bytes, { exclusive: true });
      return stored(false);
    });
  }

  /** An image's bytes by its name (`assets/<sha256>.<ext>`), checked against that name. */
  async get(asset: string): Promise<{ asset: string; type: string; bytes: Buffer }> {
    if (!isAssetName(asset)) throw new ApiError('invalid-request', `“${asset}” is not the name of a workspace image (assets/<sha256>.<ext>).`, [{ path: 'asset', message: 'not an asset name' }]);
    const file = path.join(this.layout.assets, asset.slice('assets/'.length));
    const read = await readUserFile(file, { root: this.layout.root, maxBytes: MAX_ASSET_BYTES });
    const bytes = read.ok ? read.value.bytes : read.error.kind === 'not-text' ? read.error.bytes : null;
    if (!bytes) {
      if (!read.ok && read.error.kind === 'missing') throw new ApiError('not-found', `The image ${asset} is not in this workspace’s assets folder (moved or deleted). Insert it again.`);
      throw new ApiError('damaged', `The image ${asset} cannot be read: ${!read.ok && 'reason' in read.error ? read.error.reason : 'unknown reason'}.`);
    }
    const extension = asset.slice(asset.lastIndexOf('.') + 1) as AssetExtension;
    if (sha256Hex(bytes) !== asset.slice('assets/'.length, asset.lastIndexOf('.')) || sniffImage(bytes) !== extension) {
      throw new ApiError('damaged', `The file ${asset} has changed since it was stored (its bytes no longer match its name). Insert the image again.`);
    }
    return { asset, type: ASSET_KINDS[extension], bytes };
  }

  /** Which of the names are missing from the workspace. */
  async missing(assets: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const asset of new Set(assets)) {
      if (!isAssetName(asset)) continue;
      const there = await lstat(path.join(this.layout.assets, asset.slice('assets/'.length))).catch(() => null);
      if (!there?.isFile()) out.push(asset);
    }
    return out;
  }
}
