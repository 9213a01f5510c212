/**
 * One export at a time from a dialog: export.articles with its options, progress from the
 * export.progress events of these articles while it runs, then the host's summary (or
 * what went wrong). A dialog closed meanwhile drops the answer; the host finishes anyway.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResponse } from '../../../shared/contract';
import { api } from '../api';

export type ExportResult = ApiResponse<'export.articles'>;

export interface ExportOptions {
  ids: string[];
  zip: boolean;
  /** The written reason to go past the gate. */
  override?: string;
}

export type ExportRun =
  | { phase: 'idle' }
  | { phase: 'running'; ids: string[]; done: number; last: { articleId: string; outcome: 'exported' | 'refused' | 'failed' } | null }
  | { phase: 'done'; ids: string[]; result: ExportResult; override: string | undefined }
  | { phase: 'error'; ids: string[]; message: string };

export function useExportRun() {
  const [run, setRun] = useState<ExportRun>({ phase: 'idle' });
  const runNumber = useRef(0);
  const unsubscribe = useRef<(() => void) | null>(null);

  const stopListening = useCallback(() => {
    unsubscribe.current?.();
    unsubscribe.current = null;
  }, []);
  useEffect(
    () => () => {
      runNumber.current += 1;
      stopListening();
    },
    [stopListening],
  );

  const start = useCallback(async ({ ids, zip, override }: ExportOptions) => {
    const mine = ++runNumber.current;
    const wanted = new Set(ids);
    stopListening();
    setRun({ phase: 'running', ids, done: 0, last: null });
    unsubscribe.current = api.on('export.progress', (progress) => {
      if (mine !== runNumber.current || !wanted.has(progress.articleId)) return;
      setRun((now) =>
        now.phase === 'running' && progress.done > now.done
          ? { ...now, done: progress.done, last: { articleId: progress.articleId, outcome: progress.outcome } }
          : now,
      );
    });
    try {
      const result = await api.export.articles({ ids, zip, ...(override ? { override } : {}) });
      if (mine !== runNumber.current) return;
      setRun({ phase: 'done', ids, result, override });
    } catch (error) {
      if (mine !== runNumber.current) return;
      setRun({ phase: 'error', ids, message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (mine === runNumber.current) stopListening();
    }
  }, [stopListening]);

  const reset = useCallback(() => {
    runNumber.current += 1;
    stopListening();
    setRun({ phase: 'idle' });
  }, [stopListening]);

  return { run, start, reset };
}
