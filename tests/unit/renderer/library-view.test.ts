import { describe, expect, it } from 'vitest';
import type { ArticleListItem } from '../../../src/shared/article';
import type { LibraryChange } from '../../../src/shared/contract';
import { LibraryStore } from '../../../src/renderer/src/library/library-store';
import {
  DEFAULT_VIEW,
  facetCounts,
  loadView,
  NO_FILTERS,
  orderArticles,
  saveView,
  updateOrder,
  type LibraryView,
} from '../../../src/renderer/src/library/library-view';

type Summary = ArticleListItem;

let n = 0;
function summary(fields: Partial<Summary>): Summary {
  n++;
  return {
    id: `id-${String(n).padStart(5, '0')}`,
    slug: `s-${n}`,
    headline: `Headline ${n}`,
    kicker: '',
    section: 'Politics',
    status: 'draft',
    tags: [],
    sourceIds: [],
    words: 100,
    updatedAt: `2026-11-${String((n % 28) + 1).padStart(2, '0')}T10:00:00.000Z`,
    bylines: [],
    language: 'en',
    openClaims: null,
    related: [],
    ...fields,
  };
}

const change = (kind: LibraryChange['kind'], s: Summary): LibraryChange => ({ kind, id: s.id, slug: s.slug, origin: 'app', revision: null, summary: kind === 'removed' ? null : s });
const view = (v: Partial<LibraryView>): LibraryView => ({ ...DEFAULT_VIEW, ...v, filters: { ...NO_FILTERS, ...v.filters } });

describe('the library view: filters, sort and counts', () => {
  const energy = summary({ headline: 'Wind farms stall', section: 'Climate', tags: ['energy'], bylines: ['Ana Lima'], status: 'in-review', words: 900, openClaims: 2 });
  const heating = summary({ headline: 'heating subsidy', section: 'Economy', tags: ['energy', 'housing'], bylines: ['Tom Berg'], language: 'nl', words: 300 });
  const schools = summary({ headline: 'Áreas rurais: escolas', section: 'Education', tags: ['schools'], bylines: ['Ana Lima'], language: 'pt', status: 'approved', words: 600, openClaims: 0 });
  const all = [energy, heating, schools];

  it('combines filters', () => {
    expect(orderArticles(all, view({ filters: { ...NO_FILTERS, tag: 'energy' } }))).toEqual(expect.arrayContaining([energy.id, heating.id]));
    expect(orderArticles(all, view({ filters: { ...NO_FILTERS, tag: 'energy', byline: 'Ana Lima' } }))).toEqual([energy.id]);
    expect(orderArticles(all, view({ filters: { ...NO_FILTERS, language: 'pt', status: 'approved' } }))).toEqual([schools.id]);
    expect(orderArticles(all, view({ filters: { ...NO_FILTERS, unbacked: true } }))).toEqual([energy.id]);
    expect(orderArticles(all, view({ filters: { ...NO_FILTERS, section: 'Sport' } }))).toEqual([]);
  });

  it('sorts by headline (case and accents aside), status and length, both ways', () => {
    expect(orderArticles(all, view({ sort: 'headline' }))).toEqual([schools.id, heating.id, energy.id]);
    expect(orderArticles(all, view({ sort: 'headline', ascending: false }))).toEqual([energy.id, heating.id, schools.id]);
    expect(orderArticles(all, view({ sort: 'status' }))[2]).toBe(schools.id);
    expect(orderArticles(all, view({ sort: 'words' }))).toEqual([energy.id, schools.id, heating.id]);
  });

  it('counts what each value would show beside the other filters', () => {
    const counts = facetCounts(all, { ...NO_FILTERS, byline: 'Ana Lima' });
    expect(counts.tag).toEqual([
      { value: 'energy', count: 1 },
      { value: 'schools', count: 1 },
    ]);
    // The byline facet ignores its own filter, so the other bylines stay offered with their counts.
    expect(counts.byline).toEqual([
      { value: 'Ana Lima', count: 2 },
      { value: 'Tom Berg', count: 1 },
    ]);
    expect(counts.status).toEqual([
      { value: 'draft', count: 0 },
      { value: 'in-review', count: 1 },
      { value: 'approved', count: 1 },
    ]);
    expect(counts.unbacked).toBe(1);
  });

  it('keeps the view per workspace, and ignores a stored value that does not fit', () => {
    const storage = new Map<string, string>();
    const store = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) };
    const chosen = view({ sort: 'words', ascending: false, filters: { ...NO_FILTERS, tag: 'energy', unbacked: true } });
    saveView('/desk/a', chosen, store);
    expect(loadView('/desk/a', store)).toEqual(chosen);
    expect(loadView('/desk/b', store)).toEqual(DEFAULT_VIEW);
    storage.set('copydesk-library-view:/desk/c', '{"sort":"nonsense","filters":{"status":"gone","tag":7}}');
    expect(loadView('/desk/c', store)).toEqual(DEFAULT_VIEW);
    storage.set('copydesk-library-view:/desk/d', '{not json');
    expect(loadView('/desk/d', store)).toEqual(DEFAULT_VIEW);
  });
});

