/**
 * The shared zip reader against archives built byte by byte here: a tiny valid one, cut-short
 * and damaged ones, a bomb whose headers lie about its size, links and devices, and names
 * that would escape a folder, which it must report as stored for its callers to refuse.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { listZip, openZip, readZipEntry, startsWithZipEntry, zipEntries, type ZipListing } from '../../../../../src/core/storage/zip/read-zip';
import { craftZip, type CraftedEntry } from '../../../../fixtures/export/craft-zip';

const END = 22;

function listed(bytes: Uint8Array, strict = true): ZipListing {
  const result = listZip(bytes, { strict });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Offset of the index-th central directory record of a zip with no comment. */
function directoryRecord(zip: Buffer, index: number): number {
  let at = zip.readUInt32LE(zip.length - END + 16);
  for (let n = 0; n < index; n++) at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  return at;
}

/** A zip of one entry whose data is `compressed` as given, marked deflated in both headers. */
function deflatedAsGiven(compressed: Uint8Array, declaredSize: number): Buffer {
  const zip = craftZip([{ name: 'bomb.txt', data: compressed, declaredSize, stored: true }]);
  zip.writeUInt16LE(8, 8);
  zip.writeUInt16LE(8, directoryRecord(zip, 0) + 10);
  return zip;
}

/** A raw deflate stream of `mebibytes` MiB of zeros, a few kilobytes long: the same flushed block again and again, then a final empty one. */
function zerosStream(mebibytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mebibytes }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

describe('listing and reading a zip', () => {
  const tiny: CraftedEntry[] = [
    { name: 'a.txt', data: 'hello', stored: true },
    { name: 'notes/b.txt', data: 'words '.repeat(200) },
    { name: 'notes/', data: '', stored: true, mode: 0o040755 },
  ];

  it('lists a tiny zip as its directory declares it, and reads each entry back', () => {
    const { archive, entries } = listed(craftZip(tiny));
    expect(archive).toMatchObject({ entryCount: 3, split: false, zip64: false });
    expect(entries.map((e) => [e.name, e.method, e.size, e.kind])).toEqual([
      ['a.txt', 0, 5, 'file'],
      ['notes/b.txt', 8, 1200, 'file'],
      ['notes/', 0, 0, 'directory'],
    ]);
    expect(entries[1]!.compressedSize).toBeLessThan(1200);
    expect(entries[0]).toMatchObject({ nameIsUtf8: true, encrypted: false, zip64: false, madeOnUnix: true, unixMode: 0o100644, externalAttributes: (0o100644 << 16) >>> 0 });
    const texts = entries.slice(0, 2).map((entry) => {
      const read = readZipEntry(archive, entry, { maxBytes: 10_000 });
      return read.ok ? new TextDecoder().decode(read.value) : read.error.message;
    });
    expect(texts).toEqual(['hello', 'words '.repeat(200)]);
  });

  it('tells an archive written from its first byte from an empty one, and finds the end record behind a comment', () => {
    const empty = Buffer.alloc(END);
    empty.writeUInt32LE(0x06054b50, 0);
    expect(startsWithZipEntry(craftZip(tiny))).toBe(true);
    expect(startsWithZipEntry(empty)).toBe(false);
    expect(listed(empty).entries).toEqual([]);
    const comment = Buffer.from('Made for the test; PK\u0001\u0002 is not a record.');
    const commented = craftZip(tiny);
    commented.writeUInt16LE(comment.length, commented.length - END + 20);
    expect(listed(Buffer.concat([commented, comment])).entries.map((e) => e.name)).toEqual(['a.txt', 'notes/b.txt', 'notes/']);
  });

  it('reports names as stored, escaping ones included, for its callers to refuse', () => {
    const names = ['../x', '/etc/passwd', 'a/../../x', './x', 'a//x', 'C:\\x', 'C:/x', '\\\\server\\share\\x', 'caf\u00e9.txt'];
    expect(listed(craftZip(names.map((name) => ({ name, data: 'pwned' })))).entries.map((e) => e.name)).toEqual(names);
  });

  it('flags a name that is not UTF-8, decoding it with replacement characters', () => {
    const zip = craftZip([{ name: 'n?.txt', data: 'x' }]);
    zip[directoryRecord(zip, 0) + 46 + 1] = 0xff;
    const [entry] = listed(zip).entries;
    expect(entry).toMatchObject({ name: 'n\ufffd.txt', nameIsUtf8: false });
  });

  it('spots links and devices by their Unix mode, and only where the maker was Unix', () => {
    const zip = craftZip([
      { name: 'link', data: '../../../etc/passwd', mode: 0o120777, stored: true },
      { name: 'tty', data: '', mode: 0o020666, stored: true },
      { name: 'fifo', data: '', mode: 0o010644, stored: true },
      { name: 'looks-like-a-folder/', data: '', mode: 0o120777, stored: true },
      { name: 'dos-link', data: 'x', mode: 0o120777, stored: true },
    ]);
    zip.writeUInt16LE(20, directoryRecord(zip, 4) + 4); // made by MS-DOS: the high bits are not a mode
    const { entries } = listed(zip);
    expect(entries.map((e) => [e.name, e.kind])).toEqual([
      ['link', 'symlink'],
      ['tty', 'special'],
      ['fifo', 'special'],
      ['looks-like-a-folder/', 'symlink'],
      ['dos-link', 'file'],
    ]);
    expect(entries[0]).toMatchObject({ madeOnUnix: true, unixMode: 0o120777 });
    expect(entries[4]).toMatchObject({ madeOnUnix: false, unixMode: 0o120777 });
  });
});

