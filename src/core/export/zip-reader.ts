/**
 * Reads a bundle's zip into memory, trusting nothing it declares: every offset bounds-
 * checked, names checked before use, links and devices refused, encrypted or zip64
 * entries refused, each entry inflated with a cap on its output (the declared sizes of a
 * zip bomb are lies), then its size and CRC compared with the directory's.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { checkedEntryName, ReadBudget, refuse, type ReadLimits } from './bundle-entries';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const S_IFMT = 0o170000;
const ALLOWED_TYPES = new Set([0, 0o100000, 0o040000]);

function endOfDirectory(view: DataView): number {
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) return i;
  }
  throw refuse('the zip has no end record (it is truncated, or not a zip).');
}

function inflate(name: string, data: Uint8Array, method: number, allowance: number): Uint8Array {
  if (method === 0) {
    if (data.length > allowance) throw refuse(`the entry ${JSON.stringify(name)} is larger than the limits allow.`);
    return data;
  }
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, allowance) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw refuse(`the entry ${JSON.stringify(name)} inflates past the limits (a zip bomb?).`);
    }
    throw refuse(`the entry ${JSON.stringify(name)} cannot be inflated (${(error as Error).message}).`);
  }
}

/** The files of a zip, by path, in the order of its directory. Directories are left out. */
export function readZip(bytes: Uint8Array, limits: ReadLimits): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw refuse('the file is too short to be a zip.');
  const end = endOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryStart = view.getUint32(end + 16, true);
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0 || view.getUint16(end + 8, true) !== count) throw refuse('multi-part zips are not bundles.');
  if (count === 0xffff || directoryStart === 0xffffffff) throw refuse('zip64 archives are not bundles.');
  if (directoryStart + directorySize > end) throw refuse('the zip directory points past the end of the file (it is truncated or damaged).');
  if (count > limits.maxEntries) throw refuse(`it holds more than ${limits.maxEntries} files.`);
  const budget = new ReadBudget(limits);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files = new Map<string, Uint8Array>();
  let at = directoryStart;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER) throw refuse('the zip directory is damaged.');
    const madeBy = view.getUint16(at + 4, true) >> 8;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const mode = view.getUint32(at + 38, true) >>> 16;
    const localStart = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > end) throw refuse('the zip directory is damaged.');
    let rawName: string;
    try {
      rawName = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    } catch {
      throw refuse('an entry name is not UTF-8.');
    }
    at += 46 + nameLength + extraLength + commentLength;
    const name = checkedEntryName(rawName);
    budget.enter(name);
    if (madeBy === 3 && !ALLOWED_TYPES.has(mode & S_IFMT)) throw refuse(`the entry ${JSON.stringify(rawName)} is a link or a device, not a file.`);
    if (flags & 0x1) throw refuse(`the entry ${JSON.stringify(rawName)} is encrypted.`);
    if (method !== 0 && method !== 8) throw refuse(`the entry ${JSON.stringify(rawName)} uses compression method ${method}.`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localStart === 0xffffffff) throw refuse('zip64 archives are not bundles.');
    if (rawName.endsWith('/') || (mode & S_IFMT) === 0o040000) continue;
    if (localStart + 30 > directoryStart || view.getUint32(localStart, true) !== LOCAL_HEADER) throw refuse(`the entry ${JSON.stringify(rawName)} points at no file data (truncated or damaged).`);
    const dataStart = localStart + 30 + view.getUint16(localStart + 26, true) + view.getUint16(localStart + 28, true);
    if (dataStart + compressedSize > directoryStart) throw refuse(`the entry ${JSON.stringify(rawName)} runs past its data (truncated or damaged).`);
    const data = inflate(rawName, bytes.subarray(dataStart, dataStart + compressedSize), method, budget.allowance);
    budget.take(name, data.length);
    if (data.length !== size || crc32(data) !== crc) throw refuse(`the entry ${JSON.stringify(rawName)} does not match its size or checksum (damaged).`);
    files.set(name, data);
  }
  return files;
}