describe('one save moves one row', () => {
  const many = Array.from({ length: 10_000 }, (_, i) => summary({ headline: `Story ${i}`, status: i % 3 === 0 ? 'approved' : 'draft', words: i }));

  it('keeps a saved article in its place, drops one that stops matching, places a new one where it sorts', () => {
    const store = new LibraryStore();
    store.reset({ articles: many, damaged: [] });
    const drafts = view({ sort: 'words', filters: { ...NO_FILTERS, status: 'draft' } });
    const order = orderArticles(store.get()!.articles, drafts);
    const version = store.get()!.version;

    const edited = { ...many[5]!, headline: 'Story 5, edited', updatedAt: '2027-01-01T00:00:00.000Z' };
    store.apply([change('changed', edited)]);
    const kept = updateOrder(order, store.changedSince(version)!, store.get()!.byId, drafts)!;
    expect(kept).toBe(order); // nothing moved, nothing copied

    const approved = { ...many[7]!, status: 'approved' as const };
    const added = summary({ headline: 'Brand new', words: 5_000 });
    const before = store.get()!.version;
    store.apply([change('changed', approved), change('added', added)]);
    const next = updateOrder(order, store.changedSince(before)!, store.get()!.byId, drafts)!;
    expect(next).not.toContain(many[7]!.id);
    // The same as sorting everything again (the edit did not change the length it sorts by).
    expect(next).toEqual(orderArticles(store.get()!.articles, drafts));
  });

  it('moves a row whose sort key changed to where it now sorts, as a full sort would', () => {
    const store = new LibraryStore();
    store.reset({ articles: many.slice(0, 200), damaged: [] });
    const newest = view({ sort: 'updated' });
    const byStatus = view({ sort: 'status' });
    let order = orderArticles(store.get()!.articles, newest);
    let statusOrder = orderArticles(store.get()!.articles, byStatus);
    const oldest = store.get()!.byId.get(order.at(-1)!)!;
    const version = store.get()!.version;
    // Approved just now: its updatedAt is the newest of all, and its status changed.
    store.apply([change('changed', { ...oldest, status: 'approved', updatedAt: '2027-02-01T00:00:00.000Z' })]);
    order = updateOrder(order, store.changedSince(version)!, store.get()!.byId, newest)!;
    expect(order[0]).toBe(oldest.id);
    expect(order).toEqual(orderArticles(store.get()!.articles, newest));
    statusOrder = updateOrder(statusOrder, store.changedSince(version)!, store.get()!.byId, byStatus)!;
    expect(statusOrder).toEqual(orderArticles(store.get()!.articles, byStatus));
    // Several at once, one of them leaving the filter, one shrinking.
    const drafts = view({ sort: 'words', filters: { ...NO_FILTERS, status: 'draft' } });
    let draftOrder = orderArticles(store.get()!.articles, drafts);
    const [a, b, c] = draftOrder.map((id) => store.get()!.byId.get(id)!);
    const before = store.get()!.version;
    store.apply([change('changed', { ...a!, words: 0 }), change('changed', { ...b!, status: 'in-review' }), change('changed', { ...c!, words: 1_000_000 })]);
    draftOrder = updateOrder(draftOrder, store.changedSince(before)!, store.get()!.byId, drafts)!;
    expect(draftOrder).toEqual(orderArticles(store.get()!.articles, drafts));
  });

  it('counts kickers, sections and tags again only when one of them changed', () => {
    const store = new LibraryStore();
    store.reset({ articles: many.slice(0, 10), damaged: [] });
    const before = store.get()!.fieldsVersion;
    store.apply([change('changed', { ...many[3]!, words: 999, updatedAt: '2027-01-01T00:00:00.000Z' })]);
    expect(store.get()!.fieldsVersion).toBe(before);
    store.apply([change('changed', { ...many[3]!, tags: ['energy'] })]);
    expect(store.get()!.fieldsVersion).toBe(before + 1);
  });

  it('asks for a full sort after a reload', () => {
    const store = new LibraryStore();
    store.reset({ articles: many.slice(0, 10), damaged: [] });
    const version = store.get()!.version;
    store.reset({ articles: many.slice(0, 20), damaged: [] });
    expect(store.changedSince(version)).toBeNull();
  });
});
