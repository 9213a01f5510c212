/**
 * The team sync panel: in a shared workspace, the remote, the counts, who commits, the last
 * sync and the articles whose versions were both kept; in one that is not, the two ways in:
 * "Start team sync" (this workspace becomes a git repository, pushed to a remote) and
 * "Clone a workspace" (a copy of a shared one, in a new folder). Failures say what to do.
 */
import { useState, type FormEvent } from 'react';
import type { KeptBothFile } from '../../../shared/team';
import { commandById, shortcutLabel } from '../../../shared/commands';
import { api } from '../api';
import { relativeTime } from '../format';
import { Dialog } from '../shell/Dialog';
import { IN_DESKTOP, IS_MAC } from '../shell/command-registry';
import { setAutoSync, setTeamStatus, syncTeam, useTeam } from './team-store';
import './Team.css';

interface TeamPanelProps {
  onClose: () => void;
  onOpenArticle: (id: string) => void;
}

export function TeamPanel({ onClose, onOpenArticle }: TeamPanelProps) {
  const { status, syncing, result, error, autoSync } = useTeam();
  const git = status?.mode === 'git';
  return (
    <Dialog title="Team sync" subtitle={git ? 'This workspace is shared over git.' : 'Share this workspace with your desk over git.'} onClose={onClose} className="team-panel">
      {!status && <p className="muted">Reading the workspace’s team status…</p>}
      {status && !status.gitVersion && (
        <p className="banner banner--warning" role="alert">
          Team sync needs git, and none was found on this computer. Install git (git-scm.com/downloads), then open Copydesk again. Your workspace works as before meanwhile.
        </p>
      )}
      {status && git && (
        <>
          {error && (
            <p className="banner banner--warning" role="alert">
              {error}
            </p>
          )}
          <dl className="team-panel__facts">
            <dt>Remote</dt>
            <dd>{status.remote ? `${status.remote.name} — ${status.remote.url}` : 'none yet: connect one below'}</dd>
            <dt>Branch</dt>
            <dd>{status.branch ?? '—'}</dd>
            <dt>You commit as</dt>
            <dd>{status.user ? `${status.user.name} <${status.user.email}>` : '—'}</dd>
            <dt>To send</dt>
            <dd>{status.ahead === 0 ? 'nothing' : `${status.ahead} commit${status.ahead === 1 ? '' : 's'}`}{status.pending ? `, and ${status.pending} changed file${status.pending === 1 ? '' : 's'} to commit` : ''}</dd>
            <dt>To receive</dt>
            <dd>{status.behind === 0 ? 'nothing, as of the last sync' : `${status.behind} commit${status.behind === 1 ? '' : 's'}`}</dd>
            <dt>Last sync</dt>
            <dd data-testid="team-last-sync">
              {status.lastSync ? (
                <>
                  <span title={status.lastSync.at}>{relativeTime(status.lastSync.at)}</span>: {status.lastSync.ok ? status.lastSync.message : <strong>{status.lastSync.offline ? 'offline' : 'failed'}</strong>}
                </>
              ) : (
                'never'
              )}
            </dd>
          </dl>
          {status.lastSync && !status.lastSync.ok && !error && <p className="banner banner--warning">{status.lastSync.message}</p>}
          <KeptBoth kept={result?.keptBoth ?? status.lastSync?.keptBoth ?? []} onOpenArticle={onOpenArticle} />
          <div className="team-panel__actions">
            <label className="team-panel__auto">
              <input type="checkbox" checked={autoSync} disabled={!status.remote} onChange={(e) => setAutoSync(e.target.checked)} />
              Sync every 5 minutes while Copydesk is open
            </label>
            <button type="button" className="primary" disabled={syncing || !status.remote} onClick={() => void syncTeam()}>
              {syncing ? 'Syncing…' : 'Sync now'}
            </button>
          </div>
          {!status.remote && <StartForm connectOnly />}
        </>
      )}
      {status && !git && status.gitVersion && (
        <>
          <StartForm />
          <CloneForm />
        </>
      )}
    </Dialog>
  );
}

