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
    private readonly settleMs = 80,
  ) {}

  start(): void {
    this.watcher = watch(this.folder, { persistent: false }, (_event, name) => {
      if (!name || !this.accept(name)) return;
      this.pending.add(name);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.emit(), this.settleMs);
    });
    this.watcher.on('error', () => {
      // The folder went away (workspace deleted or unmounted); nothing more to watch.
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
