/**
 * What an export killed between its steps leaves in exports/, and the next open: the
 * half-built bundle and zip go, an older bundle that had stepped aside comes back, and a
 * live process's work in progress is left alone.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { Workspace } from '../../../src/core/workspace/workspace';
import { tempDir } from '../../helpers/temp';

/** A pid that was a process and is gone. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

it('puts back an older bundle left aside, removes half-built ones, keeps a live writer’s', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    const first = await Workspace.open(dir);
    await first.close();
    const exportsDir = path.join(dir, 'exports');
    const gone = await deadPid();
    const older = path.join(exportsDir, `.harbour.old-0123456789ab.${gone}`);
    await mkdir(older);
    await writeFile(path.join(older, 'manifest.json'), '{"format":"copydesk-bundle"}');
    await mkdir(path.join(exportsDir, `.harbour.tmp-0123456789ab.${gone}`));
    await writeFile(path.join(exportsDir, `.harbour.zip.tmp-0123456789ab.${gone}`), 'half a zip');
    // Another bundle whose new version was already in place: the older one is dropped.
    await mkdir(path.join(exportsDir, 'budget'));
    await writeFile(path.join(exportsDir, 'budget', 'manifest.json'), '{"new":true}');
    await mkdir(path.join(exportsDir, `.budget.old-aaaaaaaaaaaa.${gone}`));
    // The copydesk command exporting right now beside the app.
    const live = `.school.tmp-bbbbbbbbbbbb.${process.ppid}`;
    await mkdir(path.join(exportsDir, live));

    const ws = await Workspace.open(dir);
    await ws.close();
    expect((await readdir(exportsDir)).sort()).toEqual([live, 'budget', 'harbour'].sort());
    expect(await readFile(path.join(exportsDir, 'harbour', 'manifest.json'), 'utf8')).toContain('copydesk-bundle');
    expect(await readFile(path.join(exportsDir, 'budget', 'manifest.json'), 'utf8')).toBe('{"new":true}');
  } finally {
    await cleanup();
  }
});
