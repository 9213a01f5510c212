/**
 * Review figures: checking a 5,000-word article against 30 sources of 50 KB (every quote
 * and figure extracted, matched, given a status), beside a naive indexOf of every claim's
 * text in every snapshot in the same run; and re-checking after one paragraph changed.
 * The text is generated (a seeded made-up vocabulary, quotes and figures reused from the
 * sources verbatim, reworded, rounded or invented), so every run checks the same thing.
 */
import { performance } from 'node:perf_hooks';
import { ReviewChecker } from '../src/core/review/check-article';
import type { CheckInput, CheckSource } from '../src/core/review/review-types';
import { extractClaims } from '../src/document/claims/extract-claims';
import type { LexicalBody } from '../src/shared/article';
import { median, type Figure } from './report';

/** mulberry32: a small seeded random generator. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mer', 'dan', 'vi', 'sto', 'ren', 'pa', 'gal', 'tor', 'bri', 'nes', 'qua', 'fen', 'ul', 'om', 'ter', 'wes', 'lin', 'dor', 'sa', 'mi'];
const FUNCTION = ['the', 'of', 'and', 'to', 'in', 'a', 'that', 'for', 'on', 'with', 'was', 'is', 'by', 'at', 'as', 'from', 'it', 'would'];
const FIRST = ['Anna', 'Pieter', 'Lotte', 'Ruud', 'Ilse', 'Marieke', 'Youssef', 'Hanneke', 'Helena', 'Paulo', 'Joris', 'Esther', 'Willem', 'Carla'];
const LAST = ['Verhoeven', 'Bakels', 'Brinkman', 'Scholten', 'Ramdin', 'Dekker', 'Amrani', 'Vries', 'Brito', 'Serrano', 'Lammers', 'Kuipers', 'Oostra', 'Mendes'];

class TextMaker {
  readonly next: () => number;
  private readonly vocabulary: string[];

  constructor(seed: number) {
    this.next = random(seed);
    this.vocabulary = Array.from({ length: 3000 }, () => Array.from({ length: 2 + Math.floor(this.next() * 2) }, () => this.pick(SYLLABLES)).join(''));
  }

  pick<T>(list: T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** A content word, common ones more often (roughly Zipf). */
  word(): string {
    return this.vocabulary[Math.floor(this.vocabulary.length * this.next() ** 3)]!;
  }

  words(n: number): string {
    return Array.from({ length: n }, () => (this.next() < 0.4 ? this.pick(FUNCTION) : this.word())).join(' ');
  }

  sentence(n = 10 + Math.floor(this.next() * 10)): string {
    const text = this.words(n);
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  }

  figure(): string {
    const r = this.next();
    if (r < 0.4) return `${Math.floor(1000 + this.next() * 98000).toLocaleString('en-US')} ${this.word()}`;
    if (r < 0.7) return `${(1 + Math.floor(this.next() * 400) / 10).toFixed(1)}%`;
    return `€${(1 + Math.floor(this.next() * 900) / 10).toFixed(1)} million`;
  }

  person(): string {
    return `${this.pick(FIRST)} ${this.pick(LAST)}`;
  }
}

interface Material {
  quotes: Array<{ text: string; speaker: string }>;
  figures: string[];
}

/** One source of about `bytes`: paragraphs of sentences, figures in some, quotes in others. */
function sourceText(maker: TextMaker, bytes: number, material: Material): string {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const sentences: string[] = [];
    for (let k = 0; k < 5; k++) {
      const r = maker.next();
      if (r < 0.3) {
        const figureSentence = `${maker.words(5)} ${maker.figure()} ${maker.words(6)}.`;
        material.figures.push(figureSentence);
        sentences.push(figureSentence[0]!.toUpperCase() + figureSentence.slice(1));
      } else if (r < 0.45) {
        const quote = maker.sentence().slice(0, -1);
        const speaker = maker.person();
        material.quotes.push({ text: quote, speaker });
        sentences.push(`"${quote}," said ${speaker}, a ${maker.word()} ${maker.word()}.`);
      } else sentences.push(maker.sentence());
    }
    const text = sentences.join(' ');
    paragraphs.push(text);
    size += text.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** A quote or figure sentence as the article gives it: mostly as the source has it, sometimes changed or invented. */
function articleSentence(maker: TextMaker, material: Material): string {
  const r = maker.next();
  if (r < 0.45) {
    const quote = maker.pick(material.quotes);
    const words = quote.text.split(' ');
    if (maker.next() < 0.2) words[Math.floor(maker.next() * words.length)] = maker.word();
    return `“${words.join(' ')},” ${quote.speaker} said.`;
  }
  if (r < 0.55) return `“${maker.sentence().slice(0, -1)},” said ${maker.person()}.`;
  const figureSentence = maker.next() < 0.8 ? maker.pick(material.figures) : `${maker.words(5)} ${maker.figure()} ${maker.words(6)}.`;
  return figureSentence[0]!.toUpperCase() + figureSentence.slice(1);
}

function paragraph(text: string) {
  return { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] };
}

