/**
 * Keeps the library's "N claims open" current without anyone opening review mode: an
 * article saved, imported, changed on disk or moved to another status, one whose sources
 * changed, and at open every article with no count for its current text, is checked again
 * in the background. One article at a time, only once changes have settled and the host
 * has had no call for a moment (someone typing a search or a text is never kept waiting
 * behind a batch), with a pause between two.
 */

/** The longest an article waits for the host to be quiet. */
const MAX_WAIT_MS = 2_000;

export interface OpenClaimsCounterOptions {
  /** True when the article's open claims are not yet counted for its current revision. */
  needsCount: (id: string) => boolean;
  /** Checks the article; the check reports its count to the index on its own. */
  count: (id: string) => Promise<unknown>;
  /** How long after the last change a batch waits before it starts (saves come in bursts). */
  settleMs?: number;
  /** Pause between two articles of a batch, so calls to the host get their turn. */
  gapMs?: number;
  /** How long the host must have had no call before the next article is counted. */
  quietMs?: number;
}

export class OpenClaimsCounter {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private closed = false;
  private readonly settleMs: number;
  private readonly gapMs: number;
  private readonly quietMs: number;
  private lastCall = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly options: OpenClaimsCounterOptions) {
    this.settleMs = options.settleMs ?? 400;
    this.gapMs = options.gapMs ?? 4;
    this.quietMs = options.quietMs ?? 250;
  }

  /** The host is answering a call: counting waits until calls stop for a moment. */
  busy(): void {
    this.lastCall = performance.now();
  }

  /** Counts these articles again once changes settle (those already counted for their revision are skipped). */
  schedule(ids: Iterable<string>): void {
    if (this.closed) return;
    const before = this.pending.size;
    for (const id of ids) this.pending.add(id);
    // Nothing new (an article just counted tells the library, which comes back here): the batch goes on.
    if (this.pending.size === before && (this.running || this.timer || !before)) return;
    // A new change pushes the batch back: counting waits for a quiet moment.
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running ??= this.drain().finally(() => {
        this.running = null;
        if (this.pending.size && !this.closed) this.schedule([]);
        else this.settle();
      });
    }, this.settleMs);
  }

  /** Resolves once nothing is waiting to be counted (tests, benchmarks). */
  idle(): Promise<void> {
    if (!this.pending.size && !this.running && !this.timer) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops counting; an article being checked is finished. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    await this.running;
    this.settle();
  }

  private settle(): void {
    if (this.pending.size || this.running || this.timer) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private async drain(): Promise<void> {
    for (const id of this.pending) {
      if (this.closed || this.timer) return; // closed, or a newer change asked for a quiet moment again
      this.pending.delete(id);
      if (!this.options.needsCount(id)) continue;
      // Never starved for good: after a couple of seconds of calls, the count goes ahead.
      const giveUp = performance.now() + MAX_WAIT_MS;
      for (let wait = this.quietMs - (performance.now() - this.lastCall); wait > 0 && performance.now() < giveUp; wait = this.quietMs - (performance.now() - this.lastCall)) {
        await new Promise((resolve) => setTimeout(resolve, wait));
        if (this.closed) return;
      }
      // A damaged or vanished article simply has no count.
      await this.options.count(id).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, this.gapMs));
    }
  }
}
