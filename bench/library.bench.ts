/**
 * Library figures on a generated workspace of 10,000 articles (2,000 under --quick),
 * each beside its baseline from the same run: opening with a warm index to a usable list,
 * rebuilding the article index, building the search index from scratch, search latency
 * over 100 mixed queries, related suggestions, and the search index's update after a save.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { generateWorkspace, seededRandom } from '../scripts/generate-workspace';
import { createApiHost } from '../src/core/api/api-host';
import { parseArticleText } from '../src/core/articles/article-file';
import { INDEXED_FIELDS, searchDocumentOf, termOf, tokenize, type SearchDocument } from '../src/core/search/search-document';
import { Workspace } from '../src/core/workspace/workspace';
import { plainTextFromBody } from '../src/document/plain-text';
import type { ArticleFile } from '../src/shared/article';
import { median, percentile, scaled, type Figure } from './report';

const count = (n: number) => n.toLocaleString('en-US');

/** The longest the process went without running a 1 ms timer while `work` ran: how long a call to the host could wait. */
async function longestPause(work: () => Promise<void>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return longest;
}

/** 100 queries as editors type them: common and rare words, prefixes, typos, two words, a phrase, filters. */
function mixedQueries(records: ArticleFile[]): string[] {
  const random = seededRandom(42);
  const frequency = new Map<string, number>();
  for (const record of records.slice(0, 500)) {
    for (const word of tokenize(plainTextFromBody(record.body))) {
      const term = termOf(word);
      if (term && term.length >= 4 && !/\d/.test(term)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
    }
  }
  const ranked = [...frequency].sort((a, b) => b[1] - a[1]).map(([term]) => term);
  const common = ranked.slice(0, 50);
  const rare = ranked.slice(-2_000);
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  const typo = (word: string) => `${word.slice(0, 2)}${word.slice(3)}`;
  const tag = records[0]!.meta.tags[0] ?? 'x';
  const queries: string[] = [];
  for (let i = 0; i < 100; i++) {
    const kind = i % 10;
    if (kind === 0 || kind === 1) queries.push(pick(common));
    else if (kind === 2 || kind === 3) queries.push(pick(rare));
    else if (kind === 4) queries.push(pick(common).slice(0, 3));
    else if (kind === 5) queries.push(pick(rare).slice(0, 4));
    else if (kind === 6) queries.push(typo(pick(rare).padEnd(6, 'a')));
    else if (kind === 7) queries.push(`${pick(common)} ${pick(rare)}`);
    else if (kind === 8) queries.push(`"${pick(common)} ${pick(common)}"`);
    else queries.push(i % 20 === 9 ? `tag:${tag}` : `status:draft ${pick(common)}`);
  }
  return queries;
}

export async function libraryFigures(): Promise<Figure[]> {
  const articles = scaled(10_000, 2_000);
  const root = mkdtempSync(path.join(tmpdir(), 'copydesk-bench-library-'));
  try {
    const dir = path.join(root, 'desk');
    generateWorkspace({ articles, out: dir, seed: 1 });
    const files = readdirSync(path.join(dir, 'articles')).map((name) => path.join(dir, 'articles', name));

    // The rebuild beside its baseline (read and parse every file, nothing else), three times each, alternating.
    const parses: number[] = [];
    const rebuilds: number[] = [];
    let started = 0;
    let ws: Workspace | undefined;
    for (let round = 0; round < 3; round++) {
      started = performance.now();
      for (const file of files) JSON.parse(readFileSync(file, 'utf8'));
      parses.push(performance.now() - started);
      await ws?.close();
      rmSync(path.join(dir, '.copydesk'), { recursive: true, force: true });
      started = performance.now();
      ws = await Workspace.open(dir, { watch: false });
      rebuilds.push(performance.now() - started);
      if (ws.articles.count !== articles) throw new Error(`indexed ${ws.articles.count} of ${articles}`);
    }
    if (!ws) throw new Error('no workspace');
    const [parseAll, rebuild] = [median(parses), median(rebuilds)];

    // The search index from scratch (there is none yet), in the background as the app builds it.
    started = performance.now();
    const built = ws;
    const buildPause = await longestPause(() => built.search.settled());
    const searchBuild = performance.now() - started;
    const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;

    // Baseline: MiniSearch alone adding the same documents, already read and turned into text.
    const records = files.map((file) => parseArticleText(readFileSync(file, 'utf8'))).flatMap((p) => (p.ok ? [p.value] : []));
    const documents: SearchDocument[] = records.map((r) => searchDocumentOf(r, () => ''));
    started = performance.now();
    new MiniSearch<SearchDocument>({ fields: INDEXED_FIELDS, tokenize, processTerm: termOf }).addAll(documents);
    const bareBuild = performance.now() - started;

    const host = createApiHost(ws);
    const queries = mixedQueries(records);
    const index = ws.search.currentIndex();
    const times: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (const query of queries) {
        started = performance.now();
        const result = await host.call('search.query', { query, limit: 50 });
        if (!result.ok) throw new Error(result.error.message);
        if (round === 1) times.push(performance.now() - started);
        // The library called directly on the same index: the words alone, no filters, no snippets.
        const words = query.replace(/"|\w+:\S+/g, ' ').split(/\s+/).map(termOf).filter((t): t is string => t !== null);
        started = performance.now();
        index.engineMatch(words, [], () => true);
        if (round === 1) bare.push(performance.now() - started);
      }
    }

    const suggestTimes: number[] = [];
    for (const record of records.slice(0, 20)) {
      started = performance.now();
      const result = await host.call('related.suggest', { id: record.id });
      if (!result.ok) throw new Error(result.error.message);
      suggestTimes.push(performance.now() - started);
    }

    // One save, then the search index taking it in (the update runs just after the save returns).
    const updates: number[] = [];
    for (const record of records.slice(0, 20)) {
      const current = await ws.articles.get(record.id);
      await ws.articles.save({ id: record.id, baseRevision: current.revision, meta: { dek: `${current.meta.dek} Updated.` }, reopen: true, by: 'bench' });
      started = performance.now();
      ws.search.currentIndex();
      updates.push(performance.now() - started);
    }
    host.dispose();
    await ws.close();

    // Warm: the index written by the close above; open to a listed library.
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) {
      started = performance.now();
      ws = await Workspace.open(dir, { watch: false });
      const listed = ws.articles.list().articles.length;
      warm.push(performance.now() - started);
      if (listed !== articles) throw new Error(`listed ${listed} of ${articles}`);
      await ws.close();
    }

    // Loading the saved search index (a slice at a time) and catching up.
    ws = await Workspace.open(dir, { watch: false });
    started = performance.now();
    const loaded = ws;
    const loadPause = await longestPause(() => loaded.search.settled());
    const searchLoad = performance.now() - started;
    await ws.close();

    const n = count(articles);
    return [
      { what: `open a ${n}-article workspace, index warm, to a listed library (median of 5)`, measured: median(warm), baseline: null, baselineLabel: '', budget: 300 },
      { what: `rebuild the article index from ${n} generated article files (median of 3)`, measured: rebuild, baseline: parseAll, baselineLabel: 'readFileSync + JSON.parse', budget: 2, budgetIsRatio: true },
      { what: `build the search index from scratch, ${n} articles (in the background; heap after: ${Math.round(heapMb)} MB)`, measured: searchBuild, baseline: bareBuild, baselineLabel: 'MiniSearch addAll of the same texts', budget: null },
      { what: `load the saved search index and check it, ${n} articles (in the background)`, measured: searchLoad, baseline: searchBuild, baselineLabel: 'building it from scratch', budget: null },
      { what: `longest pause of the host (event loop) while the search index is built from scratch`, measured: buildPause, baseline: null, baselineLabel: '', budget: null },
      { what: `longest pause of the host (event loop) while the saved search index loads`, measured: loadPause, baseline: null, baselineLabel: '', budget: null },
      { what: `search, ${n} articles, 100 mixed queries through the API host: p50`, measured: median(times), baseline: median(bare), baselineLabel: 'MiniSearch queried directly, p50', budget: null },
      { what: `search, ${n} articles, 100 mixed queries through the API host: p95`, measured: percentile(times, 95), baseline: percentile(bare, 95), baselineLabel: 'MiniSearch queried directly, p95', budget: 30 },
      { what: `related suggestions for one article, ${n} articles (median of 20; p95 ${percentile(suggestTimes, 95).toFixed(0)} ms)`, measured: median(suggestTimes), baseline: null, baselineLabel: '', budget: 100 },
      { what: `search index update after one save (median of 20)`, measured: median(updates), baseline: null, baselineLabel: '', budget: 5 },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
