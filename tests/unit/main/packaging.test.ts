/**
 * Packaging, read from the files `npm run dist` uses: electron-builder.yml (validated by
 * electron-builder's own schema check), the afterPack hook that sets the fuses (run with
 * the real @electron/fuses on a stand-in binary carrying a fuse wire, since there is no
 * Electron binary here), the icons, and the copydesk command as the app ships it (built,
 * laid out as in the app's resources folder, and run by Node with nothing else around it).
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildPdf } from '../core/sources/extract/fixture-builders';
import { tempDir } from '../../helpers/temp';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const run = promisify(execFile);
const require = createRequire(import.meta.url);

interface FileAssociation {
  ext: string;
  role?: string;
  rank?: string;
  mimeType?: string;
}
interface ExtraResource {
  from: string;
  to: string;
  filter?: string[];
}
type BuilderConfig = Record<string, unknown> & {
  appId: string;
  asar: boolean;
  files: string[];
  afterPack: string;
  extraResources: ExtraResource[];
  linux: { target: string[]; icon: string; fileAssociations: FileAssociation[]; executableName: string };
  mac: { target: string[]; icon: string; fileAssociations: FileAssociation[] };
  win: { target: string[]; icon: string; fileAssociations?: unknown };
  nsis: { include: string };
};

let config: BuilderConfig;
beforeAll(async () => {
  config = parse(await readFile(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
});

describe('the electron-builder configuration', () => {
  it('passes electron-builder’s own validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration: (config: unknown, logger: unknown) => Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    // And it does reject a broken one, so the check above means something.
    await expect(validateConfiguration({ ...structuredClone(config), fuses: { runAsNode: false } }, new DebugLogger(false))).rejects.toThrow(/fuses/);
  });

  it('builds Copydesk as an asar of the built app for Linux (AppImage, deb), macOS (dmg) and Windows (nsis)', () => {
    expect(config.appId).toBe('org.copydesk.desktop');
    expect(config.productName).toBe('Copydesk');
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**', '!**/*.map']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.npmRebuild).toBe(false);
    expect(config.publish).toBeNull();
  });

  it('ships the sample workspace, the dictionaries folder and the copydesk command beside the app', () => {
    expect(config.extraResources.map(({ from, to }) => [from, to])).toEqual([
      ['resources/sample-workspace', 'sample-workspace'],
      ['resources/dictionaries', 'dictionaries'],
      ['out/cli-app', 'cli'],
      ['node_modules/pdfjs-dist', 'cli/node_modules/pdfjs-dist'],
      ['node_modules/@napi-rs', 'cli/node_modules/@napi-rs'],
    ]);
  });

  it('has icons for each platform, in each platform’s format', async () => {
    const png = await readFile(path.join(ROOT, config.linux.icon));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    const icns = await readFile(path.join(ROOT, config.mac.icon));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.includes(Buffer.from('ic10'))).toBe(true);
    const ico = await readFile(path.join(ROOT, config.win.icon));
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5);
  });

  it('offers Copydesk for bundles and documents without taking them over', async () => {
    for (const platform of [config.mac, config.linux]) {
      const bundle = platform.fileAssociations.find((a) => a.ext === 'zip')!;
      expect(bundle).toMatchObject({ role: 'Viewer', rank: 'Alternate', mimeType: 'application/zip' });
      expect(platform.fileAssociations.map((a) => a.ext)).toEqual(['zip', 'md', 'txt', 'html', 'docx']);
      expect(platform.fileAssociations.every((a) => a.rank === 'Alternate' && a.mimeType)).toBe(true);
    }
    // On Windows, electron-builder's associations would make Copydesk the default app for .zip.
    expect(config.win.fileAssociations).toBeUndefined();
    expect(config).not.toHaveProperty('fileAssociations');
    const nsh = await readFile(path.join(ROOT, config.nsis.include), 'utf8');
    expect(nsh).toMatch(/OpenWithProgids/);
    expect(nsh).not.toMatch(/Software\\Classes\\\.(zip|md|txt|html|docx)" ""/);
  });
});

