/** Types of scripts/find-browser.mjs (plain JavaScript, so scripts/test.mjs runs under bare node). */
export type FoundBrowser =
  | { how: 'env' | 'system' | 'playwright'; executablePath: string; label: string }
  | { how: 'channel'; channel: 'chrome' | 'msedge'; executablePath: string; label: string };

export interface Probes {
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  exists?: (file: string) => boolean;
  playwrightPath?: () => string | null;
}

export function playwrightChromiumPath(): string | null;
export function findBrowser(probes?: Probes): FoundBrowser | null;
export const INSTALL_COMMAND: string;
export function browserPlan(state: { found: FoundBrowser | null; online: boolean }):
  | { action: 'use'; browser: FoundBrowser }
  | { action: 'install'; command: string }
  | { action: 'stop'; message: string };
export function launchOptionsFor(found: FoundBrowser | null): { channel?: 'chrome' | 'msedge'; executablePath?: string };
