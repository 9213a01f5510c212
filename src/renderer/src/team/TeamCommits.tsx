/**
 * An article's commits in the team's history (git mode), in the versions dialog: when,
 * who, and what happened ("Approve: …"). Nothing in a workspace that is not shared.
 */
import { useEffect, useState } from 'react';
import type { TeamCommit } from '../../../shared/team';
import { api } from '../api';
import { relativeTime } from '../format';
import './Team.css';

export function TeamCommits({ id }: { id: string }) {
  const [commits, setCommits] = useState<TeamCommit[] | null>(null);
  useEffect(() => {
    let live = true;
    api.team.history({ id }).then(
      ({ commits: found }) => live && setCommits(found),
      () => live && setCommits([]),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (!commits || commits.length === 0) return null;
  return (
    <section className="team-commits" aria-label="In the team’s history">
      <h3>In the team’s history</h3>
      <ol className="team-commits__list">
        {commits.map((c) => (
          <li key={c.commit} className="team-commits__item">
            <span className="team-commits__when" title={c.at}>
              {new Date(c.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })} <span className="muted">· {relativeTime(c.at)}</span>
            </span>
            <span className="team-commits__who" title={c.email}>
              {c.by}
            </span>
            <span className="team-commits__what">{c.message}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
