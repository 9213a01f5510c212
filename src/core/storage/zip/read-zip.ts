/**
 * Reading a zip archive held in memory, trusting nothing it declares. The end record and
 * the central directory give the entries as stored (names unchecked, so callers can refuse
 * `../x` or `/x` themselves; sizes as claimed; the Unix mode, so links can be told apart);
 * one entry's data is then inflated with a cap on its output, which holds whatever size the
 * headers claim. Every offset is bounds-checked, and a truncated or damaged archive is a
 * `ZipFault`, never an exception. Zip64 and encryption are not read; a split archive is
 * only reported as one.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { fail, ok, type Result } from '../../../shared/result';

/** Why an archive, or one entry of it, cannot be read. */
export interface ZipFault {
  kind: 'not-a-zip' | 'damaged' | 'encrypted' | 'unsupported-method' | 'zip64' | 'too-large';
  /** One sentence, lower case first, ending in a full stop: a caller puts its own words before it. */
  message: string;
  /** The entry's name, when the fault is one entry's. */
  entry?: string;
}

/** An archive whose end record was found; its directory is not read yet. */
export interface ZipArchive {
  bytes: Uint8Array;
  /** Entries the end record declares (0xffff when the count is in a zip64 record instead). */
  entryCount: number;
  directoryStart: number;
  directorySize: number;
  /** Where the end record starts. */
  endOffset: number;
  /** Directory records must end by here: the end record when strict, else the file's end. */
  recordsEnd: number;
  /** Entry data must end by here: the directory's start when strict, else the file's end. */
  dataEnd: number;
  /** The end record names another disk: this is one part of a split archive. */
  split: boolean;
  /** The end record defers to a zip64 record, which is not read here. */
  zip64: boolean;
}

/** One entry of the central directory, as the archive declares it. */
export interface ZipEntry {
  /** The stored name decoded as UTF-8 (U+FFFD where it is not), neither checked nor normalised. */
  name: string;
  nameIsUtf8: boolean;
  /** 0 is stored, 8 deflated: the only two methods read here. */
  method: number;
  encrypted: boolean;
  crc32: number;
  compressedSize: number;
  /** The uncompressed size the directory claims: a zip bomb's is a lie. */
  size: number;
  /** A size or the offset is `ZIP64_MARK`: the real value is in a zip64 field, not read here. */
  zip64: boolean;
  /** Made by Unix: the high 16 bits of the external attributes are then a file mode. */
  madeOnUnix: boolean;
  externalAttributes: number;
  unixMode: number;
  /** A link or a special file (device, fifo, socket) only where the maker was Unix. */
  kind: 'file' | 'directory' | 'symlink' | 'special';
  localHeaderOffset: number;
}

/** The entries of an archive, with the archive to read their data from. */
export interface ZipListing {
  archive: ZipArchive;
  entries: ZipEntry[];
}

/** A size or offset of this value means "see the zip64 extra field". */
export const ZIP64_MARK = 0xffffffff;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const MADE_BY_UNIX = 3;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

const damaged = (message: string, entry?: string): ZipFault => ({ kind: 'damaged', message, ...(entry === undefined ? {} : { entry }) });
const quoted = (name: string): string => JSON.stringify(name);
const viewOf = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Whether the bytes open with an entry's local header, as an archive written from its first byte does (an empty or self-extracting one does not). */
export function startsWithZipEntry(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && viewOf(bytes).getUint32(0, true) === LOCAL_HEADER;
}

export interface OpenZipOptions {
  /**
   * Hold the archive to its own layout (the default): the directory ends by the end record,
   * its records before it, entry data before the directory. Off, only the file's end bounds
   * a read, as in JSZip (mammoth's reader), so a look inside a .docx refuses nothing mammoth opens.
   */
  strict?: boolean;
}

/**
 * Finds the end record: where the directory is, how many entries it declares, whether it is
 * split or zip64. When strict, the directory must end by the end record, unless the archive
 * is split or zip64, whose end record does not give this part's layout.
 */
