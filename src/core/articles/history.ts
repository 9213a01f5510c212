/**
 * Earlier versions of an article, `.copydesk/history/<id>/<stamp>-on-disk.json` (as another
 * program left it, byte for byte) or `-on-screen.json` (what the editor showed): kept before
 * either side of a conflict is dropped.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { containedPath } from '../storage/contained-path';
import { writeFileDurably } from '../storage/write-durably';
import { trashIdFor } from './trash';

export async function keepInHistory(historyDir: string, id: string, slug: string, bytes: string | Uint8Array, kind: 'on-disk' | 'on-screen'): Promise<string> {
  const folder = containedPath(historyDir, id);
  await mkdir(folder, { recursive: true });
  const name = `${trashIdFor(slug).split('--')[0]}-${kind}.json`;
  await writeFileDurably(path.join(folder, name), bytes, { exclusive: true });
  return `.copydesk/history/${id}/${name}`;
}
