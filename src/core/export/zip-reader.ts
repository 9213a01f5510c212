/**
 * Reads a bundle's zip into memory, trusting nothing it declares: the shared zip reader
 * bounds-checks every offset and inflates each entry under a cap (the declared sizes of a
 * zip bomb are lies), checking its size and CRC; here names are checked before use, links
 * and devices refused, and split, zip64 or encrypted archives turned away.
 */
import { entryReadFault, openZip, readZipEntry, walkZipDirectory } from '../storage/zip/read-zip';
import { checkedEntryName, ReadBudget, refuse, type ReadLimits } from './bundle-entries';

/** The files of a zip, by path, in the order of its directory. Directories are left out. */
export function readZip(bytes: Uint8Array, limits: ReadLimits): Map<string, Uint8Array> {
  const opened = openZip(bytes);
  if (!opened.ok) throw refuse(opened.error.message);
  const archive = opened.value;
  if (archive.split) throw refuse('multi-part zips are not bundles.');
  if (archive.zip64) throw refuse('zip64 archives are not bundles.');
  if (archive.entryCount > limits.maxEntries) throw refuse(`it holds more than ${limits.maxEntries} files.`);
  const budget = new ReadBudget(limits);
  const files = new Map<string, Uint8Array>();
  for (const record of walkZipDirectory(archive)) {
    if (!record.ok) throw refuse(record.error.message);
    const entry = record.value;
    if (!entry.nameIsUtf8) throw refuse('an entry name is not UTF-8.');
    const name = checkedEntryName(entry.name);
    budget.enter(name);
    if (entry.kind === 'symlink' || entry.kind === 'special') throw refuse(`the entry ${JSON.stringify(entry.name)} is a link or a device, not a file.`);
    const unreadable = entryReadFault(entry);
    if (unreadable) throw refuse(unreadable.kind === 'zip64' ? 'zip64 archives are not bundles.' : unreadable.message);
    if (entry.kind === 'directory') continue;
    const data = readZipEntry(archive, entry, { maxBytes: budget.allowance });
    if (!data.ok) throw refuse(data.error.message);
    budget.take(name, data.value.length);
    files.set(name, data.value);
  }
  return files;
}
