/**
 * `npm run bench:docs`: turns bench/results.json into what people read. Draws
 * docs/performance.svg (how each cost grows with the work: one panel per scaling series,
 * log scale across, each curve beside its baseline dashed) and rewrites the generated
 * tables between the markers in docs/PERFORMANCE.md and README.md. Plain SVG by hand: no
 * plotting library for three small charts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Row } from '../bench/report';
import type { Results } from '../bench/results';

const ROOT = path.resolve(__dirname, '..');
const COLORS = ['#1f5fa8', '#c2541b', '#2e7d32', '#7b3fa0'];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (n: number) => (n === 0 ? '0' : n >= 100 ? Math.round(n).toLocaleString('en-US') : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** Round numbers for an axis from 0 to at least `max`. */
function niceTicks(max: number): number[] {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough || 1));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const ticks = [];
  for (let v = 0; v <= max + step * 0.999; v += step) ticks.push(Math.round(v * 1000) / 1000);
  return ticks;
}

interface Panel {
  xLabel: string;
  curves: Array<{ name: string; points: Array<{ x: number; value: number; baseline: number | null }>; baselineName: string | null; unit: string }>;
}

export function panelsOf(rows: Row[]): Panel[] {
  const panels = new Map<string, Panel>();
  for (const row of rows) {
    if (!row.series) continue;
    const panel = panels.get(row.series.xLabel) ?? { xLabel: row.series.xLabel, curves: [] };
    panels.set(row.series.xLabel, panel);
    let curve = panel.curves.find((c) => c.name === row.series!.name);
    if (!curve) panel.curves.push((curve = { name: row.series.name, points: [], baselineName: row.baselineName, unit: row.unit }));
    curve.points.push({ x: row.series.x, value: row.value, baseline: row.baseline });
  }
  for (const panel of panels.values()) for (const curve of panel.curves) curve.points.sort((a, b) => a.x - b.x);
  return [...panels.values()];
}

