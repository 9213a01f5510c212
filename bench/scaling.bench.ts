/**
 * How each cost grows with the work, for docs/performance.svg: workspace open and index
 * rebuild against the number of articles (100 → 10,000), opening and saving an article
 * against its length (1,000 → 100,000 words), and the review check against the number of
 * sources (1 → 100). Each point is measured beside its baseline at the same size.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApiHost } from '../src/core/api/api-host';
import { serializeArticle } from '../src/core/articles/article-file';
import { ReviewChecker } from '../src/core/review/check-article';
import { Workspace } from '../src/core/workspace/workspace';
import { extractClaims } from '../src/document/claims/extract-claims';
import { slugify } from '../src/shared/slug';
import { median, scaled, type Figure } from './report';
import { reviewCorpus } from './review.bench';
import { articleFile, bodyOfWords, tempRename } from './workspace.bench';

const fmt = (n: number) => n.toLocaleString('en-US');

async function articlesSeries(root: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const count of scaled([100, 1_000, 3_000, 10_000], [100, 300, 1_000])) {
    const dir = path.join(root, `articles-${count}`);
    mkdirSync(path.join(dir, 'articles'), { recursive: true });
    for (let i = 0; i < count; i++) {
      const article = articleFile(`Council story number ${i}`, 300);
      writeFileSync(path.join(dir, 'articles', `${slugify(article.meta.headline)}.json`), serializeArticle(article));
    }
    const names = readdirSync(path.join(dir, 'articles'));
    // Three rounds of each, the index removed before every rebuild; the medians are kept
    // (a single first round mostly measures the code warming up).
    const parses: number[] = [];
    const rebuilds: number[] = [];
    let ws: Workspace | undefined;
    for (let round = 0; round < 3; round++) {
      let started = performance.now();
      for (const name of names) JSON.parse(readFileSync(path.join(dir, 'articles', name), 'utf8'));
      parses.push(performance.now() - started);
      rmSync(path.join(dir, '.copydesk'), { recursive: true, force: true });
      started = performance.now();
      ws = await Workspace.open(dir, { watch: false });
      rebuilds.push(performance.now() - started);
      await ws.close();
    }
    const parseAll = median(parses);
    const rebuild = median(rebuilds);
    let started: number;
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      started = performance.now();
      ws = await Workspace.open(dir, { watch: false });
      ws.articles.list();
      warm.push(performance.now() - started);
      await ws.close();
    }
    const x = { x: count, xLabel: 'articles in the workspace' };
    figures.push(
      // No budget on the curve: the rebuild's budget (2 × the raw read) is judged at 10,000 articles
      // in library.bench.ts; at a few hundred, opening's fixed costs (the lock, the index's durable
      // write) are most of the time and the ratio says nothing about the rebuild.
      { what: `scaling: rebuild the index, ${fmt(count)} articles (median of 3)`, measured: rebuild, baseline: parseAll, baselineLabel: 'readFileSync + JSON.parse', budget: null, series: { name: 'rebuild the index', ...x } },
      { what: `scaling: open the workspace, index warm, ${fmt(count)} articles (median of 3)`, measured: median(warm), baseline: null, baselineLabel: '', budget: 300, series: { name: 'open the workspace', ...x } },
    );
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

async function lengthSeries(root: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const ws = await Workspace.open(path.join(root, 'length'), { watch: false, indexWriteDelayMs: 60_000 });
  const api = createApiHost(ws).call;
  try {
    for (const words of scaled([1_000, 10_000, 30_000, 100_000], [1_000, 10_000, 30_000])) {
      const bodies = [0, 1, 2].map((extra) => bodyOfWords(words + extra));
      const created = await ws.articles.create({ headline: `Length ${words}` }, bodies[0]);
      const rounds = words >= 30_000 ? 5 : 9;
      const opens: number[] = [];
      const reads: number[] = [];
      const saves: number[] = [];
      const writes: number[] = [];
      let revision = created.revision;
      const file = path.join(root, 'length', 'articles', `${created.slug}.json`);
      const copy = path.join(root, `baseline-${words}.json`);
      for (let i = 0; i < rounds + 1; i++) {
        let started = performance.now();
        const got = await api('articles.get', { id: created.id });
        if (!got.ok) throw new Error(got.error.message);
        if (i > 0) opens.push(performance.now() - started);
        started = performance.now();
        JSON.parse(readFileSync(file, 'utf8'));
        if (i > 0) reads.push(performance.now() - started);
        started = performance.now();
        const saved = await api('articles.save', { id: created.id, baseRevision: revision, body: bodies[(i + 1) % 3] });
        if (!saved.ok) throw new Error(saved.error.message);
        revision = (saved.value as { revision: string }).revision;
        if (i > 0) saves.push(performance.now() - started);
        const bytes = serializeArticle({ ...articleFile('baseline', 0), body: bodies[(i + 1) % 3]! });
        started = performance.now();
        tempRename(copy, bytes);
        if (i > 0) writes.push(performance.now() - started);
      }
      const x = { x: words, xLabel: 'words in the article' };
      figures.push(
        { what: `scaling: open a ${fmt(words)}-word article (articles.get, median of ${rounds})`, measured: median(opens), baseline: median(reads), baselineLabel: 'readFileSync + JSON.parse', budget: null, series: { name: 'open an article', ...x } },
        { what: `scaling: save a ${fmt(words)}-word article (articles.save, median of ${rounds})`, measured: median(saves), baseline: median(writes), baselineLabel: 'temp file + fsync + rename', budget: 3, budgetOverBaseline: true, series: { name: 'save an article', ...x } },
      );
    }
  } finally {
    await ws.close();
  }
  return figures;
}

function sourcesSeries(): Figure[] {
  const figures: Figure[] = [];
  for (const count of scaled([1, 10, 30, 100], [1, 10, 30])) {
    const { input } = reviewCorpus(5_000, count, 50_000);
    const rounds = count >= 100 ? 3 : 5;
    const checks: number[] = [];
    for (let i = 0; i < rounds + 1; i++) {
      const started = performance.now();
      new ReviewChecker().check(input);
      if (i > 0) checks.push(performance.now() - started);
    }
    const texts = extractClaims(input.body, { language: 'en' }).claims.map((c) => c.text);
    const snapshots = input.sources.map((s) => s.snapshot ?? '');
    const naive: number[] = [];
    for (let i = 0; i < rounds + 1; i++) {
      const started = performance.now();
      let hits = 0;
      for (const text of texts) for (const snapshot of snapshots) if (snapshot.indexOf(text) >= 0) hits++;
      if (i > 0 && hits >= 0) naive.push(performance.now() - started);
    }
    figures.push({
      what: `scaling: review check, 5,000 words against ${count} source${count === 1 ? '' : 's'} of 50 KB, cold (median of ${rounds})`,
      measured: median(checks),
      baseline: median(naive),
      baselineLabel: 'naive indexOf of every claim',
      budget: null,
      series: { name: 'review check', x: count, xLabel: 'sources attached' },
    });
  }
  return figures;
}

export async function scalingFigures(): Promise<Figure[]> {
  const root = mkdtempSync(path.join(tmpdir(), 'copydesk-scaling-'));
  try {
    return [...(await articlesSeries(root)), ...(await lengthSeries(root)), ...sourcesSeries()];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
