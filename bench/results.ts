/**
 * `bench/results.json`: every figure of a run with the machine it ran on, in the shape
 * other tools read: `{ machine, figures: [{ name, value, unit, budget, baseline,
 * baselineName, ratio, within }] }`. A figure without a budget has `budget: null`; a point
 * of a scaling series also carries `series: { name, x, xLabel }` (docs/performance.svg).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { findBrowser } from '../scripts/find-browser.mjs';
import type { Row } from './report';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  chromium: string | null;
  date: string;
  quick?: boolean;
}

export interface Results {
  machine: Machine;
  figures: Row[];
}

function chromiumVersion(): string | null {
  const found = findBrowser();
  if (!found?.executablePath) return found ? found.label : null;
  try {
    return execFileSync(found.executablePath, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return found.label;
  }
}

export function machine(quick: boolean): Machine {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    chromium: chromiumVersion(),
    date: new Date().toISOString(),
    ...(quick ? { quick: true } : {}),
  };
}

export function writeResults(file: string, results: Results): void {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
