/**
 * `npm run generate -- --articles N --out DIR [--seed S] [--sources K] [--words W]`: a
 * synthetic workspace of N articles for trying Copydesk at scale and for the benchmarks.
 * Each article is about W words (800 by default) drawn from a Zipf-like vocabulary mixed
 * with its topic's own words, with subheads, quotes and figures, a section, tags, bylines,
 * a language, a status, a few attached sources and links to related articles of the same
 * topic. The same seed gives the same files, byte for byte.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serializeArticle } from '../src/core/articles/article-file';
import { serializeSource, textHash } from '../src/core/sources/source-file';
import type { ArticleFile, ArticleStatus, LexicalBody } from '../src/shared/article';
import type { SourceFile } from '../src/shared/source';
import { slugify, slugKey, uniqueSlug } from '../src/shared/slug';

/** A small, fast, seedable generator (mulberry32): the same seed, the same workspace. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTION_WORDS = (
  'the of and to in a is that for on said with as by at from it was be are has have will its ' +
  'but not this which an were after more than their they who would been up also about over into new'
).split(' ');
const SYLLABLES = 'ba be bo ca co da de di do fa fe ga go ha ka ke la le li lo lu ma me mi mo na ne ni no pa pe po ra re ri ro sa se si so ta te ti to va ve vi vo za'.split(' ');
const ENDINGS = ['', 'n', 'r', 's', 'l', 'nt', 'st', 'rd', 'm', 'x'];
const SECTIONS = ['Politics', 'Economy', 'Energy', 'Health', 'Education', 'Climate', 'Transport', 'Housing', 'Justice', 'Technology', 'Culture', 'World'];
const GIVEN = ['Ana', 'Joost', 'Marta', 'Helena', 'Pieter', 'Sofia', 'Tomas', 'Ines', 'Lars', 'Amira', 'Karel', 'Noor', 'Rui', 'Elif', 'Bram', 'Clara'];
const FAMILY = ['Lima', 'de Vries', 'Quintela', 'Brito', 'Janssen', 'Costa', 'Bakker', 'Ferreira', 'Visser', 'Haddad', 'Smit', 'Moreau', 'Okafor', 'Nowak'];
const LANGUAGES = ['en', 'en', 'en', 'en', 'en', 'en', 'en', 'en', 'pt', 'nl'];
const KICKERS = ['Analysis', 'Analysis', 'Explainer', 'AI Analysis', 'Fact check', ''];

/** The made-up words of the vocabulary, most frequent first after the function words. */
function vocabulary(random: () => number, size: number): string[] {
  const words = new Set<string>(FUNCTION_WORDS);
  while (words.size < size) {
    const parts = 1 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < parts; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word + ENDINGS[Math.floor(random() * ENDINGS.length)]);
  }
  return [...words];
}

/** Draws ranks 0…n−1 with probability ∝ 1 / (rank + 2.7)^s (Zipf–Mandelbrot, as word counts of prose go). */
function zipfSampler(random: () => number, n: number, s = 1.05): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) cumulative[r] = total += 1 / Math.pow(r + 2.7, s);
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** A version-4 UUID from the generator's numbers (deterministic, unlike randomUUID). */
function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

