// @vitest-environment happy-dom
/**
 * The export run of a dialog: progress from the events of its own articles only, the
 * host's summary at the end, and nothing after the dialog moved on. The host is replaced
 * by an export the test resolves by hand and events it sends itself (the order of an HTTP
 * answer and an SSE event cannot be arranged through a real host).
 */
import { act, createElement, useLayoutEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Progress = { done: number; total: number; articleId: string; outcome: 'exported' | 'refused' | 'failed' };
const listeners = new Set<(p: Progress) => void>();
const calls: Array<{ request: unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }> = [];

vi.mock('../../../src/renderer/src/api', () => ({
  api: {
    on: (event: string, listener: (p: Progress) => void) => {
      if (event !== 'export.progress') throw new Error(`unexpected event ${event}`);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    export: {
      articles: (request: unknown) => new Promise((resolve, reject) => calls.push({ request, resolve, reject })),
    },
  },
}));

const { useExportRun } = await import('../../../src/renderer/src/export/use-export-run');
type Hook = ReturnType<typeof useExportRun>;

let hook: Hook;
let root: Root;
function Probe({ onRender }: { onRender: (h: Hook) => void }) {
  const h = useExportRun();
  useLayoutEffect(() => {
    onRender(h);
  });
  return null;
}
const emit = (p: Progress) => act(() => [...listeners].forEach((l) => l(p)));
const summary = { outDir: '/ws/exports', exported: [{ articleId: 'a', slug: 'a', folder: '/ws/exports/a' }], refused: [], failed: [] };

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  calls.length = 0;
  listeners.clear();
  root = createRoot(document.createElement('div'));
  act(() => root.render(createElement(Probe, { onRender: (h) => (hook = h) })));
});
afterEach(() => act(() => root.unmount()));

describe('useExportRun', () => {
  it('sends the options, counts only its own articles’ progress, then holds the summary and stops listening', async () => {
    act(() => void hook.start({ ids: ['a', 'b'], zip: true, override: 'Desk approved' }));
    expect(calls[0]!.request).toEqual({ ids: ['a', 'b'], zip: true, override: 'Desk approved' });
    expect(hook.run).toMatchObject({ phase: 'running', done: 0 });

    emit({ done: 1, total: 1, articleId: 'someone-else', outcome: 'exported' });
    expect(hook.run).toMatchObject({ phase: 'running', done: 0 });
    emit({ done: 1, total: 2, articleId: 'a', outcome: 'refused' });
    expect(hook.run).toMatchObject({ phase: 'running', done: 1, last: { articleId: 'a', outcome: 'refused' } });

    await act(async () => calls[0]!.resolve(summary));
    expect(hook.run).toEqual({ phase: 'done', ids: ['a', 'b'], result: summary, override: 'Desk approved' });
    expect(listeners.size).toBe(0);
  });

  it('leaves the override out when there is none', () => {
    act(() => void hook.start({ ids: ['a'], zip: false }));
    expect(calls[0]!.request).toEqual({ ids: ['a'], zip: false });
  });

  it('says what the host refused', async () => {
    act(() => void hook.start({ ids: ['a'], zip: false }));
    await act(async () => calls[0]!.reject(new Error('No article with id a in this workspace.')));
    expect(hook.run).toEqual({ phase: 'error', ids: ['a'], message: 'No article with id a in this workspace.' });
  });

  it('drops the answer of a run the dialog has moved on from', async () => {
    act(() => void hook.start({ ids: ['a'], zip: false }));
    act(() => hook.reset());
    expect(listeners.size).toBe(0);
    await act(async () => calls[0]!.resolve(summary));
    expect(hook.run).toEqual({ phase: 'idle' });
  });
});