export function drawSvg(results: Results): string {
  const panels = panelsOf(results.figures);
  const W = 420;
  const H = 300;
  const pad = { left: 62, right: 16, top: 40, bottom: 92 };
  const width = W * Math.max(1, panels.length);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${H + 40}" viewBox="0 0 ${width} ${H + 40}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`);
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  const m = results.machine;
  out.push(`<text x="12" y="${H + 30}" fill="#555">Copydesk, npm run bench${m.quick ? ' -- --quick' : ''}: ${escape(`${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.date.slice(0, 10)}`)}. Solid: Copydesk; dashed: its baseline in the same run.</text>`);
  panels.forEach((panel, p) => {
    const x0 = p * W + pad.left;
    const x1 = (p + 1) * W - pad.right;
    const y0 = H - pad.bottom;
    const y1 = pad.top;
    const xs = [...new Set(panel.curves.flatMap((c) => c.points.map((pt) => pt.x)))].sort((a, b) => a - b);
    const lo = Math.log10(xs[0]!);
    const hi = Math.log10(xs[xs.length - 1]!);
    const sx = (x: number) => (hi === lo ? (x0 + x1) / 2 : x0 + ((Math.log10(x) - lo) / (hi - lo)) * (x1 - x0));
    const max = Math.max(...panel.curves.flatMap((c) => c.points.flatMap((pt) => [pt.value, pt.baseline ?? 0])));
    const ticks = niceTicks(max);
    const top = ticks[ticks.length - 1]!;
    const sy = (v: number) => y0 - (v / top) * (y0 - y1);
    const unit = panel.curves[0]?.unit ?? 'ms';
    out.push(`<text x="${x0}" y="22" font-weight="600" font-size="13">${escape(`cost vs ${panel.xLabel}`)}</text>`);
    for (const t of ticks) {
      out.push(`<line x1="${x0}" x2="${x1}" y1="${sy(t).toFixed(1)}" y2="${sy(t).toFixed(1)}" stroke="#e4e4e4"/>`);
      out.push(`<text x="${x0 - 6}" y="${(sy(t) + 4).toFixed(1)}" text-anchor="end" fill="#555">${fmt(t)}</text>`);
    }
    out.push(`<text x="${x0 - 48}" y="${(y0 + y1) / 2}" transform="rotate(-90 ${x0 - 48} ${(y0 + y1) / 2})" text-anchor="middle" fill="#555">${escape(unit)}</text>`);
    for (const x of xs) {
      out.push(`<line x1="${sx(x).toFixed(1)}" x2="${sx(x).toFixed(1)}" y1="${y0}" y2="${y0 + 4}" stroke="#888"/>`);
      out.push(`<text x="${sx(x).toFixed(1)}" y="${y0 + 16}" text-anchor="middle" fill="#555">${x.toLocaleString('en-US')}</text>`);
    }
    out.push(`<line x1="${x0}" x2="${x1}" y1="${y0}" y2="${y0}" stroke="#888"/><line x1="${x0}" x2="${x0}" y1="${y0}" y2="${y1}" stroke="#888"/>`);
    out.push(`<text x="${(x0 + x1) / 2}" y="${y0 + 32}" text-anchor="middle" fill="#333">${escape(panel.xLabel)} (log scale)</text>`);
    panel.curves.forEach((curve, c) => {
      const color = COLORS[c % COLORS.length]!;
      const line = curve.points.map((pt) => `${sx(pt.x).toFixed(1)},${sy(pt.value).toFixed(1)}`).join(' ');
      out.push(`<polyline points="${line}" fill="none" stroke="${color}" stroke-width="2"/>`);
      for (const pt of curve.points) out.push(`<circle cx="${sx(pt.x).toFixed(1)}" cy="${sy(pt.value).toFixed(1)}" r="3" fill="${color}"><title>${escape(`${curve.name}, ${pt.x.toLocaleString('en-US')}: ${fmt(pt.value)} ${unit}`)}</title></circle>`);
      const base = curve.points.filter((pt) => pt.baseline !== null);
      if (base.length > 1) out.push(`<polyline points="${base.map((pt) => `${sx(pt.x).toFixed(1)},${sy(pt.baseline!).toFixed(1)}`).join(' ')}" fill="none" stroke="${color}" stroke-width="1.5" stroke-dasharray="5 4" opacity="0.8"/>`);
      const ly = y0 + 50 + c * 16;
      out.push(`<line x1="${x0}" x2="${x0 + 18}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="2"/>`);
      out.push(`<text x="${x0 + 24}" y="${ly}" fill="#333">${escape(curve.name)}${curve.baselineName ? `<tspan fill="#777"> (dashed: ${escape(curve.baselineName)})</tspan>` : ''}</text>`);
    });
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** The figures as a Markdown table (scaling points left to the plot). */
export function figuresTable(rows: Row[]): string {
  const lines = ['| figure | measured | baseline (same run) | budget | |', '|---|---|---|---|---|'];
  for (const r of rows) {
    if (r.series) continue;
    const cell = (n: number) => `${fmt(n)} ${r.unit}`;
    const baseline = r.baseline === null ? '—' : `${cell(r.baseline)}: ${r.baselineName}`;
    const verdict = r.within === null ? '' : r.within ? 'within' : '**over**';
    lines.push(`| ${r.name.replace(/\|/g, '\\|')} | ${cell(r.value)} | ${baseline.replace(/\|/g, '\\|')} | ${r.budget === null ? '—' : `≤ ${cell(r.budget)}`} | ${verdict} |`);
  }
  return lines.join('\n');
}

export function machineLine(results: Results): string {
  const m = results.machine;
  return `${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB of memory, Node ${m.node}, ${m.chromium ?? 'no Chromium found'}; run ${m.date.replace('T', ' ').slice(0, 16)} UTC${m.quick ? ' with --quick (smaller sizes)' : ''}.`;
}

/** Replaces what lies between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceBetween(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`The markers ${start} … ${end} are missing.`);
  return `${text.slice(0, a + start.length)}\n${content}\n${text.slice(b)}`;
}

function main(): void {
  const results = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'results.json'), 'utf8')) as Results;
  writeFileSync(path.join(ROOT, 'docs', 'performance.svg'), drawSvg(results));
  const generated = `${machineLine(results)}\n\n${figuresTable(results.figures)}`;
  for (const file of ['docs/PERFORMANCE.md', 'README.md']) {
    const full = path.join(ROOT, file);
    writeFileSync(full, replaceBetween(readFileSync(full, 'utf8'), 'performance-table', generated));
  }
  console.warn('Wrote docs/performance.svg and the tables of docs/PERFORMANCE.md and README.md from bench/results.json.');
}

if (require.main === module) main();
