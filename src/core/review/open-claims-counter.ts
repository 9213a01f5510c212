/**
 * Keeps the library's "N claims open" current without anyone opening review mode: an
 * article saved, imported, changed on disk or moved to another status, one whose sources
 * changed, and at open every article with no count for its current text, is checked again
 * in the background. One article at a time, only once changes have settled, with a turn of
 * the event loop between two, so a save or a list call never waits behind a batch.
 */

export interface OpenClaimsCounterOptions {
  /** True when the article's open claims are not yet counted for its current revision. */
  needsCount: (id: string) => boolean;
  /** Checks the article; the check reports its count to the index on its own. */
  count: (id: string) => Promise<unknown>;
  /** How long after the last change a batch waits before it starts (saves come in bursts). */
  settleMs?: number;
  /** Pause between two articles of a batch, so calls to the host get their turn. */
  gapMs?: number;
}

export class OpenClaimsCounter {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private closed = false;
  private readonly settleMs: number;
  private readonly gapMs: number;
  private waiters: (() => void)[] = [];

  constructor(private readonly options: OpenClaimsCounterOptions) {
    this.settleMs = options.settleMs ?? 400;
    this.gapMs = options.gapMs ?? 4;
  }

  /** Counts these articles again once changes settle (those already counted for their revision are skipped). */
  schedule(ids: Iterable<string>): void {
    if (this.closed) return;
    for (const id of ids) this.pending.add(id);
    if (!this.pending.size) return;
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
      // A damaged or vanished article simply has no count.
      await this.options.count(id).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, this.gapMs));
    }
  }
}