function KeptBoth({ kept, onOpenArticle }: { kept: KeptBothFile[]; onOpenArticle: (id: string) => void }) {
  if (kept.length === 0) return null;
  return (
    <section className="team-panel__kept" aria-label="Changed on both sides">
      <h3>Changed on both sides: both versions kept</h3>
      <ul>
        {kept.map((k) => (
          <li key={k.file}>
            <strong>{k.headline}</strong> — both changed {k.fields.map(fieldName).join(', ')}. Yours stays in the article; the other version is in its Versions (and in the team’s history).
            {k.articleId && (
              <>
                {' '}
                <button type="button" className="link-button" onClick={() => onOpenArticle(k.articleId!)}>
                  Open
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `meta.headline` → "the headline"; `review.decisions[…]` → "a review decision". */
function fieldName(field: string): string {
  if (field.startsWith('meta.')) return `the ${field.slice(5)}`;
  if (field.startsWith('review.decisions')) return 'a review decision';
  if (field === 'body') return 'the same paragraphs';
  return field;
}

function StartForm({ connectOnly = false }: { connectOnly?: boolean }) {
  const [remoteUrl, setRemoteUrl] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      setTeamStatus(await api.team.start({ remoteUrl: remoteUrl.trim() || undefined, name: name.trim() || undefined, email: email.trim() || undefined }));
      // The name commits carry is the one decisions and status changes are signed with, unless one is set already.
      if (name.trim() && !(await api.workspace.settings({})).reviewerName) await api.workspace.updateSettings({ reviewerName: name.trim() });
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="team-panel__form" onSubmit={(e) => void submit(e)} aria-label={connectOnly ? 'Connect a remote' : 'Start team sync'}>
      <h3>{connectOnly ? 'Connect a remote' : 'Start team sync'}</h3>
      <p className="muted">
        {connectOnly
          ? 'The shared repository this workspace syncs with.'
          : 'This workspace becomes a git repository. Each person works in their own copy; Copydesk commits what happens and syncs with the remote.'}
      </p>
      <label>
        Remote address {connectOnly ? '' : <span className="muted">(optional: you can connect one later)</span>}
        <input value={remoteUrl} onChange={(e) => setRemoteUrl(e.target.value)} placeholder="git@forge.example:desk/copydesk.git, https://…, or /Volumes/Shared/desk.git" required={connectOnly} />
      </label>
      {!connectOnly && (
        <div className="team-panel__row">
          <label>
            Your name
            <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
          </label>
          <label>
            Your email
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
          </label>
        </div>
      )}
      {problem && (
        <p className="banner banner--warning" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Working…' : connectOnly ? 'Connect' : 'Start team sync'}
      </button>
    </form>
  );
}

function CloneForm() {
  const [url, setUrl] = useState('');
  const [folder, setFolder] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const { path } = await api.team.clone({ url: url.trim(), folder: folder.trim(), name: name.trim() || undefined, email: email.trim() || undefined });
      setDone(path);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="team-panel__form" onSubmit={(e) => void submit(e)} aria-label="Clone a workspace">
      <h3>Clone a workspace</h3>
      <p className="muted">A copy of a shared workspace, in a new folder on this computer.</p>
      <label>
        Remote address
        <input value={url} onChange={(e) => setUrl(e.target.value)} required />
      </label>
      <label>
        New folder
        <input value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="~/Desk/copydesk-team" required />
      </label>
      <div className="team-panel__row">
        <label>
          Your name
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
        </label>
        <label>
          Your email
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
        </label>
      </div>
      {problem && (
        <p className="banner banner--warning" role="alert">
          {problem}
        </p>
      )}
      {done && (
        <p className="banner" role="status">
          Cloned into {done}.{' '}
          {IN_DESKTOP ? (
            <>Open it with File → Open Workspace… ({shortcutLabel(commandById('open-workspace').accelerator, IS_MAC)}): it opens in a window of its own.</>
          ) : (
            <>
              This page serves one workspace; to work in the copy, start browser mode on it: <code>npm run web -- --workspace {done}</code>
            </>
          )}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Cloning…' : 'Clone'}
      </button>
    </form>
  );
}
