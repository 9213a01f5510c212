/**
 * Watches one folder for files changed by other programs and reports the names touched,
 * a burst at a time. Renames, saves through temp files and deletes all arrive as names;
 * the workspace decides what happened by looking at the disk.
 */
import { watch, type FSWatcher } from 'node:fs';

export class FolderWatcher {
  private watcher: FSWatcher | undefined;
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly folder: string,
    private readonly accept: (name: string) => boolean,
    private readonly onNames: (names: Set<string>) => void,
    /** Told why watching stopped or could not start (the workspace still works without it). */
    private readonly onProblem: (problem: string) => void = () => undefined,
    private readonly settleMs = 80,
  ) {}

  start(): void {
    try {
      this.watcher = watch(this.folder, { persistent: false }, (_event, name) => {
        if (!name || !this.accept(name)) return;
        this.pending.add(name);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.emit(), this.settleMs);
      });
    } catch (error) {
      // ENOSPC (the system's watch limit) or EMFILE: work on, without live updates.
      this.onProblem(`changes by other programs are not watched (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return;
    }
    this.watcher.on('error', (error: NodeJS.ErrnoException) => {
      this.onProblem(`watching stopped (${error.code ?? error.message})`);
      this.stop();
    });
  }

  private emit(): void {
    const names = this.pending;
    this.pending = new Set();
    if (names.size) this.onNames(names);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }
}
