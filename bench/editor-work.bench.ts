/**
 * Working-with-the-text figures: finding every match of a word in a 20,000-word article
 * read across its formatted runs (what the find bar does after each edit while it is
 * open), beside a plain regex over the same article's plain text; and the word-level
 * compare of two versions of that article (1 word in 100 changed), beside the same
 * compare of the text with itself (the tokenizing alone).
 */
import { performance } from 'node:perf_hooks';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { buildBody, loadBody } from '../src/document/headless';
import { plainTextFromBody } from '../src/document/plain-text';
import { $findMatches, findPattern } from '../src/renderer/src/editor/find/find-matches';
import { wordDiff } from '../src/renderer/src/versions/word-diff';
import { median, scaled, type Figure } from './report';

const WORDS = ['the', 'strike', 'harbour', 'pilots', 'union', 'crews', 'night', 'shift', 'port', 'talks', 'offer', 'pay', 'rosters', 'quay', 'council'];

function timed(run: () => unknown, rounds: number): number {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export async function editorWorkFigures(): Promise<Figure[]> {
  const paragraphs = scaled(200, 40);
  const rounds = scaled(15, 5);
  let n = 0;
  const word = () => WORDS[(n = (n * 7 + 3) % 9973) % WORDS.length]!;
  const sentence = (count: number) => Array.from({ length: count }, word).join(' ');
  // 100 words a paragraph, with a bold run in the middle of it.
  const body = buildBody(() => {
    for (let p = 0; p < paragraphs; p++) {
      const paragraph = $createParagraphNode();
      paragraph.append($createTextNode(`${sentence(45)} `), $createTextNode(sentence(10)).toggleFormat('bold'), $createTextNode(` ${sentence(45)}.`));
      $getRoot().append(paragraph);
    }
  });
  const loaded = loadBody(body);
  if (!loaded.ok) throw new Error(loaded.error);
  const editor = loaded.value;
  const pattern = findPattern('strike', { matchCase: false, wholeWord: true })!;
  const text = plainTextFromBody(body);

  let found = 0;
  const find = timed(() => {
    found = editor.getEditorState().read(() => $findMatches(pattern)).length;
  }, rounds);
  let plain = 0;
  const regex = timed(() => {
    plain = [...text.matchAll(pattern)].length;
  }, rounds);
  if (found !== plain) throw new Error(`find found ${found} matches, the plain regex ${plain}`);

  const words = text.split(' ');
  const changed = words.map((w, i) => (i % 100 === 50 ? 'walkout' : w)).join(' ');
  const compare = timed(() => wordDiff(text, changed, 10_000), scaled(3, 1));
  const itself = timed(() => wordDiff(text, text, 10_000), scaled(3, 1));

  const size = `${(paragraphs * 100).toLocaleString('en-US')}-word article`;
  return [
    { what: `find every match across formatted runs, ${size}`, measured: find, baseline: regex, baselineLabel: 'regex over the plain text', budget: 16 },
    { what: `compare two versions word by word, ${size} (1 word in 100 changed)`, measured: compare, baseline: itself, baselineLabel: 'the same compare of the text with itself', budget: 1500 },
  ];
}
