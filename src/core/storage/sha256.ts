/** sha-256 as lower-case hex, of text (as UTF-8) or bytes: snapshots, bundle files, review indexes. */
import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
