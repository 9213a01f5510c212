/**
 * The open article's review check, kept current while review mode is on: checked on
 * opening, again 300 ms after typing pauses (the body on screen, unsaved edits included),
 * and after each decision. One check at a time; stale answers are dropped.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LexicalBody, ReviewDecision } from '../../../shared/article';
import type { ReviewCheck } from '../../../shared/review';
import { api } from '../api';
import { withDecision } from './claim-status';
import { createCheckScheduler, type CheckScheduler } from './check-scheduler';

export const CHECK_PAUSE_MS = 300;

export interface ReviewCheckState {
  check: ReviewCheck | null;
  /** True while a check is out. */
  checking: boolean;
  error: string | null;
  /** The body changed: check again once typing pauses. */
  bodyChanged: () => void;
  /** Check again now. */
  recheck: () => void;
  /** Shows a decision at once, before the next check confirms it. */
  showDecision: (claimId: string, decision: ReviewDecision | null) => void;
}

export function useReviewCheck(id: string, enabled: boolean, readBody: () => LexicalBody | undefined): ReviewCheckState {
  const [check, setCheck] = useState<ReviewCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scheduler = useRef<CheckScheduler | null>(null);
  const readBodyRef = useRef(readBody);
  useEffect(() => {
    readBodyRef.current = readBody;
  }, [readBody]);

  useEffect(() => {
    if (!enabled) return;
    const next = createCheckScheduler({
      delayMs: CHECK_PAUSE_MS,
      run: () => {
        const body = readBodyRef.current();
        return api.review.check({ id, ...(body ? { body } : {}) });
      },
      onResult: (result) => {
        setCheck(result);
        setError(null);
      },
      onError: (reason) => setError(reason instanceof Error ? reason.message : String(reason)),
      onBusy: setChecking,
    });
    scheduler.current = next;
    next.now();
    return () => {
      next.stop();
      scheduler.current = null;
      setChecking(false);
    };
  }, [enabled, id]);

  const bodyChanged = useCallback(() => scheduler.current?.changed(), []);
  const recheck = useCallback(() => scheduler.current?.now(), []);
  const showDecision = useCallback((claimId: string, decision: ReviewDecision | null) => {
    setCheck((current) => (current ? withDecision(current, claimId, decision) : current));
  }, []);

  return useMemo(() => ({ check, checking, error, bodyChanged, recheck, showDecision }), [check, checking, error, bodyChanged, recheck, showDecision]);
}
