/**
 * Earlier versions of an article, `.copydesk/history/<id>/<stamp>-<kind>.json`, kept before
 * anything could drop them: `on-disk` (as another program left it, byte for byte) or
 * `on-screen` (what the editor showed) before either side of a conflict is dropped;
 * `settled` when a session's edits settle (at most every few minutes); `before-status`
 * before a status change; `before-restore` before an earlier version is restored;
 * `sync-theirs` the other side's version when a team sync kept both. Settled versions thin
 * out as they age (version-thinning.ts); the others stay.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { containedPath } from '../storage/contained-path';
import { writeFileDurably } from '../storage/write-durably';
import { trashIdFor } from './trash';

export const HISTORY_KINDS = ['on-disk', 'on-screen', 'settled', 'before-status', 'before-restore', 'sync-theirs'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export async function keepInHistory(historyDir: string, id: string, slug: string, bytes: string | Uint8Array, kind: HistoryKind): Promise<string> {
  const folder = containedPath(historyDir, id);
  await mkdir(folder, { recursive: true });
  // Two versions kept in the same millisecond (a restore right after a status change) get
  // the next free one: a version is never written over.
  for (let step = 0; ; step++) {
    const name = `${trashIdFor(slug, new Date(Date.now() + step)).split('--')[0]}-${kind}.json`;
    try {
      await writeFileDurably(path.join(folder, name), bytes, { exclusive: true });
      return `.copydesk/history/${id}/${name}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || step >= 20) throw error;
    }
  }
}