/** The benchmark's article and sources. */
export function reviewCorpus(words = 5000, sourceCount = 30, sourceBytes = 50_000): { input: CheckInput; paragraphs: string[]; maker: TextMaker } {
  const maker = new TextMaker(20261112);
  const material: Material = { quotes: [], figures: [] };
  const sources: CheckSource[] = Array.from({ length: sourceCount }, (_, i) => ({ id: `source-${i}`, title: `Source ${i}`, snapshot: sourceText(maker, sourceBytes, material) }));
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const parts = [maker.sentence(), articleSentence(maker, material), maker.sentence(), articleSentence(maker, material), articleSentence(maker, material)];
    const text = parts.join(' ');
    paragraphs.push(text);
    count += text.split(/\s+/).length;
  }
  return { input: { body: bodyOf(paragraphs), sources, attachedSourceIds: sources.map((s) => s.id), language: 'en' }, paragraphs, maker };
}

function bodyOf(paragraphs: string[]): LexicalBody {
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: paragraphs.map(paragraph) } };
}

export async function reviewFigures(): Promise<Figure[]> {
  const { input, paragraphs, maker } = reviewCorpus();
  const rounds = 7;
  const full: number[] = [];
  const warmIndexes: number[] = [];
  let claims = 0;
  for (let i = 0; i < rounds + 1; i++) {
    const checker = new ReviewChecker();
    const started = performance.now();
    const result = checker.check(input);
    const elapsed = performance.now() - started;
    claims = result.claims.length;
    // The same checker again, its answers dropped (the attached sources in another order): indexes and per-block claims kept.
    const renamed = { ...input, body: { root: { ...input.body.root, children: input.body.root.children.slice().reverse() } } };
    const again = performance.now();
    checker.check({ ...renamed, attachedSourceIds: [...input.attachedSourceIds].reverse() });
    const againElapsed = performance.now() - again;
    if (i > 0) {
      full.push(elapsed);
      warmIndexes.push(againElapsed);
    }
  }

  const texts = extractClaims(input.body, { language: 'en' }).claims.map((c) => c.text);
  const snapshots = input.sources.map((s) => s.snapshot ?? '');
  const naive: number[] = [];
  let hits = 0;
  for (let i = 0; i < rounds + 1; i++) {
    const started = performance.now();
    hits = 0;
    for (const text of texts) for (const snapshot of snapshots) if (snapshot.indexOf(text) >= 0) hits++;
    if (i > 0) naive.push(performance.now() - started);
  }

  const checker = new ReviewChecker();
  checker.check(input);
  const incremental: number[] = [];
  for (let i = 0; i < rounds + 1; i++) {
    const edited = paragraphs.slice();
    const at = 5 + i * 3;
    edited[at] = `${edited[at]} “${maker.sentence().slice(0, -1)},” said ${maker.person()}, adding that ${maker.figure()} were at stake.`;
    const started = performance.now();
    checker.check({ ...input, body: bodyOf(edited) });
    if (i > 0) incremental.push(performance.now() - started);
  }

  const label = `${paragraphs.join(' ').split(/\s+/).length.toLocaleString('en-US')} words, ${claims} claims, ${input.sources.length} sources of ${Math.round((input.sources[0]!.snapshot ?? '').length / 1000)} KB`;
  return [
    { what: `review check, cold: indexes built (${label}; median of ${rounds})`, measured: median(full), baseline: median(naive), baselineLabel: `naive indexOf of every claim in every source, ${hits} hits`, budget: 100 },
    { what: `review check, source indexes kept, every claim matched again (median of ${rounds})`, measured: median(warmIndexes), baseline: median(naive), baselineLabel: 'naive indexOf', budget: 100 },
    { what: `review re-check after one paragraph changed (median of ${rounds})`, measured: median(incremental), baseline: median(naive), baselineLabel: 'naive indexOf', budget: 100 },
  ];
}