describe('the fuses', () => {
  it('are each set as the issue asks, by the afterPack hook the configuration names', async () => {
    expect(config.afterPack).toBe('./scripts/after-pack.mjs');
    const { FUSES, fuseConfig } = await import('../../../scripts/after-pack.mjs');
    expect(FUSES.RunAsNode).toBe(false);
    expect(FUSES.EnableNodeOptionsEnvironmentVariable).toBe(false);
    expect(FUSES.EnableNodeCliInspectArguments).toBe(false);
    expect(FUSES.EnableCookieEncryption).toBe(true);
    expect(FUSES.EnableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(FUSES.OnlyLoadAppFromAsar).toBe(true);
    expect(FUSES.GrantFileProtocolExtraPrivileges).toBe(false);
    // Every fuse the library knows is set on purpose, none left to Electron's default.
    const known = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
    expect(Object.keys(FUSES).sort()).toEqual(known.sort());
    const linux = fuseConfig('linux');
    expect(linux[FuseV1Options.RunAsNode]).toBe(false);
    expect(linux[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(linux.resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true);
  });

  it('are flipped in the app binary of each platform', async () => {
    const { afterPack } = await import('../../../scripts/after-pack.mjs');
    const flipped: string[] = [];
    const flip = async (binary: string) => {
      flipped.push(binary);
      return 1;
    };
    const packager = { appInfo: { productFilename: 'Copydesk' }, executableName: config.linux.executableName };
    for (const electronPlatformName of ['linux', 'win32', 'darwin']) await afterPack({ appOutDir: '/out', electronPlatformName, packager }, flip);
    expect(flipped).toEqual([path.join('/out', 'copydesk-desktop'), path.join('/out', 'Copydesk.exe'), path.join('/out', 'Copydesk.app')]);
  });

  it('are written into a binary’s fuse wire by @electron/fuses through the hook', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      // A stand-in for the Electron binary: filler, the fuse sentinel, wire version 1, nine fuses as Electron ships them.
      const shipped = [FuseState.ENABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE];
      const binary = path.join(dir, 'copydesk');
      await writeFile(binary, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, shipped.length, ...shipped]), Buffer.alloc(4096, 7)]));
      const { afterPack } = await import('../../../scripts/after-pack.mjs');
      await afterPack({ appOutDir: dir, electronPlatformName: 'linux', packager: { appInfo: { productFilename: 'Copydesk' }, executableName: 'copydesk' } });
      const wire = await getCurrentFuseWire(binary);
      expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
      expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
      expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    } finally {
      await cleanup();
    }
  });
});

describe('the copydesk command inside the app', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let command: string;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await run(process.execPath, [path.join(ROOT, 'scripts', 'build-cli-packaged.mjs')], { cwd: ROOT });
    // The app's resources folder as electron-builder lays it out, and nothing around it.
    const resources = path.join(dir, 'resources');
    for (const resource of config.extraResources.filter((r) => r.to.startsWith('cli'))) {
      const from = path.join(ROOT, resource.from);
      const to = path.join(resources, resource.to);
      if (!resource.filter) {
        await cp(from, to, { recursive: true });
        continue;
      }
      // The filters are file names or `folder/**`, and `name-*/**` for a platform's package.
      for (const entry of resource.filter) {
        const plain = entry.replace(/\/\*\*$/, '');
        const names = plain.includes('*') ? (await readdir(from)).filter((name) => new RegExp(`^${plain.replace('*', '.*')}$`).test(name)) : [plain];
        for (const name of names) {
          await mkdir(path.dirname(path.join(to, name)), { recursive: true });
          await cp(path.join(from, name), path.join(to, name), { recursive: true });
        }
      }
    }
    command = path.join(resources, 'cli', 'copydesk.mjs');
  }, 120_000);
  afterAll(() => cleanup());

  it('runs on Node with only what the app ships: lists a workspace and reads a PDF source', async () => {
    expect((await stat(command)).isFile()).toBe(true);
    const workspace = path.join(dir, 'desk');
    await mkdir(path.join(workspace, 'articles'), { recursive: true });
    const pdf = path.join(dir, 'port-report.pdf');
    await writeFile(pdf, buildPdf([{ lines: ['Port of Maasgate annual report', '', 'Throughput rose to 38,000 containers.'] }], { title: 'Port report 2026' }));
    const added = await run(process.execPath, [command, 'source', 'add', pdf, '--workspace', workspace, '--json'], { cwd: dir });
    expect(JSON.parse(added.stdout)).toMatchObject({ ids: ['port-report-2026'] });
    const listed = await run(process.execPath, [command, 'source', 'list', '--workspace', workspace], { cwd: dir });
    expect(listed.stdout).toContain('Port report 2026');
  }, 60_000);
});
