import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributedSourceIds } from '../../../src/document/attribution-json';
import { bodyStats } from '../../../src/document/body-stats';
import { countWords, plainTextFromBody } from '../../../src/document/plain-text';
import { bodyShapeProblem } from '../../../src/shared/body-limits';
import { SAMPLE_WORKSPACE } from '../../../src/host/app-paths';
import { bodyOf } from '../../helpers/temp';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Every body this project has on disk: the samples and the test fixtures. */
async function bodies(): Promise<Array<{ name: string; body: { root: unknown } }>> {
  const found: Array<{ name: string; body: { root: unknown } }> = [];
  const dirs = [path.join(SAMPLE_WORKSPACE, 'articles'), path.join(ROOT, 'tests', 'fixtures', 'review')];
  for (const dir of dirs) {
    for (const name of await readdir(dir, { recursive: true }).catch(() => [] as string[])) {
      if (!name.endsWith('.json')) continue;
      const value = JSON.parse(await readFile(path.join(dir, name), 'utf8')) as { body?: { root: unknown } };
      if (value?.body?.root) found.push({ name, body: value.body });
    }
  }
  return found;
}

describe('one walk for the library', () => {
  it('gives the same words, attributions and shape verdict as the separate readers', async () => {
    const all = await bodies();
    expect(all.length).toBeGreaterThanOrEqual(4);
    const formatted = bodyOf('Ninety-nine', 'thousand');
    const first = formatted.root.children[0]!;
    first.children.push({ type: 'text', version: 1, text: ',000 homes', format: 1, detail: 0, mode: 'normal', style: '' });
    first.children.push({ type: 'linebreak', version: 1 } as never);
    first.children.push({ type: 'attribution', version: 1, sourceId: 's1', children: [{ type: 'text', text: 'quoted words' }] } as never);
    all.push({ name: 'formatted', body: formatted });
    for (const { name, body } of all) {
      const stats = bodyStats(body);
      expect(stats.words, name).toBe(countWords(plainTextFromBody(body as never)));
      expect(stats.attributedSourceIds, name).toEqual(attributedSourceIds(body as never));
      expect(stats.problem, name).toBe(bodyShapeProblem(body));
    }
  });

  it('finds a body too deep or too large, like bodyShapeProblem', () => {
    let deep: Record<string, unknown> = { type: 'text', text: 'x' };
    for (let i = 0; i < 5000; i++) deep = { type: 'paragraph', children: [deep] };
    const body = { root: { type: 'root', children: [deep] } };
    expect(bodyStats(body).problem).toMatch(/nested more than/);
    let sideways: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 100; i++) sideways = { nested: sideways };
    expect(bodyStats({ root: { type: 'root', children: [{ type: 'paragraph', extra: sideways, children: [] }] } }).problem).toMatch(/nested more than/);
  });
});