describe('truncated or damaged archives, refused with a reason', () => {
  const zip = () => craftZip([{ name: 'a.txt', data: 'alpha '.repeat(50) }, { name: 'b.txt', data: 'bravo', stored: true }]);
  const fault = (bytes: Uint8Array) => {
    const result = listZip(bytes);
    return result.ok ? 'listed' : result.error;
  };
  const readFault = (bytes: Buffer, index: number, verify?: boolean) => {
    const { archive, entries } = listed(bytes);
    const read = readZipEntry(archive, entries[index]!, { maxBytes: 1024 * 1024, ...(verify === undefined ? {} : { verify }) });
    return read.ok ? new TextDecoder().decode(read.value) : read.error;
  };

  it('bytes that are too short, cut short, or not a zip at all', () => {
    expect(fault(zip().subarray(0, 10))).toMatchObject({ kind: 'not-a-zip', message: 'the file is too short to be a zip.' });
    expect(fault(zip().subarray(0, Math.floor(zip().length * 0.6)))).toMatchObject({ kind: 'not-a-zip', message: expect.stringMatching(/no end record/) });
    expect(fault(new TextEncoder().encode('Dear editor, this is plain text, not an archive.'))).toMatchObject({ kind: 'not-a-zip' });
  });

  it('a directory that lies past the end record, or records that are not there', () => {
    expect(fault(zip().subarray(40))).toMatchObject({ kind: 'damaged', message: expect.stringMatching(/points past the end of the file/) });
    const badRecord = zip();
    badRecord.writeUInt32LE(0xdeadbeef, directoryRecord(badRecord, 1));
    expect(fault(badRecord)).toMatchObject({ kind: 'damaged', message: 'the zip directory is damaged.' });
    const overcounted = zip();
    overcounted.writeUInt16LE(3, overcounted.length - END + 8);
    overcounted.writeUInt16LE(3, overcounted.length - END + 10);
    expect(fault(overcounted)).toMatchObject({ kind: 'damaged', message: 'the zip directory is damaged.' });
    const overlongName = zip();
    overlongName.writeUInt16LE('b.txt'.length + 4, directoryRecord(overlongName, 1) + 28);
    expect(fault(overlongName)).toMatchObject({ kind: 'damaged', message: 'the zip directory is damaged.' });
  });

  it('an entry whose data is missing, runs past its place, will not inflate or does not match its checksum', () => {
    const lost = zip();
    lost.writeUInt32LE(3, directoryRecord(lost, 1) + 42);
    expect(readFault(lost, 1)).toMatchObject({ kind: 'damaged', entry: 'b.txt', message: expect.stringMatching(/points at no file data/) });
    const overlong = zip();
    // Still inside the file, but into the directory: entry data ends where the directory starts.
    overlong.writeUInt32LE(directoryRecord(overlong, 0) - (30 + 'a.txt'.length) + 1, directoryRecord(overlong, 0) + 20);
    expect(readFault(overlong, 0)).toMatchObject({ kind: 'damaged', message: expect.stringMatching(/runs past its data/) });
    const garbled = zip();
    garbled.fill(0xff, 30 + 'a.txt'.length, 30 + 'a.txt'.length + 4);
    expect(readFault(garbled, 0)).toMatchObject({ kind: 'damaged', message: expect.stringMatching(/cannot be inflated|does not match its size or checksum/) });
    const tampered = zip();
    tampered[tampered.indexOf('bravo')] = 0x42;
    expect(readFault(tampered, 1)).toMatchObject({ kind: 'damaged', message: 'the entry "b.txt" does not match its size or checksum (damaged).' });
    expect(readFault(tampered, 1, false)).toBe('Bravo');
    expect(readFault(zip(), 1)).toBe('bravo');
  });
});

