import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEEP_NEWEST, settledVersionsToDrop } from '../../../../src/core/articles/version-thinning';
import { Workspace } from '../../../../src/core/workspace/workspace';
import { bodyOf, tempDir } from '../../../helpers/temp';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const stamp = (at: number): string => new Date(at).toISOString().replace(/[-:.]/g, '');
const name = (at: number, kind = 'settled'): string => `${stamp(at)}-${kind}.json`;

describe('which settled versions thin out', () => {
  it('keeps every one of the last day, the newest of each day for a month, of each week beyond', () => {
    const names: string[] = [];
    // Every 3 minutes over 8-hour days for 60 days: 160 a day.
    for (let day = 0; day < 60; day++) for (let minute = 0; minute < 8 * 60; minute += 3) names.push(name(NOW - day * DAY - 2 * HOUR - minute * 60 * 1000));
    const dropped = new Set(settledVersionsToDrop(names, NOW));
    const kept = names.filter((n) => !dropped.has(n));
    // Today's 160 all stay (all younger than a day), then about one a day for 29 days, then one a week.
    expect(kept.length).toBeGreaterThanOrEqual(160 + 28);
    expect(kept.length).toBeLessThanOrEqual(160 + 30 + 6);
    expect(kept).toContain(names[0]);
    // The one kept of an older day is its newest.
    const tenDaysAgo = names.filter((n) => kept.includes(n) && n.startsWith(stamp(NOW - 10 * DAY).slice(0, 8)));
    expect(tenDaysAgo).toEqual([name(NOW - 10 * DAY - 2 * HOUR)]);
  });

  it('never drops the newest few, nor versions kept for any other reason', () => {
    const old = Array.from({ length: KEEP_NEWEST + 5 }, (_, i) => name(NOW - 100 * DAY - i * 60 * 1000));
    const others = ['on-disk', 'on-screen', 'before-status', 'before-restore', 'sync-theirs'].flatMap((kind) => [name(NOW - 90 * DAY, kind), name(NOW - 90 * DAY + 1000, kind)]);
    const dropped = settledVersionsToDrop([...old, ...others], NOW);
    expect(dropped).toEqual(old.slice(KEEP_NEWEST));
    expect(settledVersionsToDrop(['notes.txt', 'garbled-settled.json'], NOW)).toEqual([]);
  });
});

describe('thinning as versions are kept', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await cleanup?.();
  });

  it('removes the old settled versions of a day when a new one is kept, and leaves the rest', async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    const ws = await Workspace.open(t.dir, { watch: false });
    try {
      const created = await ws.articles.create({ headline: 'Harbour talks' });
      await ws.articles.save({ id: created.id, baseRevision: created.revision, body: bodyOf('Negotiators met on Monday.') });
      const folder = path.join(t.dir, '.copydesk', 'history', created.id);
      await mkdir(folder, { recursive: true });
      // Twenty settled versions from one afternoon five days ago, and a conflict copy.
      const fiveDaysAgo = Math.floor((Date.now() - 5 * DAY) / DAY) * DAY + 15 * HOUR;
      const planted = Array.from({ length: 20 }, (_, i) => name(fiveDaysAgo - i * 3 * 60 * 1000));
      for (const file of [...planted, name(fiveDaysAgo - HOUR, 'on-disk')]) await writeFile(path.join(folder, file), '{"meta":{},"body":null,"extra":"kept as is"}');
      expect(await ws.articles.keepSettled(created.id)).toEqual({ kept: true });

      const left = await readdir(folder);
      expect(left).toHaveLength(KEEP_NEWEST + 1);
      // The newest ten stay whatever their age; the older ones of that day go (its newest is among the ten).
      expect(left).toEqual(expect.arrayContaining([...planted.slice(0, KEEP_NEWEST - 1), name(fiveDaysAgo - HOUR, 'on-disk')]));
      expect(left.filter((f) => f.endsWith('-settled.json'))).toHaveLength(KEEP_NEWEST);
    } finally {
      await ws.close();
    }
  });
});
