/**
 * Closing over unsaved edits, as the close guard decides it: a clock and a timer list
 * stand in for Electron's event loop (no Electron binary here).
 */
import { describe, expect, it } from 'vitest';
import { CLOSE_PATIENCE_MS, CLOSE_RETRY_MS, CloseGuard } from '../../../src/main/close-guard';

function harness(answer: 'close' | 'stay') {
  let now = 0;
  const timers: Array<{ at: number; run: () => void }> = [];
  const log: string[] = [];
  const guard = new CloseGuard({
    retryClose: () => void log.push('retry'),
    askCloseAnyway: () => {
      log.push('ask');
      return answer === 'close';
    },
    stayed: () => void log.push('stayed'),
    setTimer: (run, ms) => timers.push({ at: now + ms, run }),
    now: () => now,
  });
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.splice(0).filter((t) => t.at <= now)) timer.run();
  };
  return { guard, log, advance, timers };
}

describe('closing a window over unsaved edits', () => {
  it('keeps the window open and tries again while the page saves; a save that goes through closes it without a question', () => {
    const { guard, log, advance } = harness('stay');
    expect(guard.onUnloadBlocked()).toBe(false);
    expect(guard.waiting).toBe(true);
    advance(CLOSE_RETRY_MS);
    expect(log).toEqual(['retry']);
    // The page is still writing: blocked again, retried again, never asked.
    expect(guard.onUnloadBlocked()).toBe(false);
    advance(CLOSE_RETRY_MS);
    expect(log).toEqual(['retry', 'retry']);
    // The next retry finds nothing unsaved: Electron closes the window and the guard is never asked again.
  });

  it('asks only once the save has kept failing, and stays (calling off a quit) unless told to close', () => {
    const { guard, log, advance } = harness('stay');
    guard.onUnloadBlocked();
    for (let t = 0; t < CLOSE_PATIENCE_MS; t += CLOSE_RETRY_MS) {
      advance(CLOSE_RETRY_MS);
      if (t + CLOSE_RETRY_MS < CLOSE_PATIENCE_MS) expect(guard.onUnloadBlocked()).toBe(false);
    }
    expect(log).not.toContain('ask');
    expect(guard.onUnloadBlocked()).toBe(false);
    expect(log.slice(-2)).toEqual(['ask', 'stayed']);
    expect(guard.waiting).toBe(false);
  });

  it('closes over the failed save only on Close anyway', () => {
    const { guard, advance } = harness('close');
    guard.onUnloadBlocked();
    advance(CLOSE_PATIENCE_MS);
    expect(guard.onUnloadBlocked()).toBe(true);
  });

  it('never piles up retries when the page blocks several times in a row', () => {
    const { guard, timers } = harness('stay');
    guard.onUnloadBlocked();
    guard.onUnloadBlocked();
    guard.onUnloadBlocked();
    expect(timers).toHaveLength(1);
  });
});
