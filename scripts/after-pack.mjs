/**
 * electron-builder's afterPack hook: sets the Electron fuses of the packaged app's binary
 * with @electron/fuses, before the app is signed and put in its installer. Fuses are
 * switches compiled into the binary, so a packaged Copydesk cannot be turned back into a
 * plain Node, debugged or fed another app, whatever its environment or arguments say.
 * tests/unit/main/packaging.test.ts flips a stand-in binary with this very hook.
 */
import path from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** Each fuse, by name, as the packaged app has it. */
export const FUSES = {
  // ELECTRON_RUN_AS_NODE would make the app binary a Node interpreter for anyone.
  RunAsNode: false,
  // Cookies and other stored secrets encrypted with the OS keychain key.
  EnableCookieEncryption: true,
  // NODE_OPTIONS could load code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and friends would open a debugger on the main process.
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash electron-builder embeds.
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar, never a loose app folder placed beside it.
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The app serves itself over copydesk://, never file://.
  GrantFileProtocolExtraPrivileges: false,
  WasmTrapHandlers: true,
};

/** The @electron/fuses configuration for a platform. */
export function fuseConfig(platform) {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' };
  for (const [name, value] of Object.entries(FUSES)) config[FuseV1Options[name]] = value;
  return config;
}

/** Where the Electron binary is in electron-builder's unpacked app. */
export function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

export async function afterPack(context, flip = flipFuses) {
  const binary = electronBinary(context);
  await flip(binary, fuseConfig(context.electronPlatformName));
  console.log(`  • fuses set on ${path.basename(binary)}: ${Object.entries(FUSES).map(([name, on]) => `${name} ${on ? 'on' : 'off'}`).join(', ')}`);
}

export default afterPack;
