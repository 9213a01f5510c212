import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeArticle, mergeBlocks, mergeJson } from '../../../../src/core/team/json-merge';

const article = (meta: Record<string, unknown>, blocks: string[] = ['a', 'b', 'c'], decisions: unknown[] = [], history: unknown[] = []) => ({
  schemaVersion: 1,
  id: 'x',
  meta: { headline: 'H', dek: 'D', tags: [], updatedAt: '2026-11-01T00:00:00.000Z', ...meta },
  body: { root: { type: 'root', children: blocks.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })) } },
  review: { decisions, history },
});
const texts = (merged: unknown) => (merged as ReturnType<typeof article>).body.root.children.map((b) => b.children[0]!.text);

describe('three-way merge of an article file', () => {
  it('takes each side\'s own fields, tags as a set, and the later updatedAt', () => {
    const base = article({ tags: ['port'] });
    const ours = article({ headline: 'Ours', tags: ['port', 'strike'], updatedAt: '2026-11-02T00:00:00.000Z' });
    const theirs = article({ dek: 'Theirs', tags: [], updatedAt: '2026-11-03T00:00:00.000Z' });
    const { merged, conflicts } = mergeArticle(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect((merged as ReturnType<typeof article>).meta).toMatchObject({ headline: 'Ours', dek: 'Theirs', tags: ['strike'], updatedAt: '2026-11-03T00:00:00.000Z' });
  });

  it('a field changed differently on both sides is a conflict that keeps ours', () => {
    const { merged, conflicts } = mergeArticle(article({}), article({ headline: 'A' }), article({ headline: 'B' }));
    expect(conflicts).toEqual(['meta.headline']);
    expect((merged as ReturnType<typeof article>).meta.headline).toBe('A');
  });

  it('review decisions merge by claim id; the same claim decided differently is a conflict', () => {
    const d = (claimId: string, decision: string) => ({ claimId, decision, by: 'R', at: '2026-11-01T00:00:00.000Z' });
    const base = article({}, undefined, [d('q1', 'verified')]);
    const ours = article({}, undefined, [d('q1', 'verified'), d('q2', 'disputed')]);
    const theirs = article({}, undefined, [d('q3', 'needs-source')]);
    const merged = mergeArticle(base, ours, theirs);
    expect(merged.conflicts).toEqual([]);
    // theirs removed q1; ours left it: removed. q2 and q3 both arrive.
    expect((merged.merged as ReturnType<typeof article>).review.decisions.map((x) => (x as { claimId: string }).claimId)).toEqual(['q2', 'q3']);
    const clash = mergeArticle(base, article({}, undefined, [d('q1', 'disputed')]), article({}, undefined, [d('q1', 'needs-source')]));
    expect(clash.conflicts).toEqual(['review.decisions[q1]']);
  });

  it('the status history keeps both sides\' entries in time order', () => {
    const h = (to: string, at: string) => ({ from: 'draft', to, by: 'x', at });
    const base = article({}, undefined, [], [h('in-review', '2026-11-01T00:00:00Z')]);
    const ours = article({}, undefined, [], [h('in-review', '2026-11-01T00:00:00Z'), h('approved', '2026-11-03T00:00:00Z')]);
    const theirs = article({}, undefined, [], [h('in-review', '2026-11-01T00:00:00Z'), h('draft', '2026-11-02T00:00:00Z')]);
    const { merged, conflicts } = mergeArticle(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect((merged as ReturnType<typeof article>).review.history.map((x) => (x as { to: string }).to)).toEqual(['in-review', 'draft', 'approved']);
  });

  it('the body merges by block where the changes touch different blocks, and is a conflict where they touch the same', () => {
    const base = article({}, ['a', 'b', 'c', 'd']);
    const ok = mergeArticle(base, article({}, ['A', 'b', 'c', 'd']), article({}, ['a', 'b', 'c', 'D', 'e']));
    expect(ok.conflicts).toEqual([]);
    expect(texts(ok.merged)).toEqual(['A', 'b', 'c', 'D', 'e']);
    const clash = mergeArticle(base, article({}, ['a', 'B1', 'c', 'd']), article({}, ['a', 'B2', 'c', 'd']));
    expect(clash.conflicts).toEqual(['body']);
    expect(texts(clash.merged)).toEqual(['a', 'B1', 'c', 'd']);
  });

  it('fields nobody knows are merged by key and kept', () => {
    const { merged } = mergeJson({ a: 1, x: { y: 1 } }, { a: 2, x: { y: 1 }, mine: true }, { a: 1, x: { y: 1, z: 2 }, theirs: true });
    expect(merged).toEqual({ a: 2, x: { y: 1, z: 2 }, mine: true, theirs: true });
  });

  it('block merge: when both sides change different blocks, every change of each side is in the result (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.nat(), fc.nat(), (n, i, j) => {
        const base = Array.from({ length: n }, (_, k) => `b${k}`);
        const a = i % n;
        const b = j % n;
        fc.pre(Math.abs(a - b) >= 1);
        const ours = base.map((x, k) => (k === a ? 'OURS' : x));
        const theirs = base.map((x, k) => (k === b ? 'THEIRS' : x));
        const merged = mergeBlocks(base, ours, theirs);
        expect(merged).toEqual(base.map((x, k) => (k === a ? 'OURS' : k === b ? 'THEIRS' : x)));
      }),
    );
  });
});
