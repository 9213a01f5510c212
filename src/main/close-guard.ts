/**
 * Closing a window (or quitting, or the system ending the session) never drops edits.
 * The page holds back its unload while an article has edits not yet written, and starts
 * writing them at that moment (use-autosave's `beforeunload`). Electron then reports
 * `will-prevent-unload`; this guard keeps the window open and tries the close again a
 * moment later, until the page lets go (the save went through: the window closes) or a
 * few seconds have passed (the save failed: the page says why). Only then is the person
 * asked, with Stay as the default; "Close anyway" is the one way edits are given up.
 *
 * A state machine over injected effects, so it is tested without Electron.
 */

export const CLOSE_RETRY_MS = 150;
export const CLOSE_PATIENCE_MS = 5_000;

export interface CloseGuardEffects {
  /** Calls `close()` on the window again. */
  retryClose: () => void;
  /** Asks whether to close over unsaved edits; true for "Close anyway". */
  askCloseAnyway: () => boolean;
  /** The person chose to stay: a quit in progress is called off. */
  stayed: () => void;
  setTimer: (run: () => void, ms: number) => unknown;
  now: () => number;
}

export class CloseGuard {
  private waitingSince: number | null = null;
  private retryPending = false;

  constructor(private readonly effects: CloseGuardEffects) {}

  /**
   * The page held back an unload. Returns true to let the window close anyway (the caller
   * then calls `event.preventDefault()`, which in Electron lets the unload go ahead).
   */
  onUnloadBlocked(): boolean {
    const now = this.effects.now();
    if (this.waitingSince === null) this.waitingSince = now;
    if (now - this.waitingSince < CLOSE_PATIENCE_MS) {
      this.scheduleRetry();
      return false;
    }
    this.waitingSince = null;
    if (this.effects.askCloseAnyway()) return true;
    this.effects.stayed();
    return false;
  }

  /** Whether a close is being retried while the page saves. */
  get waiting(): boolean {
    return this.waitingSince !== null;
  }

  private scheduleRetry(): void {
    if (this.retryPending) return;
    this.retryPending = true;
    this.effects.setTimer(() => {
      this.retryPending = false;
      this.effects.retryClose();
    }, CLOSE_RETRY_MS);
  }
}
