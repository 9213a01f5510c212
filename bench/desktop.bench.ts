/**
 * Desktop IPC figures: what the main process adds to every call before the API host sees
 * it — the sender check and the request size cap (src/main/ipc.ts, refuseIpcCall) — on
 * the save of a 20,000-word article, beside JSON.stringify of the same payload in the same
 * run (what browser mode's HTTP transport costs the page for the same request).
 */
import { performance } from 'node:perf_hooks';
import { refuseIpcCall } from '../src/main/ipc';
import { isTrustedRendererUrl } from '../src/main/window-options';
import { median, scaled, type Figure } from './report';

const paragraph = (text: string) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] });

/** A save request carrying a body of `words` words in 40-word paragraphs. */
function saveRequest(words: number) {
  const sentence = 'The harbour council voted on the roster of night shifts after the pilots said two of five ran short in October';
  const text = Array.from({ length: 40 }, (_, i) => sentence.split(' ')[i % 20]).join(' ');
  const children = Array.from({ length: Math.ceil(words / 40) }, () => paragraph(text));
  return { id: 'a1b2c3', baseRevision: 'r1', body: { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } } };
}

export async function desktopFigures(): Promise<Figure[]> {
  const payload = saveRequest(20_000);
  const event = { senderFrame: { url: 'copydesk://app/index.html', parent: null }, sender: { id: 1 } } as never;
  const options = { isTrustedSender: (url: string | undefined) => isTrustedRendererUrl(url) };
  const runs = scaled(200, 40);
  const check: number[] = [];
  const stringify: number[] = [];
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    if (refuseIpcCall(event, payload, options) !== null) throw new Error('the bench payload was refused');
    check.push(performance.now() - started);
    started = performance.now();
    JSON.stringify(payload);
    stringify.push(performance.now() - started);
  }
  return [
    {
      what: 'desktop IPC checks (sender, size cap) on a 20,000-word save (median)',
      measured: median(check),
      baseline: median(stringify),
      baselineLabel: 'JSON.stringify of the same request',
      budget: null,
    },
  ];
}
