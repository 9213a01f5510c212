/**
 * Opening a workspace as the shells do: a fresh folder is first seeded from the sample
 * workspace, then opened (lock, index, watcher). A folder that holds other things and is
 * not a workspace is refused, so Copydesk never scatters its folders through, say, a home
 * directory.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import { isFreshFolder, seedWorkspace } from './seed';
import { Workspace, type WorkspaceOptions } from './workspace';

const WORKSPACE_MARKERS = ['.copydesk', 'articles'];

async function checkFolder(root: string): Promise<void> {
  const info = await stat(root).catch(() => null);
  if (!info) return;
  if (!info.isDirectory()) {
    throw new ApiError('invalid-request', `${root} is a file, not a folder. Choose a folder for the workspace.`);
  }
  const names = await readdir(root);
  if (names.length > 0 && !names.some((name) => WORKSPACE_MARKERS.includes(name))) {
    throw new ApiError(
      'invalid-request',
      `${root} already holds other files and is not a Copydesk workspace (it has no articles/ or .copydesk/ folder). Choose an empty or new folder, or an existing workspace.`,
    );
  }
}

export async function openOrCreateWorkspace(
  root: string,
  sampleDir: string | null,
  options: WorkspaceOptions = {},
): Promise<{ workspace: Workspace; seeded: boolean }> {
  const absolute = path.resolve(root);
  await checkFolder(absolute);
  let seeded = false;
  if (sampleDir && (await isFreshFolder(absolute))) {
    seeded = (await seedWorkspace(absolute, sampleDir)) > 0;
  }
  return { workspace: await Workspace.open(absolute, options), seeded };
}
