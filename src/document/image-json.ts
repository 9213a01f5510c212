/** The workspace images (assets/<sha256>.<ext>) a serialized body shows, without an editor: for export and its gate. */
import { isAssetName } from '../shared/assets';
import { IMAGE_TYPE } from './ImageNode';
import type { SerializedNodeLike } from './plain-text';

export interface ImageEntry {
  asset: string;
  caption: string;
}

/** Every image with an asset, in reading order, each asset once. */
export function imageAssetsIn(body: { root?: SerializedNodeLike } | null | undefined): ImageEntry[] {
  const found = new Map<string, ImageEntry>();
  const stack: SerializedNodeLike[] = body?.root ? [body.root] : [];
  while (stack.length) {
    const node = stack.pop()! as SerializedNodeLike & { asset?: unknown; caption?: unknown };
    if (node.type === IMAGE_TYPE && isAssetName(node.asset) && !found.has(node.asset)) {
      found.set(node.asset, { asset: node.asset, caption: typeof node.caption === 'string' ? node.caption : '' });
    }
    const children = Array.isArray(node.children) ? (node.children as SerializedNodeLike[]) : [];
    for (let i = children.length - 1; i >= 0; i--) if (typeof children[i] === 'object' && children[i] !== null) stack.push(children[i]!);
  }
  return [...found.values()];
}
