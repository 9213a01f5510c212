/**
 * Export of one article, from its Article ▾ menu: the gate's verdict first, the options
 * (a .zip too; past the gate only with a written reason), a preview of the bundle's page,
 * then where the bundle went, or why it did not.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../api';
import { statusLabel } from '../format';
import { Dialog } from '../shell/Dialog';
import { TabList } from '../shell/TabList';
import { ArticleExportSummary } from './ArticleExportSummary';
import { headlineOrUntitled } from './batch-selection';
import { BundlePreview } from './BundlePreview';
import type { GateApproval, GateProblem } from './gate-advice';
import { GateVerdict } from './GateVerdict';
import { OverrideReason } from './OverrideReason';
import { useExportRun } from './use-export-run';
import './Export.css';

const TABS = [
  { key: 'export', label: 'Export' },
  { key: 'preview', label: 'Preview' },
] as const;
type Tab = (typeof TABS)[number]['key'];

const problemCount = (n: number) => (n === 1 ? '1 problem' : `${n} problems`);

type Loaded<T> = { value: T | null; error: string | null };
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function ArticleExportDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const [tab, setTab] = useState<Tab>('export');
  const [article, setArticle] = useState<{ headline: string; status: string; slug: string } | null>(null);
  const [gate, setGate] = useState<Loaded<GateProblem[]>>({ value: null, error: null });
  const [approval, setApproval] = useState<GateApproval | null>(null);
  const [preview, setPreview] = useState<Loaded<string>>({ value: null, error: null });
  const [zip, setZip] = useState(false);
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const { run, start, reset } = useExportRun();
  const doneButton = useRef<HTMLButtonElement>(null);
  const domId = useId();

  useEffect(() => {
    let live = true;
    api.articles.get({ id }).then(
      (a) => live && setArticle({ headline: a.meta.headline, status: statusLabel(a.meta.status), slug: a.slug }),
      () => undefined,
    );
    api.export.gate({ id }).then(
      (g) => {
        if (!live) return;
        setGate({ value: g.problems, error: null });
        setApproval(g.approval ?? null);
      },
      (e: unknown) => live && setGate({ value: null, error: message(e) }),
    );
    api.export.preview({ id }).then(
      (p) => live && setPreview({ value: p.html, error: null }),
      (e: unknown) => live && setPreview({ value: null, error: message(e) }),
    );
    // The first tab, not the close button, takes focus once the dialog is open.
    const frame = requestAnimationFrame(() => document.getElementById(`${domId}-${TABS[0].key}`)?.focus());
    return () => {
      live = false;
      cancelAnimationFrame(frame);
    };
  }, [id, domId]);

  const headline = headlineOrUntitled(article?.headline);
  const problems = gate.value;
  const pastGate = (problems?.length ?? 0) > 0;
  const running = run.phase === 'running';

  const submit = () => {
    if (running) return;
    if (pastGate && !reason.trim()) {
      setMissingReason(true);
      return;
    }
    void start({ ids: [id], zip, ...(pastGate ? { override: reason.trim() } : {}) });
  };


  const finished = run.phase === 'done' || run.phase === 'error';
  // The outcome is announced (a status); focus goes to Done, the next thing to press.
  useEffect(() => {
    if (finished) doneButton.current?.focus();
  }, [finished]);
  return (
    <Dialog
      title="Export article"
      subtitle={article ? `“${headline}” · ${article.status}` : '…'}
      label={`Export “${headline}”`}
      onClose={onClose}
      className={`export-dialog export-dialog--article${tab === 'preview' ? ' export-dialog--previewing' : ''}`}
    >
      <TabList
        tabs={TABS.map((t) => ({
          ...t,
          // Named in words: the tab reads "Export 18 problems", not "Export18".
          extra:
            t.key === 'export' && pastGate ? (
              <span className="export-tabs__count" title="Problems the gate found" role="img" aria-label={problemCount(problems?.length ?? 0)}>
                {problems?.length}
              </span>
            ) : undefined,
        }))}
        selected={tab}
        onSelect={setTab}
        label="Export"
        idBase={domId}
        className="export-tabs"
      />
      <div role="tabpanel" id={`${domId}-panel`} aria-labelledby={`${domId}-${tab}`} className="export-panel">
        {tab === 'preview' && <BundlePreview html={preview.value} error={preview.error} headline={headline} />}
        {tab === 'export' && finished && (
          <>
            <ArticleExportSummary run={run} headline={headline} />
            <div className="export-buttons">
              <button type="button" onClick={reset}>
                Back to the options
              </button>
              <button ref={doneButton} type="button" className="primary" onClick={onClose}>
                Done
              </button>
            </div>
          </>
        )}
        {tab === 'export' && !finished && (
          <form
            className="export-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <GateVerdict problems={problems} error={gate.error} approval={approval} />
            <fieldset className="export-options" disabled={running}>
              <legend>Options</legend>
              <label className="export-check">
                <input type="checkbox" checked={zip} onChange={(e) => setZip(e.target.checked)} />
                Also write a .zip of the bundle
              </label>
              <p className="export-options__where">
                Written to <code>exports/{article?.slug ?? '…'}/</code> in the workspace; an earlier export of this article is replaced.
              </p>
            </fieldset>
            {pastGate && (
              <OverrideReason
                value={reason}
                focusOnShow
                disabled={running}
                missing={missingReason && !reason.trim()}
                onChange={(value) => {
                  setReason(value);
                  if (value.trim()) setMissingReason(false);
                }}
              />
            )}
            <div className="export-buttons">
              <button type="button" onClick={onClose}>
                Cancel
              </button>
              <button type="submit" className={pastGate ? 'export-anyway' : 'primary'} disabled={running || (!problems && !gate.error) || (pastGate && !reason.trim())}>
                {running ? 'Exporting…' : pastGate ? 'Export anyway' : 'Export'}
              </button>
            </div>
          </form>
        )}
      </div>
    </Dialog>
  );
}
