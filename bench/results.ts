/**
 * `bench/results.json`: every figure of a run with the machine it ran on, in the shape
 * other tools read: `{ machine, figures: [{ name, value, unit, budget, baseline,
 * baselineName, ratio, within }] }`. A figure without a budget has `budget: null`.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Figure } from './report';

function chromiumVersion(): string | null {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function writeResults(file: string, figures: Figure[]): void {
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    chromium: chromiumVersion(),
    date: new Date().toISOString(),
  };
  const rows = figures.map((f) => {
    const budget = f.budgetIsRatio ? (f.baseline ?? 0) * f.budget : f.budget;
    return {
      name: f.what,
      value: round(f.measured),
      unit: f.unit ?? 'ms',
      budget: Number.isFinite(budget) ? round(budget) : null,
      baseline: f.baseline === null ? null : round(f.baseline),
      baselineName: f.baseline === null ? null : f.baselineLabel,
      ratio: f.baseline ? round(f.measured / f.baseline) : null,
      within: Number.isFinite(budget) ? f.measured <= budget : null,
    };
  });
  writeFileSync(file, `${JSON.stringify({ machine, figures: rows }, null, 2)}\n`);
}

const round = (n: number) => Math.round(n * 100) / 100;
