/**
 * The names and declared sizes in a zip archive's central directory: enough to tell a
 * .docx from something else, and to refuse one that would expand past a sane size, before
 * mammoth loads it. Every offset is bounds-checked; nothing is inflated here.
 */

export interface ZipDirectoryEntry {
  name: string;
  /** Uncompressed size as the archive declares it. */
  size: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** Sizes of 0xffffffff mean "see the zip64 record": no .docx needs one. */
const ZIP64_MARK = 0xffffffff;

/** The archive's entries, or null when the bytes are not a zip archive (or are cut short). */
export function zipDirectory(bytes: Uint8Array): ZipDirectoryEntry[] | null {
  if (bytes.length < 22) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== LOCAL_HEADER) return null;
  // The end record sits in the last 22 bytes, after at most a 65,535-byte comment.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipDirectoryEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    const size = view.getUint32(at + 24, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      size: size === ZIP64_MARK ? Number.POSITIVE_INFINITY : size,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
