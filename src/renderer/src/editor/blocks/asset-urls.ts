/**
 * Workspace images for the page: fetched once through the API (`assets.get`, which checks
 * the bytes against their name) and shown from a blob: URL, the same way in the desktop
 * app and in browser mode. A missing image is remembered as missing, with the host's words.
 */
import { api } from '../../api';

export type AssetUrl = { ok: true; url: string } | { ok: false; missing: boolean; message: string };

const cache = new Map<string, Promise<AssetUrl>>();

export function assetUrl(asset: string): Promise<AssetUrl> {
  let found = cache.get(asset);
  if (!found) {
    found = api.assets
      .get({ asset })
      .then(({ data, type }): AssetUrl => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        return { ok: true, url: URL.createObjectURL(new Blob([bytes], { type })) };
      })
      .catch((error: unknown): AssetUrl => {
        // A later look (the file put back) tries again.
        cache.delete(asset);
        const code = (error as { code?: string }).code;
        return { ok: false, missing: code === 'not-found', message: error instanceof Error ? error.message : String(error) };
      });
    cache.set(asset, found);
  }
  return found;
}
