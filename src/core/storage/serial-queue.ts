/**
 * One thing at a time: saves, renames and the watcher's rescans of a workspace run in the
 * order they were asked for and never interleave. A task that fails does not stop the next.
 */
import { ApiError } from '../../shared/errors';
import { holdWriteLock } from './write-lock';

export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /**
   * `readOnly` is the workspace's mode: a queue of a read-only workspace refuses every
   * task that would change a file (`change`), before it is queued.
   */
  constructor(
    private readonly readOnly = false,
    /**
     * A lock file every Copydesk process on the workspace takes around a change (the app
     * and the copydesk command beside it), so a check of a file's revision and the write
     * after it are never split by another Copydesk's write.
     */
    private readonly writeLock: string | null = null,
  ) {}

  /** False for the queue of a read-only workspace. */
  get writable(): boolean {
    return !this.readOnly;
  }

  /** Runs `task` after every task queued before it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.catch(() => undefined).then(task);
    this.tail = run;
    return run;
  }

  /** Like `run`, for a task that changes files: refused when the workspace is read-only. */
  change<T>(task: () => Promise<T>): Promise<T> {
    if (this.readOnly) return Promise.reject(new ApiError('read-only', 'This workspace was opened read-only; nothing can be changed.'));
    const lock = this.writeLock;
    return this.run(lock ? () => holdWriteLock(lock, task) : task);
  }

  /** Resolves once every task queued so far has settled. */
  async idle(): Promise<void> {
    await this.tail.catch(() => undefined);
  }
}
