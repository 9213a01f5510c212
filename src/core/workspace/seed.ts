/**
 * First run: a new workspace starts as a copy of the sample workspace, so there is
 * something real to read, review and export.
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably } from '../storage/write-durably';

const SEEDED_FOLDERS = ['articles', 'sources', 'assets'];

/** True when `root` does not exist yet or is an empty folder. */
export async function isFreshFolder(root: string): Promise<boolean> {
  const info = await stat(root).catch(() => null);
  if (!info) return true;
  if (!info.isDirectory()) return false;
  return (await readdir(root)).length === 0;
}

/** Copies the sample workspace's files into `root` (only into a fresh folder). */
export async function seedWorkspace(root: string, sampleDir: string): Promise<number> {
  if (!(await isFreshFolder(root))) return 0;
  let copied = 0;
  for (const folder of SEEDED_FOLDERS) {
    const from = path.join(sampleDir, folder);
    const names = await readdir(from).catch(() => [] as string[]);
    await mkdir(path.join(root, folder), { recursive: true });
    for (const name of names) {
      if (name.startsWith('.')) continue;
      await writeFileDurably(path.join(root, folder, name), await readFile(path.join(from, name)));
      copied++;
    }
  }
  return copied;
}
