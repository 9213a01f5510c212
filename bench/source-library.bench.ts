/**
 * Source library figures: opening a workspace that holds 1,000 sources of about 50 KB of
 * snapshot text each, with the index cold (every source file read) and warm (the index's
 * entries trusted for unchanged files).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { serializeSource, textHash } from '../src/core/sources/source-file';
import { Workspace } from '../src/core/workspace/workspace';
import { median, type Figure } from './report';

const SENTENCE = 'The port authority said on Tuesday that 1,240 ship movements were counted in October, up 4% on a year earlier. ';

function writeSources(dir: string, count: number): void {
  mkdirSync(path.join(dir, 'articles'), { recursive: true });
  mkdirSync(path.join(dir, 'sources'), { recursive: true });
  const text = SENTENCE.repeat(Math.ceil(50_000 / SENTENCE.length));
  for (let i = 0; i < count; i++) {
    const id = `port-report-${i}`;
    const snapshot = `${text}Report ${i}.`;
    writeFileSync(
      path.join(dir, 'sources', `${id}.json`),
      serializeSource({
        schemaVersion: 1,
        id,
        csl: { id, type: 'report', title: `Port report ${i}`, publisher: 'Maasgate Port Authority', issued: { 'date-parts': [[2026, 10, 1 + (i % 28)]] } },
        snapshot: { text: snapshot, capturedAt: '2026-11-01T00:00:00.000Z', origin: 'document', sha256: textHash(snapshot) },
        addedAt: '2026-11-01T00:00:00.000Z',
      }),
    );
  }
}

async function timeOpen(dir: string): Promise<number> {
  const started = performance.now();
  const workspace = await Workspace.open(dir, { watch: false });
  const elapsed = performance.now() - started;
  if (workspace.sources.count === 0) throw new Error('no sources were opened');
  await workspace.close();
  return elapsed;
}

export async function sourceLibraryFigures(count = 1_000): Promise<Figure[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'copydesk-bench-sources-'));
  try {
    writeSources(root, count);
    const cold: number[] = [];
    for (let round = 0; round < 3; round++) {
      rmSync(path.join(root, '.copydesk', 'index.json'), { force: true });
      cold.push(await timeOpen(root));
    }
    const warm: number[] = [];
    for (let round = 0; round < 5; round++) warm.push(await timeOpen(root));
    return [
      {
        what: `open a workspace with ${count.toLocaleString('en')} sources of 50 KB, index cold (median of 3)`,
        measured: median(cold),
        baseline: null,
        baselineLabel: '',
        budget: Number.POSITIVE_INFINITY,
      },
      {
        what: `open a workspace with ${count.toLocaleString('en')} sources of 50 KB, index warm (median of 5)`,
        measured: median(warm),
        baseline: null,
        baselineLabel: '',
        budget: 300,
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
