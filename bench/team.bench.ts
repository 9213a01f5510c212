/**
 * Team sync figures: a sync that carries 1,000 changed articles from one clone to another
 * (the sender commits and pushes, the receiver fetches and moves the files), and a sync
 * that merges 500 articles changed on each side, each beside the same git operations run
 * bare on two plain clones of their own remote in the same run (`git add`, `commit`,
 * `push`; `git pull`). `--quick` uses a tenth of the articles.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { newArticleFile, serializeArticle } from '../src/core/articles/article-file';
import { cloneWorkspace } from '../src/core/team/team-setup';
import { Workspace } from '../src/core/workspace/workspace';
import { scaled, type Figure } from './report';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const AUTHOR = ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org'];

const paragraph = (text: string) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] });

/** `count` article files in `folder`/articles, 12 paragraphs each. */
function writeArticles(folder: string, count: number): void {
  mkdirSync(path.join(folder, 'articles'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const article = newArticleFile({ headline: `Article ${i}`, dek: `Dek ${i}`, slugLocked: true }, '2026-11-01T00:00:00.000Z');
    article.body = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: Array.from({ length: 12 }, (_, p) => paragraph(`Paragraph ${p} of article ${i}: the harbour council voted on the roster of ${i * 7 + p} shifts.`)) } } as never;
    writeFileSync(path.join(folder, 'articles', `article-${i}.json`), serializeArticle(article));
  }
}

/** Changes the dek of the articles `from` to `to` (exclusive) in place, as another program would. */
function changeArticles(folder: string, from: number, to: number, word: string): void {
  for (let i = from; i < to; i++) {
    const file = path.join(folder, 'articles', `article-${i}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"dek": "[^"]*"/, `"dek": "${word} ${i}"`));
  }
}

function bareRemote(dir: string, name: string): string {
  const remote = path.join(dir, name);
  git(dir, 'init', '-q', '--bare', '-b', 'main', remote);
  return remote;
}

/** The same operations on plain clones: commit and push on one, pull on the other. */
function bareGitSync(dir: string, count: number, merge: boolean): number {
  const remote = bareRemote(dir, 'plain.git');
  const a = path.join(dir, 'plain-a');
  const b = path.join(dir, 'plain-b');
  mkdirSync(a);
  git(a, 'init', '-q', '-b', 'main');
  writeArticles(a, count);
  git(a, 'add', '-A');
  git(a, ...AUTHOR, 'commit', '-qm', 'start');
  git(a, 'remote', 'add', 'origin', remote);
  git(a, 'push', '-q', 'origin', 'main');
  git(dir, 'clone', '-q', remote, b);
  const half = Math.floor(count / 2);
  changeArticles(a, 0, merge ? half : count, 'Changed by A');
  if (merge) {
    changeArticles(b, half, count, 'Changed by B');
    git(b, 'add', '-A');
    git(b, ...AUTHOR, 'commit', '-qm', 'b');
  }
  const started = performance.now();
  git(a, 'add', '-A');
  git(a, ...AUTHOR, 'commit', '-qm', 'a');
  git(a, 'push', '-q', 'origin', 'main');
  git(b, ...AUTHOR, 'pull', '-q', '--no-rebase', '--no-edit', 'origin', 'main');
  return performance.now() - started;
}

async function copydeskSync(dir: string, count: number, merge: boolean): Promise<number> {
  const remote = bareRemote(dir, 'desk.git');
  const aRoot = path.join(dir, 'desk-a');
  writeArticles(aRoot, count);
  const a = await Workspace.open(aRoot, { watch: false, indexWriteDelayMs: 60_000 });
  await a.team.start({ remoteUrl: remote, name: 'Bench A', email: 'a@example.org' });
  await cloneWorkspace({ url: remote, folder: path.join(dir, 'desk-b'), name: 'Bench B', email: 'b@example.org' });
  const b = await Workspace.open(path.join(dir, 'desk-b'), { watch: false, indexWriteDelayMs: 60_000 });
  try {
    const half = Math.floor(count / 2);
    changeArticles(aRoot, 0, merge ? half : count, 'Changed by A');
    if (merge) {
      changeArticles(b.layout.root, half, count, 'Changed by B');
      await b.team.commitNow('b');
    }
    const started = performance.now();
    await a.team.sync();
    const result = await b.team.sync();
    const elapsed = performance.now() - started;
    if (result.received < (merge ? half : count)) throw new Error(`the sync brought ${result.received} files, not ${merge ? half : count}`);
    return elapsed;
  } finally {
    await a.close();
    await b.close();
  }
}

export async function teamFigures(): Promise<Figure[]> {
  const count = scaled(1000, 100);
  const figures: Figure[] = [];
  for (const merge of [false, true]) {
    const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-bench-team-'));
    try {
      const baseline = bareGitSync(dir, count, merge);
      const measured = await copydeskSync(dir, count, merge);
      figures.push({
        what: merge
          ? `team sync with a merge: ${(count / 2).toLocaleString('en-US')} articles changed on each side (send, then receive and merge)`
          : `team sync of ${count.toLocaleString('en-US')} changed articles between two clones (send, then receive)`,
        measured: measured / 1000,
        baseline: baseline / 1000,
        baselineLabel: merge ? 'git add, commit, push; git pull with a merge, bare' : 'git add, commit, push; git pull, bare',
        budget: null,
        unit: 's',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return figures;
}
