/**
 * A deterministic zip of a bundle: entries in the bundle's order, every timestamp the
 * export time, every file 0644, UTF-8 names, no extra fields, no comment, deflated with
 * node:zlib (stored when deflating does not help). The same files and time give the same
 * bytes. No zip64: a bundle never comes near 4 GB or 65,535 files.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import type { BundleFile } from './bundle-types';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const VERSION = 20;
/** Made by Unix (3), so the permissions in the external attributes are read. */
const MADE_BY = (3 << 8) | VERSION;
const UTF8_NAMES = 0x0800;
const REGULAR_FILE_0644 = (0o100644 << 16) >>> 0;

/** MS-DOS date and time of `at` in UTC (two-second resolution, 1980–2107). */
export function dosDateTime(at: Date): { date: number; time: number } {
  const year = Math.min(2107, Math.max(1980, at.getUTCFullYear()));
  const early = at.getUTCFullYear() < 1980;
  return {
    date: ((year - 1980) << 9) | ((early ? 1 : at.getUTCMonth() + 1) << 5) | (early ? 1 : at.getUTCDate()),
    time: early ? 0 : (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
  };
}

export function zipBundle(files: BundleFile[], at: Date): Uint8Array {
  if (files.length > 0xffff) throw new Error('A bundle zip holds at most 65,535 files.');
  const { date, time } = dosDateTime(at);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.path, 'utf8');
    const deflated = deflateRawSync(file.bytes);
    const stored = deflated.length >= file.bytes.length;
    const data = stored ? file.bytes : deflated;
    const crc = crc32(file.bytes);
    if (offset + 30 + name.length + data.length > 0xffffffff) throw new Error('A bundle zip must stay under 4 GB.');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(file.bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(MADE_BY, 4);
    local.copy(central, 6, 4, 28);
    central.writeUInt16LE(0, 30);
    central.writeUInt16LE(0, 32);
    central.writeUInt16LE(0, 34);
    central.writeUInt16LE(0, 36);
    central.writeUInt32LE(REGULAR_FILE_0644, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directorySize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
