/**
 * The review check as the writer types: one check a pause after the last edit, never two
 * at once, and an answer about text that changed since it was asked for dropped.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCheckScheduler } from '../../../../src/renderer/src/review/check-scheduler';

interface Asked {
  text: string;
  resolve: (value: string) => void;
}

function setUp() {
  let text = 'v0';
  const asked: Asked[] = [];
  const results: string[] = [];
  const busy: boolean[] = [];
  const scheduler = createCheckScheduler<string>({
    delayMs: 300,
    run: () => new Promise<string>((resolve) => asked.push({ text, resolve })),
    onResult: (result) => results.push(result),
    onError: () => undefined,
    onBusy: (value) => busy.push(value),
  });
  return { scheduler, asked, results, busy, type: (next: string) => ((text = next), scheduler.changed()) };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('the check scheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks once, 300 ms after the last keystroke', async () => {
    const { asked, type } = setUp();
    type('a');
    await vi.advanceTimersByTimeAsync(200);
    type('ab');
    await vi.advanceTimersByTimeAsync(200);
    type('abc');
    await vi.advanceTimersByTimeAsync(299);
    expect(asked).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked.map((a) => a.text)).toEqual(['abc']);
  });

  it('never has two checks out, and drops the answer about text typed over meanwhile', async () => {
    const { asked, results, busy, type } = setUp();
    type('first');
    await vi.advanceTimersByTimeAsync(300);
    expect(asked).toHaveLength(1);
    type('second');
    await vi.advanceTimersByTimeAsync(300);
    // The pause came while the first check was out: the next waits for it.
    expect(asked).toHaveLength(1);
    asked[0]!.resolve('checked first');
    await settle();
    expect(results).toEqual([]);
    expect(asked.map((a) => a.text)).toEqual(['first', 'second']);
    asked[1]!.resolve('checked second');
    await settle();
    expect(results).toEqual(['checked second']);
    expect(busy.at(-1)).toBe(false);
  });

  it('checks at once when asked, and nothing after it is stopped', async () => {
    const { scheduler, asked, results } = setUp();
    scheduler.now();
    expect(asked).toHaveLength(1);
    asked[0]!.resolve('opened');
    await settle();
    expect(results).toEqual(['opened']);
    scheduler.changed();
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(asked).toHaveLength(1);
  });
});
