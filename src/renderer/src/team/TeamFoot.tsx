/**
 * Team sync's place in the sidebar's foot: the remote, what waits to go out or come in,
 * when this copy last synced, and a Sync button; "Team sync…" in a workspace that is not
 * shared. Either opens the panel with the details and the Start and Clone flows.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { api } from '../api';
import { relativeTime } from '../format';
import { TeamPanel } from './TeamPanel';
import { AUTO_SYNC_MS, refreshTeam, syncTeam, useTeam } from './team-store';
import './Team.css';

export function TeamFoot({ onOpenArticle }: { onOpenArticle: (id: string) => void }) {
  const { status, syncing, error, autoSync } = useTeam();
  const [open, setOpen] = useState(false);
  const canSync = status?.mode === 'git' && !!status.remote;

  // Every few minutes when asked for; a failure shows at the foot like any other.
  useEffect(() => {
    if (!autoSync || !canSync) return;
    const timer = setInterval(() => void syncTeam(), AUTO_SYNC_MS);
    return () => clearInterval(timer);
  }, [autoSync, canSync]);

  useEffect(() => {
    void refreshTeam();
    const timer = setInterval(() => void refreshTeam(), 30_000);
    // Copydesk commits what happened (a status change, a decision): the counts follow shortly after.
    let soon: ReturnType<typeof setTimeout> | undefined;
    const off = api.on('library.changed', () => {
      clearTimeout(soon);
      soon = setTimeout(() => void refreshTeam(), 1500);
    });
    return () => {
      clearInterval(timer);
      clearTimeout(soon);
      off();
    };
  }, []);

  const git = status?.mode === 'git';
  const last = status?.lastSync;
  const problem = error ?? (last && !last.ok ? last.message : null);
  const offline = !!last && !last.ok && last.offline;
  const state = !git ? 'none' : syncing ? 'syncing' : offline ? 'offline' : problem ? 'failed' : 'ok';
  const summary = !status
    ? ''
    : !git
      ? status.gitVersion
        ? 'Not shared'
        : 'Team sync needs git'
      : [
          status.remote?.name ?? 'no remote',
          `↑${status.ahead} ↓${status.behind}`,
          offline ? 'offline' : problem ? 'last sync failed' : last ? `synced ${relativeTime(last.at)}` : 'never synced',
          ...(last?.ok && last.keptBoth.length ? [`${last.keptBoth.length} kept both ways`] : []),
        ].join(' · ');

  return (
    <div className={`team-foot team-foot--${state}`} data-testid="team-foot">
      <button
        type="button"
        className="link-button team-foot__status"
        title={problem ?? (git ? `${status?.remote?.url ?? ''} — ${status?.pending ?? 0} change(s) not committed yet` : 'Share this workspace with your team over git')}
        onClick={() => setOpen(true)}
      >
        <span className="team-foot__dot" aria-hidden="true" />
        {git ? summary : `${summary} · Team sync…`}
      </button>
      {git && status?.remote && (
        <button type="button" className="team-foot__sync" disabled={syncing} onClick={() => void syncTeam()}>
          {syncing ? 'Syncing…' : 'Sync'}
        </button>
      )}
      {open &&
        createPortal(
          <TeamPanel
            onClose={() => setOpen(false)}
            onOpenArticle={(id) => {
              setOpen(false);
              onOpenArticle(id);
            }}
          />,
          document.body,
        )}
    </div>
  );
}
