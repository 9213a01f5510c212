/** What a launch (or a second launch) asks the app to open, sorted against real files in a temp folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindOfPath, parseLaunchArgs, userArgs } from '../../../src/main/launch-args';
import { tempDir } from '../../helpers/temp';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  await mkdir(path.join(dir, 'desk', 'articles'), { recursive: true });
  for (const name of ['notes.md', 'copy.TXT', 'page.html', 'memo.docx', 'bundle.zip', 'photo.jpg']) await writeFile(path.join(dir, name), 'x');
});
afterAll(() => cleanup());

describe('launch arguments', () => {
  it('sorts folders into workspaces and documents and bundles into imports', () => {
    const request = parseLaunchArgs(['desk', 'notes.md', 'copy.TXT', path.join(dir, 'page.html'), 'memo.docx', 'bundle.zip'], dir, kindOfPath);
    expect(request.targets).toEqual([
      { kind: 'workspace', path: path.join(dir, 'desk') },
      { kind: 'import-article', path: path.join(dir, 'notes.md') },
      { kind: 'import-article', path: path.join(dir, 'copy.TXT') },
      { kind: 'import-article', path: path.join(dir, 'page.html') },
      { kind: 'import-article', path: path.join(dir, 'memo.docx') },
      { kind: 'import-bundle', path: path.join(dir, 'bundle.zip') },
    ]);
    expect(request.problems).toEqual([]);
  });

  it('says what it cannot open, and skips switches', () => {
    const request = parseLaunchArgs(['--enable-logging', '-psn_0_1234', 'photo.jpg', 'gone.md'], dir, kindOfPath);
    expect(request.targets).toEqual([]);
    expect(request.problems).toEqual([
      'photo.jpg is not a workspace folder, a document (.md, .txt, .html, .docx) or an exported bundle (.zip).',
      `${path.join(dir, 'gone.md')} does not exist.`,
    ]);
  });

  it('leaves out the executable, switches and, from a checkout, the app folder', () => {
    expect(userArgs(['/opt/Copydesk/copydesk', '--no-sandbox', '/home/desk/Elections'], true)).toEqual(['/home/desk/Elections']);
    // Playwright puts its switches before the app folder.
    expect(userArgs(['electron', '--inspect=0', '--remote-debugging-port=0', '/src/copydesk'], false)).toEqual([]);
    expect(userArgs(['electron', '/src/copydesk', 'notes.md'], false)).toEqual(['notes.md']);
  });
});