describe('strict, or only as lenient as mammoth', () => {
  const zip = () => craftZip([{ name: 'a.txt', data: 'alpha', stored: true }, { name: 'b.txt', data: 'bravo', stored: true }]);
  const names = (result: ReturnType<typeof listZip>) => (result.ok ? result.value.entries.map((e) => e.name) : result.error.message);

  it('a directory size that overruns the end record', () => {
    const overrun = zip();
    overrun.writeUInt32LE(overrun.readUInt32LE(overrun.length - END + 12) + 7, overrun.length - END + 12);
    expect(names(listZip(overrun))).toMatch(/points past the end of the file/);
    expect(names(listZip(overrun, { strict: false }))).toEqual(['a.txt', 'b.txt']);
  });

  it('a record whose name runs into the end record', () => {
    const overlong = zip();
    overlong.writeUInt16LE('b.txt'.length + 4, directoryRecord(overlong, 1) + 28);
    expect(names(listZip(overlong))).toBe('the zip directory is damaged.');
    expect(names(listZip(overlong, { strict: false }))).toEqual(['a.txt', 'b.txtPK\u0005\u0006']);
  });

  it('entry data that runs into the directory, but not past the file', () => {
    const overlong = zip();
    overlong.writeUInt32LE(directoryRecord(overlong, 0) - (30 + 'a.txt'.length) + 4, directoryRecord(overlong, 0) + 20);
    const read = (strict: boolean) => {
      const { archive, entries } = listed(overlong, strict);
      const data = readZipEntry(archive, entries[0]!, { maxBytes: 1024, verify: false });
      return data.ok ? Buffer.from(data.value).toString('latin1') : data.error.message;
    };
    expect(read(true)).toMatch(/runs past its data/);
    const lenient = read(false);
    expect([lenient.startsWith('alpha'), lenient.endsWith('PK\u0001\u0002')]).toEqual([true, true]);
  });
});

