/** Prints benchmark figures beside their baselines and budgets. */

export interface Figure {
  what: string;
  measured: number;
  baseline: number | null;
  baselineLabel: string;
  /** A budget in ms, or a ratio to the baseline when `budgetIsRatio`. */
  budget: number;
  budgetIsRatio?: boolean;
  unit?: string;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

export function printFigures(figures: Figure[]): void {
  const rows = figures.map((f) => {
    const unit = f.unit ?? 'ms';
    const limit = f.budgetIsRatio ? (f.baseline ?? 0) * f.budget : f.budget;
    const within = f.measured <= limit;
    return [
      f.what,
      `${f.measured.toFixed(2)} ${unit}`,
      f.baseline === null ? '—' : `${f.baseline.toFixed(2)} ${unit} (${f.baselineLabel})`,
      !Number.isFinite(limit) ? '—' : f.budgetIsRatio ? `≤ ${f.budget} × baseline = ${limit.toFixed(1)} ${unit}` : `≤ ${f.budget} ${unit}`,
      !Number.isFinite(limit) ? '' : within ? 'within' : 'OVER',
    ];
  });
  const header = ['figure', 'measured', 'baseline', 'budget', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
