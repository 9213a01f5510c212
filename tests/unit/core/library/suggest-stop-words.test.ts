/**
 * "You may relate" relates articles by what they are about: words every article uses
 * ("our", "last", "says", "selon", "sagte") neither find a suggestion nor are given as
 * its reason. Real workspaces in temp folders, through the API host.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost, type ApiHost } from '../../../../src/core/api/api-host';
import { SUGGESTION_STOP_WORDS } from '../../../../src/core/library/stop-words';
import { Workspace } from '../../../../src/core/workspace/workspace';
import type { ApiMethod } from '../../../../src/shared/api-methods';
import type { ApiRequest, ApiResponse } from '../../../../src/shared/contract';
import { bodyOf, tempDir } from '../../../helpers/temp';

let cleanup: () => Promise<void>;
let ws: Workspace;
let host: ApiHost;

async function call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
  const result = await host.call(method, request);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as ApiResponse<M>;
}

async function article(headline: string, ...paragraphs: string[]) {
  const created = await call('articles.create', { meta: { headline } });
  await call('articles.save', { id: created.id, baseRevision: created.revision, body: bodyOf(...paragraphs) });
  return created.id;
}

beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir());
  ws = await Workspace.open(dir, { indexWriteDelayMs: 50, watch: false });
  host = createApiHost(ws);
});

afterEach(async () => {
  host.dispose();
  await ws.close();
  await cleanup();
});

describe('suggestions and common words', () => {
  it('do not suggest an article for the common words it shares, nor name them as reasons', async () => {
    const harbour = await article(
      'Our harbour dredging plan stalls',
      'Our mayor says the dredging of the harbour stalled last week. Last year our council says it paid for dredging twice.',
    );
    const dredging = await article('Dredging at Maasgate resumes', 'Harbour dredging resumes at Maasgate after a pause over silt levels.');
    const football = await article(
      'Our club says last season was our best',
      'Our coach says last season was our best; our fans say the last match was our loudest. Last night our captain says so too.',
    );
    // A filler article, so that the shared words are not in every article.
    await article('Rail timetable changes', 'Trains run every ten minutes on the coastal line from Monday.');
    await ws.search.settled();
    const { suggestions } = await call('related.suggest', { id: harbour });
    expect(suggestions[0]?.id).toBe(dredging);
    expect(suggestions[0]!.reasons.terms).toEqual(expect.arrayContaining(['dredging', 'harbour']));
    for (const s of suggestions) for (const term of s.reasons.terms) expect(SUGGESTION_STOP_WORDS.has(term), `“${term}” given as a reason`).toBe(false);
    // Sharing only "our", "says" and "last" is no reason at all.
    expect(suggestions.map((s) => s.id)).not.toContain(football);
  });

  it('leave out the common words of French and German too, and keep words that mean something', () => {
    for (const word of ['our', 'last', 'says', 'said', 'selon', 'apres', 'sagte', 'uber', 'wurde']) expect(SUGGESTION_STOP_WORDS.has(word), word).toBe(true);
    for (const word of ['war', 'car', 'son', 'man', 'door', 'harbour', 'strike']) expect(SUGGESTION_STOP_WORDS.has(word), word).toBe(false);
  });
});
