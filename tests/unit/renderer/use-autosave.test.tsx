// @vitest-environment happy-dom
/**
 * The autosave hook's promises, with the host replaced by a save the test resolves by hand
 * (the timing of a slow disk cannot be arranged through a real host).
 */
import { act, createElement, useLayoutEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, RETRYABLE_ERROR_CODES, type ApiErrorCode } from '../../../src/shared/errors';
import type { Autosave } from '../../../src/renderer/src/article/use-autosave';

interface PendingSave {
  request: { baseRevision?: string; body?: { root: { children: Array<{ text: string }> } } };
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}
const saves: PendingSave[] = [];

vi.mock('../../../src/renderer/src/api', () => ({
  api: {
    articles: {
      save: (request: PendingSave['request']) => new Promise((resolve, reject) => saves.push({ request, resolve, reject })),
    },
  },
}));

const { useAutosave, AUTOSAVE_IDLE_MS } = await import('../../../src/renderer/src/article/use-autosave');

let hook: Autosave;
let root: Root;
function Probe({ onRender }: { onRender: (autosave: Autosave) => void }) {
  const autosave = useAutosave('8b0a8c57-3f52-4d3e-9a53-0a0b8d1f2c3e', 'r0', () => undefined);
  useLayoutEffect(() => {
    onRender(autosave);
  });
  return null;
}
const state = (text: string) => ({ toJSON: () => ({ root: { type: 'root', children: [{ text }] } }) }) as never;
const tick = () => act(() => new Promise((r) => setTimeout(r, 0)));
const ok = (revision: string) => ({ revision, slug: 's', summary: {} });

beforeEach(async () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  saves.length = 0;
  unmounted = false;
  root = createRoot(document.createElement('div'));
  await act(async () => root.render(createElement(Probe, { onRender: (autosave) => (hook = autosave) })));
});
let unmounted = false;
const unmount = () => {
  if (!unmounted) act(() => root.unmount());
  unmounted = true;
};
afterEach(unmount);

