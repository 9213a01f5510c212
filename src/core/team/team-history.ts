/**
 * What git remembers of the articles: the commits that changed one (who, when, what), and
 * who last changed each, for the library.
 */
import type { Presence, TeamCommit } from '../../shared/team';
import type { GitCommand } from './git-command';
import * as repo from './team-repo';

/** The commits that changed `articles/<slug>.json` (following its earlier names), newest first. */
export async function articleCommits(git: GitCommand, slug: string, limit: number): Promise<TeamCommit[]> {
  if (!(await repo.headCommit(git))) return [];
  const out = await git.run(['log', '--follow', '-n', String(limit), '--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%s%x1e', '--', `articles/${slug}.json`]);
  return out
    .split('\x1e')
    .map((line) => line.trim().split('\x1f'))
    .filter((fields) => fields.length === 5)
    .map(([commit, by, email, at, message]) => ({ commit: commit!, by: by!, email: email!, at: at!, message: message! }));
}

/** Who last changed each article file, and when, from the latest commits. */
export async function lastChanges(git: GitCommand): Promise<Presence[]> {
  const out = await git.run(['log', '-n', '5000', '--no-renames', '--format=%x1e%an%x1f%aI', '--name-only', '-z', '--', 'articles']);
  const seen = new Map<string, Presence>();
  for (const record of out.split('\x1e')) {
    const [header, ...rest] = record.split('\n');
    const [by, at] = (header ?? '').split('\x1f');
    if (!by || !at) continue;
    for (const file of rest.join('\n').split('\0')) {
      const match = /^articles\/([^/]+)\.json$/.exec(file.trim());
      if (match && !seen.has(match[1]!)) seen.set(match[1]!, { slug: match[1]!, by, at });
    }
  }
  return [...seen.values()];
}
