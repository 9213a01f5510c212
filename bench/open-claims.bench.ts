/**
 * The library's open-claims count, kept in the background: on a generated workspace of
 * 2,000 articles (300 under --quick) opened with no counts, how long until every article
 * is counted, beside the same checks run back to back; and the reply to a save, made the
 * way autosave makes them, while that count runs, beside the same saves after an open that
 * counts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateWorkspace } from '../scripts/generate-workspace';
import { createApiHost, type ApiHost } from '../src/core/api/api-host';
import { Workspace } from '../src/core/workspace/workspace';
import type { LexicalBody } from '../src/shared/article';
import { median, percentile, scaled, type Figure } from './report';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Saves of one article, one every `everyMs` (autosave saves a second after typing stops): the reply times. */
async function saveReplies(host: ApiHost, id: string, count: number, everyMs: number): Promise<number[]> {
  const got = await host.call('articles.get', { id });
  if (!got.ok) throw new Error(got.error.message);
  let revision = (got.value as { revision: string }).revision;
  const body = (got.value as { body: LexicalBody }).body;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await sleep(everyMs);
    const started = performance.now();
    const saved = await host.call('articles.save', { id, baseRevision: revision, meta: { dek: `Edit ${i}` }, body });
    times.push(performance.now() - started);
    if (!saved.ok) throw new Error(saved.error.message);
    revision = (saved.value as { revision: string }).revision;
  }
  return times;
}

export async function openClaimsFigures(): Promise<Figure[]> {
  const articles = scaled(2_000, 300);
  const root = mkdtempSync(path.join(tmpdir(), 'copydesk-bench-claims-'));
  try {
    const dir = path.join(root, 'workspace');
    generateWorkspace({ articles, out: dir });
    // Opened once without counting, so the index and the search index are warm and hold no counts.
    const first = await Workspace.open(dir, { watch: false });
    await first.openClaims!.close();
    await first.search.settled();
    await first.close();

    // Baseline: the same checks, run back to back with nothing else to do.
    const plain = await Workspace.open(dir, { watch: false, readOnly: true });
    const listed = plain.articles.list().articles;
    const ids = listed.map((a) => a.id);
    // A draft: editing approved copy asks for a confirmation first.
    const target = listed.find((a) => a.status === 'draft')!.id;
    let started = performance.now();
    for (const id of ids) await plain.review.check(id);
    const backToBack = performance.now() - started;
    await plain.close();

    // The same saves right after an open that counts nothing (the counter stopped at once).
    const quiet = await Workspace.open(dir, { watch: false });
    await quiet.openClaims!.close();
    const quietHost = createApiHost(quiet);
    const without = await saveReplies(quietHost, target, 12, 600);
    quietHost.dispose();
    await quiet.close();

    // Now counted: every article at open, saves going on meanwhile.
    started = performance.now();
    const ws = await Workspace.open(dir, { watch: false });
    const host = createApiHost(ws);
    const during = await saveReplies(host, target, 12, 600);
    await ws.openClaims!.idle();
    const counted = performance.now() - started;
    const missing = ws.articles.list().articles.filter((a) => a.openClaims === null).length;
    host.dispose();
    await ws.close();
    if (missing) throw new Error(`${missing} articles were left uncounted`);

    const n = articles.toLocaleString('en-US');
    return [
      {
        what: `count the open claims of ${n} articles never counted, in the background after open (to the last one)`,
        measured: counted,
        baseline: backToBack,
        baselineLabel: 'the same review checks back to back',
        budget: null,
        unit: 'ms',
      },
      {
        what: `save reply while the open claims of ${n} articles are counted, median of 12 (p95 ${Math.round(percentile(during, 95))} ms)`,
        measured: median(during),
        baseline: median(without),
        baselineLabel: `the same saves after an open that counts nothing (median; p95 ${Math.round(percentile(without, 95))} ms)`,
        budget: 16,
        budgetOverBaseline: true,
        unit: 'ms',
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
