/**
 * Reads a bundle folder into memory under the same rules as a zip: names checked, links
 * and devices refused (opened without following links, so a link swapped in is refused
 * too), each file's size and the total capped before and while reading.
 */
import { constants } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { checkedEntryName, ReadBudget, refuse, type ReadLimits } from './bundle-entries';

async function readRegularFile(file: string, name: string, budget: ReadBudget): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw refuse(`${name} is a link, not a file.`);
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw refuse(`${name} is not a regular file.`);
    if (info.size > budget.allowance) throw refuse(`${name} is larger than the limits allow.`);
    const bytes = await handle.readFile();
    budget.take(name, bytes.length);
    return bytes;
  } finally {
    await handle.close();
  }
}

export async function readFolder(root: string, limits: ReadLimits): Promise<Map<string, Uint8Array>> {
  const info = await lstat(root);
  if (!info.isDirectory()) throw refuse(`${root} is not a folder.`);
  const budget = new ReadBudget(limits);
  const files = new Map<string, Uint8Array>();
  const pending: string[] = [''];
  while (pending.length) {
    const relative = pending.shift()!;
    const entries = await readdir(path.join(root, relative), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const name = checkedEntryName(relative ? `${relative}/${entry.name}` : entry.name);
      budget.enter(name);
      if (entry.isSymbolicLink()) throw refuse(`${name} is a link, not a file.`);
      if (entry.isDirectory()) pending.push(name);
      else if (entry.isFile()) files.set(name, await readRegularFile(path.join(root, ...name.split('/')), name, budget));
      else throw refuse(`${name} is not a regular file.`);
    }
  }
  return files;
}
