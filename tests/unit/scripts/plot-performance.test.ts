/**
 * bench/results.json → docs/performance.svg and the generated tables: rows become the
 * table, scaling points become curves, and the markers bound what is rewritten.
 */
import { describe, expect, it } from 'vitest';
import { formatTable, toRow, type Row } from '../../../bench/report';
import type { Results } from '../../../bench/results';
import { drawSvg, figuresTable, panelsOf, replaceBetween } from '../../../scripts/plot-performance';

const point = (name: string, x: number, value: number, baseline: number): Row => ({
  name: `scaling: ${name} ${x}`,
  value,
  unit: 'ms',
  budget: null,
  baseline,
  baselineName: 'bare',
  ratio: value / baseline,
  within: null,
  series: { name, x, xLabel: 'articles in the workspace' },
});

const results: Results = {
  machine: { cpus: 2, cpuModel: 'Test CPU', memoryGiB: 8, node: 'v20.19.0', chromium: null, date: '2026-11-28T14:15:00.000Z' },
  figures: [
    toRow({ what: 'autosave, 2,000 words', measured: 2.5, baseline: 1, baselineLabel: 'temp file + fsync + rename', budget: 3, budgetOverBaseline: true }),
    toRow({ what: 'rebuild | index', measured: 500, baseline: 200, baselineLabel: 'JSON.parse', budget: 2, budgetIsRatio: true }),
    toRow({ what: 'cold open', measured: 80, baseline: null, baselineLabel: '', budget: null }),
    point('rebuild', 1_000, 50, 20),
    point('rebuild', 100, 5, 2),
    point('rebuild', 10_000, 500, 200),
  ],
};

describe('benchmark rows', () => {
  it('turns a budget over the baseline, a ratio, or none into the row shape of results.json', () => {
    const [autosave, rebuild, cold] = results.figures;
    expect(autosave).toMatchObject({ value: 2.5, budget: 4, baseline: 1, ratio: 2.5, within: true });
    expect(rebuild).toMatchObject({ budget: 400, within: false });
    expect(cold).toMatchObject({ budget: null, baseline: null, baselineName: null, ratio: null, within: null });
    const table = formatTable(results.figures);
    expect(table).toContain('OVER');
    expect(table.split('\n')).toHaveLength(2 + results.figures.length);
  });
});

describe('the plot and the tables', () => {
  it('makes one curve per series, its points in order', () => {
    const [panel] = panelsOf(results.figures);
    expect(panel!.xLabel).toBe('articles in the workspace');
    expect(panel!.curves[0]!.points.map((p) => p.x)).toEqual([100, 1_000, 10_000]);
  });

  it('draws an SVG with the curve, its dashed baseline and the machine', () => {
    const svg = drawSvg(results);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('Test CPU');
    expect(svg).not.toMatch(/NaN|undefined/);
  });

  it('writes the figures, not the scaling points, as a Markdown table, escaping pipes', () => {
    const table = figuresTable(results.figures);
    expect(table).toContain('| autosave, 2,000 words | 2.50 ms | 1.00 ms: temp file + fsync + rename | ≤ 4.00 ms | within |');
    expect(table).toContain('rebuild \\| index');
    expect(table).not.toContain('scaling:');
  });

  it('rewrites only what lies between the markers, and says when they are missing', () => {
    const text = 'before\n<!-- t:start -->\nold\n<!-- t:end -->\nafter';
    expect(replaceBetween(text, 't', 'new')).toBe('before\n<!-- t:start -->\nnew\n<!-- t:end -->\nafter');
    expect(() => replaceBetween('nothing', 't', 'x')).toThrow(/markers/);
  });
});
