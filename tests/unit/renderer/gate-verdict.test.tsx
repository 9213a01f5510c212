/**
 * The gate's verdict for an article approved past open claims: ready, with how many claims
 * it went past, by whom and why — never "no open or disputed claims"; and when something
 * else still stops it, the approval is said beside the problems.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { GateVerdict } from '../../../src/renderer/src/export/GateVerdict';

const approval = {
  by: 'Ana Lima',
  at: '2026-11-28T09:00:00.000Z',
  reason: 'Figures confirmed by phone.',
  problems: [
    { code: 'open-claim', message: 'The figure “14” is not found in any attached source, and no reviewer has verified it.' },
    { code: 'disputed-claim', message: 'The quote “x” is disputed by Tom Berg.' },
  ],
};
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('the gate verdict', () => {
  it('says an approval went past open claims, by whom and why, instead of “no open or disputed claims”', () => {
    const shown = text(renderToStaticMarkup(createElement(GateVerdict, { problems: [], error: null, approval })));
    expect(shown).toContain('Ready to export — approved past 2 open or disputed claims');
    expect(shown).toContain('Approved by Ana Lima on 28 Nov 2026 with the reason: “Figures confirmed by phone.”');
    expect(shown).toContain('The figure “14” is not found');
    expect(shown).not.toContain('No open or disputed claims');
    const plain = text(renderToStaticMarkup(createElement(GateVerdict, { problems: [], error: null, approval: null })));
    expect(plain).toContain('No open or disputed claims');
  });

  it('names the approval beside what still stops the export', () => {
    const problems = [{ code: 'missing-source', message: 'The source “gone” is cited but not in the source library.' }];
    const shown = text(renderToStaticMarkup(createElement(GateVerdict, { problems, error: null, approval })));
    expect(shown).toContain('Not ready: 1 problem stops publication');
    expect(shown).toContain('Its 2 open or disputed claims do not count here: approved by Ana Lima on 28 Nov 2026 past them with the reason: “Figures confirmed by phone.”');
  });
});