describe('zip bombs', () => {
  it('a bomb that claims 1,000 bytes and inflates to 4 GiB is cut off at the cap while it inflates', () => {
    const bomb = deflatedAsGiven(zerosStream(4096), 1_000);
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    const { archive, entries } = listed(bomb);
    expect(entries[0]).toMatchObject({ size: 1_000, method: 8 });
    const peakKiB = process.resourceUsage().maxRSS;
    const read = readZipEntry(archive, entries[0]!, { maxBytes: 1024 * 1024 });
    expect(read).toEqual({ ok: false, error: { kind: 'too-large', entry: 'bomb.txt', message: 'the entry "bomb.txt" inflates past the limits (a zip bomb?).' } });
    // Inflating first and measuring after would have taken gigabytes on the way.
    expect(process.resourceUsage().maxRSS - peakKiB).toBeLessThan(256 * 1024);
  });

  it('trusts the cap, not the declared size, in both directions', () => {
    const { archive, entries } = listed(deflatedAsGiven(zerosStream(16), 1_000));
    const unverified = readZipEntry(archive, entries[0]!, { maxBytes: 32 * 1024 * 1024, verify: false });
    expect(unverified.ok && unverified.value.length).toBe(16 * 1024 * 1024);
    expect(readZipEntry(archive, entries[0]!, { maxBytes: 32 * 1024 * 1024 })).toMatchObject({ ok: false, error: { kind: 'damaged' } });
    expect(readZipEntry(archive, entries[0]!, { maxBytes: 1_000 })).toMatchObject({ ok: false, error: { kind: 'too-large' } });
    expect(readZipEntry(archive, entries[0]!, { maxBytes: 0 })).toMatchObject({ ok: false, error: { kind: 'too-large' } });
  });

  it('a stored entry larger than the cap', () => {
    const { archive, entries } = listed(craftZip([{ name: 'big.txt', data: Buffer.alloc(2_000, 0x61), declaredSize: 10, stored: true }]));
    expect(readZipEntry(archive, entries[0]!, { maxBytes: 1_999 })).toMatchObject({ ok: false, error: { kind: 'too-large', message: 'the entry "big.txt" is larger than the limits allow.' } });
    const read = readZipEntry(archive, entries[0]!, { maxBytes: 2_000, verify: false });
    expect(read.ok && crc32(read.value)).toBe(crc32(Buffer.alloc(2_000, 0x61)));
  });
});

describe('what is not read here, said so', () => {
  it('encrypted entries, other compression methods and zip64 sizes', () => {
    const zip = craftZip([{ name: 'secret.txt', data: 'x' }, { name: 'bzip2.txt', data: 'y' }, { name: 'huge.txt', data: 'z' }]);
    const flags = directoryRecord(zip, 0) + 8;
    zip.writeUInt16LE(zip.readUInt16LE(flags) | 1, flags);
    zip.writeUInt16LE(12, directoryRecord(zip, 1) + 10);
    zip.writeUInt32LE(0xffffffff, directoryRecord(zip, 2) + 24);
    const { archive, entries } = listed(zip);
    expect(entries.map((e) => [e.encrypted, e.method, e.zip64])).toEqual([
      [true, 8, false],
      [false, 12, false],
      [false, 8, true],
    ]);
    const faults = entries.map((entry) => {
      const read = readZipEntry(archive, entry, { maxBytes: 1024 });
      return read.ok ? 'read' : read.error.kind;
    });
    expect(faults).toEqual(['encrypted', 'unsupported-method', 'zip64']);
  });

  it('split archives and zip64 end records are opened but marked, before the directory is read', () => {
    const split = craftZip([{ name: 'a.txt', data: 'a' }]);
    split.writeUInt16LE(1, split.length - END + 4);
    expect(openZip(split)).toMatchObject({ ok: true, value: { split: true, zip64: false } });
    const zip64 = craftZip([{ name: 'a.txt', data: 'a' }]);
    zip64.writeUInt32LE(0xffffffff, zip64.length - END + 16);
    const opened = openZip(zip64);
    expect(opened).toMatchObject({ ok: true, value: { zip64: true } });
    expect(opened.ok && zipEntries(opened.value)).toMatchObject({ ok: false, error: { kind: 'damaged' } });
  });
});
