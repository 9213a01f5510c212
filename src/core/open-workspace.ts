/**
 * Opening a workspace as the shells do: a fresh folder is first seeded from the sample
 * workspace, then opened (lock, index, watcher).
 */
import { isFreshFolder, seedWorkspace } from './seed';
import { Workspace, type WorkspaceOptions } from './workspace';

export async function openOrCreateWorkspace(
  root: string,
  sampleDir: string | null,
  options: WorkspaceOptions = {},
): Promise<{ workspace: Workspace; seeded: boolean }> {
  let seeded = false;
  if (sampleDir && (await isFreshFolder(root))) {
    seeded = (await seedWorkspace(root, sampleDir)) > 0;
  }
  return { workspace: await Workspace.open(root, options), seeded };
}
