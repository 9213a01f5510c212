/**
 * When the review check runs as the writer types: a moment after the last edit (a pause,
 * not every keystroke), never two at once (an edit made while one is out waits for it),
 * and an answer about text that has changed since it was asked for is dropped.
 */

export interface CheckScheduler {
  /** The text changed: check it once typing pauses; an answer on its way is now stale. */
  changed: () => void;
  /** Check now (on opening, after a decision); an answer on its way is now stale. */
  now: () => void;
  /** No more checks; an answer on its way is dropped. */
  stop: () => void;
}

interface SchedulerOptions<T> {
  /** The pause after the last edit before a check starts. */
  delayMs: number;
  /** Asks for a check of the text as it is when called. */
  run: () => Promise<T>;
  onResult: (result: T) => void;
  onError: (error: unknown) => void;
  /** True while a check is out. */
  onBusy: (busy: boolean) => void;
}

export function createCheckScheduler<T>({ delayMs, run, onResult, onError, onBusy }: SchedulerOptions<T>): CheckScheduler {
  /** Bumped by every change: an answer asked for under an older number is stale. */
  let generation = 0;
  let inFlight = false;
  /** A check was asked for while one was out: it starts when that one is back. */
  let queued = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const start = async () => {
    timer = undefined;
    if (stopped) return;
    if (inFlight) {
      queued = true;
      return;
    }
    inFlight = true;
    const asked = generation;
    onBusy(true);
    try {
      const result = await run();
      if (asked === generation && !stopped) onResult(result);
    } catch (error) {
      if (asked === generation && !stopped) onError(error);
    } finally {
      inFlight = false;
      if (queued && !stopped) {
        queued = false;
        void start();
      } else if (!stopped) {
        onBusy(false);
      }
    }
  };

  return {
    changed() {
      generation += 1;
      clearTimeout(timer);
      timer = setTimeout(() => void start(), delayMs);
    },
    now() {
      generation += 1;
      clearTimeout(timer);
      void start();
    },
    stop() {
      stopped = true;
      generation += 1;
      clearTimeout(timer);
    },
  };
}
