/**
 * The AI disclosure as a choice: each use of AI is declared in the bundle with its IPTC
 * digital source type (ninjs and JSON-LD), with the note written or the choice's sentence,
 * and "No AI" declares nothing; a file from before the choice keeps its meaning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../../../src/core/export/build-bundle';
import { exportGate } from '../../../../src/core/export/article-state';
import type { Workspace } from '../../../../src/core/workspace/workspace';
import { AT, jsonOf, sampleWorkspace, textOf, validators } from './export-helpers';

const TYPES = 'https://cv.iptc.org/newscodes/digitalsourcetype/';

describe('the AI disclosure in a bundle', () => {
  let workspace: Workspace;
  let cleanup: () => Promise<void>;
  let check: Awaited<ReturnType<typeof validators>>;
  beforeAll(async () => {
    ({ workspace, cleanup } = await sampleWorkspace());
    check = await validators();
  });
  afterAll(() => cleanup());

  async function exported(meta: Record<string, unknown>) {
    const created = await workspace.articles.create({ headline: 'Harbour dues rise', ...meta });
    const bundle = await buildBundle(workspace, created.id, { at: AT, override: 'test' });
    const ninjs = jsonOf(bundle, 'ninjs.json');
    expect(check.ninjs(ninjs), JSON.stringify(check.ninjs.errors)).toBe(true);
    const page = textOf(bundle, 'index.html');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!) as Record<string, unknown>;
    return { id: created.id, ninjs, page, jsonLd };
  }

  it('declares AI-assisted copy as a composite with trained algorithmic media, with the choice’s sentence when no note is written', async () => {
    const { ninjs, jsonLd, page } = await exported({ aiUse: 'ai-assisted' });
    expect(ninjs.digitalSourceType).toEqual({ name: 'Composite with trained algorithmic media', uri: `${TYPES}compositeWithTrainedAlgorithmicMedia` });
    expect(jsonLd.digitalSourceType).toBe(`${TYPES}compositeWithTrainedAlgorithmicMedia`);
    expect(page).toContain('Written with the help of AI tools and checked by the newsroom.');
  });

  it('declares copy generated from sources as trained algorithmic media, with its note', async () => {
    const { ninjs, page } = await exported({ aiUse: 'ai-generated', aiDisclosure: 'Drafted by a model from three wire reports.' });
    expect(ninjs.digitalSourceType).toEqual({ name: 'Trained algorithmic media', uri: `${TYPES}trainedAlgorithmicMedia` });
    expect(page).toContain('Drafted by a model from three wire reports.');
  });

  it('declares nothing for No AI (even with a note left over), and a file from before the choice keeps its meaning', async () => {
    const none = await exported({ aiUse: 'none', aiDisclosure: 'left over' });
    expect(none.ninjs.digitalSourceType).toBeUndefined();
    expect(none.page).not.toContain('left over');
    const older = await exported({ aiDisclosure: 'Generated from source articles.' });
    expect((older.ninjs.digitalSourceType as { uri: string }).uri).toBe(`${TYPES}trainedAlgorithmicMedia`);
  });

  it('stops an AI kicker with No AI at the gate', async () => {
    const created = await workspace.articles.create({ headline: 'Ports', kicker: 'AI Analysis', aiUse: 'none' });
    expect((await exportGate(workspace, created.id)).problems.map((p) => p.code)).toContain('ai-undisclosed');
    const assisted = await workspace.articles.create({ headline: 'Ports 2', kicker: 'AI Analysis', aiUse: 'ai-assisted' });
    expect((await exportGate(workspace, assisted.id)).problems.map((p) => p.code)).not.toContain('ai-undisclosed');
  });
});
