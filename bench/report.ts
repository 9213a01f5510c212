/**
 * What every benchmark file shares: the `--quick` switch, the figure it returns, and the
 * one row shape that both the printed table and bench/results.json are made from.
 */

/** `npm run bench -- --quick`: smaller workspaces, fewer rounds, for CI. Every bench file reads it. */
export const quick = process.argv.includes('--quick') || process.env.COPYDESK_BENCH_QUICK === '1';

/** `full` in a full run, `small` under --quick. */
export function scaled<T>(full: T, small: T): T {
  return quick ? small : full;
}

export interface Figure {
  what: string;
  measured: number;
  baseline: number | null;
  baselineLabel: string;
  /**
   * The budget: absolute (in the figure's unit), a ratio to the baseline when
   * `budgetIsRatio`, or the baseline plus this many units when `budgetOverBaseline`.
   * null (or Infinity) when the figure has none.
   */
  budget: number | null;
  budgetIsRatio?: boolean;
  budgetOverBaseline?: boolean;
  unit?: string;
  /** A point of a scaling series (docs/performance.svg): the curve it belongs to and its x. */
  series?: { name: string; x: number; xLabel: string };
}

/** One line of bench/results.json. */
export interface Row {
  name: string;
  value: number;
  unit: string;
  budget: number | null;
  baseline: number | null;
  baselineName: string | null;
  ratio: number | null;
  within: boolean | null;
  series?: { name: string; x: number; xLabel: string };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The budget in the figure's own unit, or null. */
export function budgetOf(f: Figure): number | null {
  if (f.budget === null || !Number.isFinite(f.budget)) return null;
  if (f.budgetIsRatio) return f.baseline === null ? null : f.baseline * f.budget;
  if (f.budgetOverBaseline) return f.baseline === null ? null : f.baseline + f.budget;
  return f.budget;
}

export function toRow(f: Figure): Row {
  const budget = budgetOf(f);
  return {
    name: f.what,
    value: round(f.measured),
    unit: f.unit ?? 'ms',
    budget: budget === null ? null : round(budget),
    baseline: f.baseline === null ? null : round(f.baseline),
    baselineName: f.baseline === null ? null : f.baselineLabel,
    ratio: f.baseline ? round(f.measured / f.baseline) : null,
    within: budget === null ? null : f.measured <= budget,
    ...(f.series ? { series: f.series } : {}),
  };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

const fixed = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: n < 100 ? 2 : 0 });

/** The rows as a table: the same numbers results.json holds. */
export function formatTable(rows: Row[]): string {
  const cells = rows.map((r) => [
    r.name,
    `${fixed(r.value)} ${r.unit}`,
    r.baseline === null ? '—' : `${fixed(r.baseline)} ${r.unit} (${r.baselineName})`,
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    r.budget === null ? '—' : `≤ ${fixed(r.budget)} ${r.unit}`,
    r.within === null ? '' : r.within ? 'within' : 'OVER',
  ]);
  const header = ['figure', 'value', 'baseline', 'ratio', 'budget', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export function printFigures(figures: Figure[]): void {
  console.log(formatTable(figures.map(toRow)));
}