interface Topic {
  words: string[];
  tags: string[];
  section: string;
  sources: SourceFile[];
  /** Ids of the articles written on the topic so far. */
  articles: string[];
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const textNode = (text: string) => ({ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' });
const block = (type: string, text: string, extra: Record<string, unknown> = {}) => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  ...extra,
  children: [textNode(text)],
});

export interface GenerateOptions {
  articles: number;
  out: string;
  seed?: number;
  /** Sources in the library (default: one for every 20 articles, at least 10). */
  sources?: number;
  /** Words per article body, about (default 800). */
  words?: number;
}

/** Writes the workspace; returns how many articles and sources it holds. */
export function generateWorkspace(options: GenerateOptions): { articles: number; sources: number } {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const words = vocabulary(random, 12_000);
  const common = zipfSampler(random, words.length);
  const topicCount = Math.max(4, Math.min(120, Math.round(options.articles / 40)));
  const sourceCount = options.sources ?? Math.max(10, Math.round(options.articles / 20));
  const bodyWords = options.words ?? 800;
  const base = Date.parse('2026-11-28T09:00:00Z');

  const articlesDir = path.join(options.out, 'articles');
  const sourcesDir = path.join(options.out, 'sources');
  mkdirSync(articlesDir, { recursive: true });
  mkdirSync(sourcesDir, { recursive: true });
  if (readdirSync(articlesDir).some((n) => n.endsWith('.json')) || readdirSync(sourcesDir).some((n) => n.endsWith('.json'))) {
    throw new Error(`${options.out} already holds articles or sources; give an empty or new folder.`);
  }

  // Topic words come from the middle and the tail of the vocabulary: distinctive, not function words.
  const topics: Topic[] = Array.from({ length: topicCount }, (_, t) => ({
    words: Array.from({ length: 60 }, () => words[200 + Math.floor(random() * (words.length - 200))]!),
    tags: Array.from({ length: 6 }, () => words[100 + Math.floor(random() * 2_000)]!),
    section: SECTIONS[t % SECTIONS.length]!,
    sources: [],
    articles: [],
  }));

  const sentence = (topic: Topic, length: number) => {
    const out: string[] = [];
    for (let i = 0; i < length; i++) out.push(random() < 0.18 ? pick(topic.words) : words[common()]!);
    return capital(out.join(' '));
  };
  const name = () => `${pick(GIVEN)} ${pick(FAMILY)}`;

  const takenSources = new Set<string>();
  for (let s = 0; s < sourceCount; s++) {
    const topic = topics[s % topicCount]!;
    const title = `${sentence(topic, 5 + Math.floor(random() * 5))} report`;
    const id = uniqueSlug(slugify(title).split('-').slice(0, 6).join('-'), takenSources);
    takenSources.add(slugKey(id));
    const text = Array.from({ length: 12 }, () => `${sentence(topic, 10 + Math.floor(random() * 12))}.`).join(' ');
    const source: SourceFile = {
      schemaVersion: 1,
      id,
      csl: { id, type: 'report', title, author: [{ literal: name() }], issued: { 'date-parts': [[2026, 1 + (s % 11), 1 + (s % 27)]] } },
      snapshot: { text, capturedAt: new Date(base - s * 3_600_000).toISOString(), origin: 'pasted', sha256: textHash(text) },
      addedAt: new Date(base - s * 3_600_000).toISOString(),
    };
    topic.sources.push(source);
    writeFileSync(path.join(sourcesDir, `${id}.json`), serializeSource(source));
  }

  const takenSlugs = new Set<string>();
  for (let a = 0; a < options.articles; a++) {
    const topic = pick(topics);
    const id = seededUuid(random);
    const children: unknown[] = [];
    let written = 0;
    let paragraph = 0;
    while (written < bodyWords) {
      if (paragraph > 0 && paragraph % 4 === 0) children.push(block('heading', sentence(topic, 4 + Math.floor(random() * 4)), { tag: 'h2' }));
      const sentences: string[] = [];
      for (let k = 3 + Math.floor(random() * 3); k > 0; k--) {
        const length = 8 + Math.floor(random() * 14);
        const roll = random();
        if (roll < 0.12) sentences.push(`“${sentence(topic, length)},” said ${name()}.`);
        else if (roll < 0.22) sentences.push(`${sentence(topic, length)} ${Math.floor(random() * 99_000).toLocaleString('en-US')} ${pick(topic.words)}.`);
        else sentences.push(`${sentence(topic, length)}.`);
        written += length + 2;
      }
      children.push(block('paragraph', sentences.join(' '), { textFormat: 0, textStyle: '' }));
      paragraph++;
    }
    const body = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } } as LexicalBody;
    const headline = sentence(topic, 6 + Math.floor(random() * 5));
    const updated = new Date(base - Math.floor(random() * 730 * 86_400_000));
    const created = new Date(updated.getTime() - Math.floor(random() * 30 * 86_400_000));
    const tags = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(topic.tags)))];
    const related = topic.articles.length ? [...new Set(Array.from({ length: Math.floor(random() * 3) }, () => pick(topic.articles)))] : [];
    const sourceIds = topic.sources.length ? [...new Set(Array.from({ length: Math.floor(random() * 4) }, () => pick(topic.sources).id))] : [];
    const statusRoll = random();
    const status: ArticleStatus = statusRoll < 0.7 ? 'draft' : statusRoll < 0.9 ? 'in-review' : 'approved';
    const article: ArticleFile = {
      schemaVersion: 1,
      id,
      meta: {
        headline,
        dek: `${sentence(topic, 18 + Math.floor(random() * 12))}.`,
        kicker: pick(KICKERS),
        section: topic.section,
        bylines: random() < 0.25 ? [name(), name()] : [name()],
        dateline: '',
        language: pick(LANGUAGES),
        tags,
        status,
        aiDisclosure: '',
        slugLocked: false,
        sourceIds,
        related,
        createdAt: created.toISOString(),
        updatedAt: updated.toISOString(),
      },
      body,
      review: { decisions: [] },
    };
    topic.articles.push(id);
    const slug = uniqueSlug(slugify(headline), takenSlugs);
    takenSlugs.add(slugKey(slug));
    writeFileSync(path.join(articlesDir, `${slug}.json`), serializeArticle(article));
  }
  return { articles: options.articles, sources: sourceCount };
}

const USAGE = 'Usage: npm run generate -- --articles N --out DIR [--seed S] [--sources K] [--words W]';

function main(): void {
  const { values } = parseArgs({
    options: { articles: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, sources: { type: 'string' }, words: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const count = Number(values.articles);
  const number = (text: string | undefined, what: string) => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${what} must be a whole number, not "${text}".\n${USAGE}`);
    return n;
  };
  if (!values.out || !Number.isInteger(count) || count < 1) throw new Error(`give --articles (a number, at least 1) and --out.\n${USAGE}`);
  const started = Date.now();
  const made = generateWorkspace({ articles: count, out: path.resolve(values.out), seed: number(values.seed, '--seed'), sources: number(values.sources, '--sources'), words: number(values.words, '--words') });
  console.warn(`Wrote ${made.articles} articles and ${made.sources} sources to ${path.resolve(values.out)} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(`generate-workspace: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