export function openZip(bytes: Uint8Array, options: OpenZipOptions = {}): Result<ZipArchive, ZipFault> {
  if (bytes.length < END_RECORD_BYTES) return fail({ kind: 'not-a-zip', message: 'the file is too short to be a zip.' });
  const view = viewOf(bytes);
  // The end record is the last 22 bytes, before a comment of at most 65,535 bytes.
  let end = -1;
  for (let i = bytes.length - END_RECORD_BYTES; i >= Math.max(0, bytes.length - END_RECORD_BYTES - MAX_COMMENT_BYTES); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return fail({ kind: 'not-a-zip', message: 'the zip has no end record (it is truncated, or not a zip).' });
  const entryCount = view.getUint16(end + 10, true);
  const directoryStart = view.getUint32(end + 16, true);
  const directorySize = view.getUint32(end + 12, true);
  const split = view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0 || view.getUint16(end + 8, true) !== entryCount;
  const zip64 = entryCount === 0xffff || directoryStart === ZIP64_MARK;
  const strict = options.strict !== false;
  if (strict && !split && !zip64 && directoryStart + directorySize > end) return fail(damaged('the zip directory points past the end of the file (it is truncated or damaged).'));
  return ok({
    bytes,
    entryCount,
    directoryStart,
    directorySize,
    endOffset: end,
    recordsEnd: strict ? end : bytes.length,
    dataEnd: strict ? directoryStart : bytes.length,
    split,
    zip64,
  });
}

/**
 * The central directory's entries in its order, each as it is reached, so a caller can refuse
 * an entry before a damaged record further on is found; that record ends the walk with its
 * fault. Every record must end by the archive's `recordsEnd`.
 */
export function* walkZipDirectory(archive: ZipArchive): Generator<Result<ZipEntry, ZipFault>, void> {
  const { bytes, recordsEnd: end } = archive;
  const view = viewOf(bytes);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const replacing = new TextDecoder();
  let at = archive.directoryStart;
  for (let n = 0; n < archive.entryCount; n++) {
    const nameLength = at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER ? -1 : view.getUint16(at + 28, true);
    if (nameLength < 0 || at + 46 + nameLength > end) {
      yield fail(damaged('the zip directory is damaged.'));
      return;
    }
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    let name: string;
    let nameIsUtf8 = true;
    try {
      name = utf8.decode(nameBytes);
    } catch {
      name = replacing.decode(nameBytes);
      nameIsUtf8 = false;
    }
    const madeOnUnix = view.getUint16(at + 4, true) >> 8 === MADE_BY_UNIX;
    const externalAttributes = view.getUint32(at + 38, true);
    const unixMode = externalAttributes >>> 16;
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    yield ok({
      name,
      nameIsUtf8,
      method: view.getUint16(at + 10, true),
      encrypted: (view.getUint16(at + 8, true) & 0x1) !== 0,
      crc32: view.getUint32(at + 16, true),
      compressedSize,
      size,
      zip64: compressedSize === ZIP64_MARK || size === ZIP64_MARK || localHeaderOffset === ZIP64_MARK,
      madeOnUnix,
      externalAttributes,
      unixMode,
      kind: kindOf(name, madeOnUnix, unixMode),
      localHeaderOffset,
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}

/** All the directory's entries, or the first fault found in it. */
export function zipEntries(archive: ZipArchive): Result<ZipEntry[], ZipFault> {
  const entries: ZipEntry[] = [];
  for (const entry of walkZipDirectory(archive)) {
    if (!entry.ok) return entry;
    entries.push(entry.value);
  }
  return ok(entries);
}

/** The end record and the directory in one step. */
export function listZip(bytes: Uint8Array, options: OpenZipOptions = {}): Result<ZipListing, ZipFault> {
  const opened = openZip(bytes, options);
  if (!opened.ok) return opened;
  const entries = zipEntries(opened.value);
  return entries.ok ? ok({ archive: opened.value, entries: entries.value }) : entries;
}

function kindOf(name: string, madeOnUnix: boolean, mode: number): ZipEntry['kind'] {
  const type = mode & S_IFMT;
  // Other makers leave these bits to chance, so only a Unix maker's link or device counts.
  if (madeOnUnix && type !== 0 && type !== S_IFREG && type !== S_IFDIR) return type === S_IFLNK ? 'symlink' : 'special';
  return name.endsWith('/') || type === S_IFDIR ? 'directory' : 'file';
}

/** Why the entry's data cannot be read here (encrypted, compressed another way, zip64), if it cannot. */
export function entryReadFault(entry: ZipEntry): ZipFault | undefined {
  const name = quoted(entry.name);
  if (entry.encrypted) return { kind: 'encrypted', message: `the entry ${name} is encrypted.`, entry: entry.name };
  if (entry.method !== 0 && entry.method !== 8) return { kind: 'unsupported-method', message: `the entry ${name} uses compression method ${entry.method}.`, entry: entry.name };
  if (entry.zip64) return { kind: 'zip64', message: `the entry ${name} keeps its sizes in a zip64 field, which is not read here.`, entry: entry.name };
  return undefined;
}

export interface ReadEntryOptions {
  /** The most bytes the entry may come to: inflating stops there, whatever the headers claim. */
  maxBytes: number;
  /** Compare the bytes with the directory's size and CRC-32 (on unless false). */
  verify?: boolean;
}

/** One entry's bytes, inflated under the cap and (unless told otherwise) checked against the directory. */
export function readZipEntry(archive: ZipArchive, entry: ZipEntry, options: ReadEntryOptions): Result<Uint8Array, ZipFault> {
  const unreadable = entryReadFault(entry);
  if (unreadable) return fail(unreadable);
  const { bytes, dataEnd } = archive;
  const view = viewOf(bytes);
  const name = quoted(entry.name);
  const at = entry.localHeaderOffset;
  if (at + 30 > dataEnd || view.getUint32(at, true) !== LOCAL_HEADER) return fail(damaged(`the entry ${name} points at no file data (truncated or damaged).`, entry.name));
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > dataEnd) return fail(damaged(`the entry ${name} runs past its data (truncated or damaged).`, entry.name));
  const stored = bytes.subarray(start, start + entry.compressedSize);
  const tooLarge = (message: string): Result<Uint8Array, ZipFault> => fail({ kind: 'too-large', message, entry: entry.name });
  let data: Uint8Array;
  if (entry.method === 0) {
    if (stored.length > options.maxBytes) return tooLarge(`the entry ${name} is larger than the limits allow.`);
    data = stored;
  } else {
    try {
      // zlib stops at maxOutputLength (at least 1), so a bomb is cut off while it inflates.
      data = inflateRawSync(stored, { maxOutputLength: Math.max(1, options.maxBytes) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return tooLarge(`the entry ${name} inflates past the limits (a zip bomb?).`);
      return fail(damaged(`the entry ${name} cannot be inflated (${(error as Error).message}).`, entry.name));
    }
    if (data.length > options.maxBytes) return tooLarge(`the entry ${name} inflates past the limits (a zip bomb?).`);
  }
  if (options.verify !== false && (data.length !== entry.size || crc32(data) !== entry.crc32)) {
    return fail(damaged(`the entry ${name} does not match its size or checksum (damaged).`, entry.name));
  }
  return ok(data);
}
