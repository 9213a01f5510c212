/** Types of scripts/after-pack.mjs, for the tests that import it. */
import type { FuseConfig } from '@electron/fuses';

export declare const FUSES: Record<string, boolean>;
export declare function fuseConfig(platform: string): FuseConfig & Record<number, boolean>;
export interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}
export declare function electronBinary(context: AfterPackContext): string;
export declare function afterPack(context: AfterPackContext, flip?: (binary: string, config: FuseConfig) => Promise<unknown>): Promise<void>;
export default afterPack;