describe('autosave', () => {
  it('flush waits for a save another caller started, and reports its failure', async () => {
    act(() => hook.editBody(state('one')));
    const first = hook.flush();
    await tick();
    act(() => hook.editBody(state('two')));
    const second = hook.flush(); // takes "two" once "one" is done
    const switching = hook.flush(); // the app, leaving the article
    await tick();
    saves[0]!.resolve(ok('r1'));
    await tick();
    await tick();
    expect(saves).toHaveLength(2);
    saves[1]!.reject(new ApiError('conflict', 'changed on disk'));
    // Nobody reports "all saved" while the edits typed second are not on disk.
    expect(await switching).toBe(false);
    expect(await first).toBe(false);
    expect(await second).toBe(false);
    expect(saves).toHaveLength(2);
    expect(hook.hasPending()).toBe(true);
  });

  it('flush saves again what was typed during a save, and then says all is saved', async () => {
    act(() => hook.editBody(state('three')));
    const flushing = hook.flush();
    await tick();
    act(() => hook.editBody(state('four')));
    saves[0]!.resolve(ok('r1'));
    await tick();
    await tick();
    expect(saves).toHaveLength(2);
    expect(saves[1]!.request.body!.root.children[0]!.text).toBe('four');
    saves[1]!.resolve(ok('r2'));
    expect(await flushing).toBe(true);
    expect(hook.hasPending()).toBe(false);
  });

  it('a failed save keeps the edits and the next save sends them', async () => {
    act(() => hook.editMeta({ headline: 'Kept' }));
    const failed = hook.flush();
    await tick();
    saves[0]!.reject(new ApiError('conflict', 'changed on disk'));
    expect(await failed).toBe(false);
    await tick();
    expect(hook.state.kind).toBe('conflict');
    const retried = hook.flush();
    await tick();
    expect(saves[1]!.request).toMatchObject({ meta: { headline: 'Kept' } });
    saves[1]!.resolve(ok('r1'));
    expect(await retried).toBe(true);
  });

  it('edits given up after a lasting failure (leave without saving) leave nothing unsaved, so the article can be left', async () => {
    act(() => hook.editBody(state('typed into a read-only workspace')));
    const failed = hook.flush();
    await tick();
    saves[0]!.reject(new ApiError('read-only', 'This workspace was opened read-only; nothing can be changed.'));
    expect(await failed).toBe(false);
    // Without being given up, leaving keeps failing: the same edits cannot be saved.
    const stillStuck = hook.flush();
    await tick();
    saves[1]!.reject(new ApiError('read-only', 'This workspace was opened read-only; nothing can be changed.'));
    expect(await stillStuck).toBe(false);
    act(() => hook.discard());
    expect(hook.hasPending()).toBe(false);
    expect(hook.state.kind).toBe('saved');
    expect(await hook.flush()).toBe(true);
    expect(saves).toHaveLength(2);
  });

  it('a save the host could not take is tried again by itself, and keeps the edits meanwhile', async () => {
    vi.useFakeTimers();
    try {
      act(() => hook.editMeta({ dek: 'Retried' }));
      const failed = hook.flush();
      await act(async () => {
        await vi.advanceTimersByTimeAsync(0);
      });
      saves[0]!.reject(new ApiError('internal', 'the disk is busy'));
      expect(await failed).toBe(false);
      expect(saves).toHaveLength(1);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(2_100);
      });
      expect(saves).toHaveLength(2);
      expect(saves[1]!.request).toMatchObject({ meta: { dek: 'Retried' } });
      saves[1]!.resolve(ok('r1'));
      await act(async () => {
        await vi.advanceTimersByTimeAsync(0);
      });
      expect(hook.state.kind).toBe('saved');
      expect(hook.hasPending()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('saves someone who never pauses at least every few seconds', async () => {
    vi.useFakeTimers();
    try {
      // A keystroke every 300 ms for 6 s: the one-second pause never comes.
      for (let i = 0; i < 20; i++) {
        act(() => hook.editBody(state(`typing ${i}`)));
        await act(async () => {
          await vi.advanceTimersByTimeAsync(300);
        });
      }
      expect(saves.length).toBeGreaterThanOrEqual(1);
      expect(saves[0]!.request.body!.root.children[0]!.text).toMatch(/^typing \d+$/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('an article closed with edits still waiting saves them instead of dropping them', async () => {
    act(() => hook.editMeta({ headline: 'Typed last' }));
    act(() => hook.editBody(state('last words')));
    expect(saves).toHaveLength(0);
    unmount();
    await tick();
    expect(saves).toHaveLength(1);
    expect(saves[0]!.request).toMatchObject({ meta: { headline: 'Typed last' }, body: { root: { children: [{ text: 'last words' }] } } });
  });

  it('a save that fails after the article is closed is not retried by a timer', async () => {
    vi.useFakeTimers();
    try {
      act(() => hook.editMeta({ dek: 'Closing' }));
      unmount();
      await vi.advanceTimersByTimeAsync(0);
      saves[0]!.reject(new ApiError('unavailable', 'the disk is busy'));
      await vi.advanceTimersByTimeAsync(60_000);
      expect(saves).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a change made beside the saves (a status) comes after the pending edits, and saves meanwhile build on it', async () => {
    act(() => hook.editMeta({ dek: 'Before' }));
    let finishChange: (value: { revision: string; slug: string; summary: never }) => void = () => undefined;
    const bases: string[] = [];
    const changing = hook.change(
      (baseRevision) =>
        new Promise((resolve) => {
          bases.push(baseRevision);
          finishChange = resolve;
        }),
    );
    await tick();
    // The pending edits go first.
    expect(saves).toHaveLength(1);
    saves[0]!.resolve(ok('r1'));
    await tick();
    await tick();
    expect(bases).toEqual(['r1']);
    // Typed while the change is under way: its save waits for the change.
    act(() => hook.editMeta({ dek: 'During' }));
    const flushing = hook.flush();
    await tick();
    expect(saves).toHaveLength(1);
    finishChange({ revision: 'r2', slug: 's', summary: undefined as never });
    expect((await changing).revision).toBe('r2');
    await tick();
    expect(saves).toHaveLength(2);
    expect(saves[1]!.request).toMatchObject({ baseRevision: 'r2', meta: { dek: 'During' } });
    saves[1]!.resolve(ok('r3'));
    expect(await flushing).toBe(true);
  });

  it('a change is not made while the edits before it cannot be saved', async () => {
    act(() => hook.editMeta({ dek: 'Stuck' }));
    const apply = vi.fn();
    const changing = hook.change(apply);
    await tick();
    saves[0]!.reject(new ApiError('conflict', 'changed on disk'));
    await expect(changing).rejects.toThrow('could not be saved');
    expect(apply).not.toHaveBeenCalled();
  });

  /** Lets fake timers run for `ms`, with React told about the updates they make. */
  const pass = (ms: number) =>
    act(async () => {
      await vi.advanceTimersByTimeAsync(ms);
    });

  it.each([...RETRYABLE_ERROR_CODES])('a save refused with %s (it may pass) is tried again by itself', async (code) => {
    vi.useFakeTimers();
    try {
      act(() => hook.editMeta({ dek: 'Passing trouble' }));
      await pass(AUTOSAVE_IDLE_MS);
      saves[0]!.reject(new ApiError(code, 'not now'));
      await pass(0);
      expect(hook.state).toMatchObject({ kind: 'error', code });
      await pass(60_000);
      expect(saves.length).toBeGreaterThanOrEqual(2);
      expect(saves[1]!.request).toMatchObject({ meta: { dek: 'Passing trouble' } });
    } finally {
      vi.useRealTimers();
    }
  });

  const LASTING: ApiErrorCode[] = ['invalid-request', 'damaged', 'not-found', 'read-only', 'conflict'];
  it.each(LASTING)('a save refused with %s (sending it again cannot help) is not tried again by itself', async (code) => {
    vi.useFakeTimers();
    try {
      act(() => hook.editMeta({ dek: 'Lasting trouble' }));
      await pass(AUTOSAVE_IDLE_MS);
      saves[0]!.reject(new ApiError(code, 'no'));
      await pass(0);
      expect(hook.state.kind).toBe(code === 'conflict' ? 'conflict' : 'error');
      // Nor when the page is hidden, which saves what is pending.
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      await pass(120_000);
      expect(saves).toHaveLength(1);
      expect(hook.hasPending()).toBe(true);
      // Asked for (Try now), it is sent again.
      const tried = hook.flush();
      await pass(0);
      expect(saves).toHaveLength(2);
      expect(saves[1]!.request).toMatchObject({ meta: { dek: 'Lasting trouble' } });
      saves[1]!.resolve(ok('r1'));
      expect(await tried).toBe(true);
    } finally {
      Reflect.deleteProperty(document, 'visibilityState');
      vi.useRealTimers();
    }
  });

  it.each(['damaged', 'not-found', 'read-only', 'conflict'] as const)(
    'after a %s refusal, typing on sends nothing and keeps the refusal on screen',
    async (code) => {
      vi.useFakeTimers();
      try {
        act(() => hook.editBody(state('first')));
        await pass(AUTOSAVE_IDLE_MS);
        saves[0]!.reject(new ApiError(code, 'no'));
        await pass(0);
        const shown = hook.state;
        for (let i = 0; i < 10; i++) {
          act(() => hook.editBody(state(`more ${i}`)));
          await pass(500);
        }
        await pass(10_000);
        expect(saves).toHaveLength(1);
        expect(hook.state).toEqual(shown);
      } finally {
        vi.useRealTimers();
      }
    },
  );

  it('after an invalid request, the next edit (which may mend it) is saved after the usual pause', async () => {
    vi.useFakeTimers();
    try {
      act(() => hook.editMeta({ headline: 'x'.repeat(600) }));
      await pass(AUTOSAVE_IDLE_MS);
      saves[0]!.reject(new ApiError('invalid-request', 'meta.headline: too long'));
      await pass(0);
      act(() => hook.editMeta({ headline: 'Shorter' }));
      await pass(AUTOSAVE_IDLE_MS / 2);
      expect(saves).toHaveLength(1);
      await pass(AUTOSAVE_IDLE_MS);
      expect(saves).toHaveLength(2);
      expect(saves[1]!.request).toMatchObject({ meta: { headline: 'Shorter' } });
    } finally {
      vi.useRealTimers();
    }
  });
});
