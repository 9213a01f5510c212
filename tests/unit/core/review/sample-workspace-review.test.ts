/**
 * The sample workspace's answer key (resources/sample-workspace/README.md): every line it
 * calls verbatim is backed, every near one close, every unbacked one not found, against the
 * article's own attached sources only. Claims the key does not mention are not judged here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReviewChecker } from '../../../../src/core/review/check-article';
import type { CheckSource, ClaimResult, ClaimStatus } from '../../../../src/core/review/review-types';
import { SAMPLE_WORKSPACE } from '../../../../src/host/app-paths';

type Key = Array<[kind: 'quote' | 'figure', text: string, count?: number]>;

/** The README's lines, as the claims they name: the quote's first words, or the figure as written (and how often it occurs). */
const KEY: Record<string, { verbatim: Key; near: Key; unbacked: Key }> = {
  'rotterdam-terminal-strike-talks-narrow-pay-gap-but-stall-on-shift-rosters': {
    verbatim: [
      ['figure', '1,240'], ['figure', '7%'], ['figure', '4.5%'], ['figure', '3%'], ['figure', '12.5%'], ['figure', '85'], ['figure', 'five', 2],
      ['quote', 'moved a long way in a short time'], ['quote', 'We are not going to sign a deal'], ['quote', 'A roster that changes every fortnight'],
      ['quote', 'ready to go back tomorrow'], ['quote', 'The old roster was built for a terminal'],
    ],
    near: [['figure', '38,000'], ['quote', 'difficult but businesslike'], ['quote', 'no longer the thing keeping us apart'], ['quote', 'Every week this lasts']],
    unbacked: [
      ['quote', 'paid for with productivity'], ['figure', '€2.1 million'], ['figure', '€95'], ['quote', 'I know which nights I work'], ['figure', '19'],
      ['figure', '60%'], ['figure', '94%'], ['figure', 'six'], ['quote', 'The fight is rarely about'], ['quote', 'It is about who owns the calendar'],
      ['quote', 'a settlement that still works in 2030'],
    ],
  },
  'lindemeer-heating-subsidy-reaches-fewer-than-half-of-eligible-households': {
    verbatim: [
      ['figure', '41,300'], ['figure', '€18 million'], ['figure', '€7.4 million'], ['figure', '€180'], ['figure', '150%'], ['figure', '23'],
      ['figure', '31%'], ['figure', '18%'], ['quote', 'The money is there.'], ['quote', 'Roughly one in three applications'], ['quote', 'We keep designing schemes'],
    ],
    near: [['figure', '99,000'], ['quote', 'a twelve-page form'], ['quote', 'I would rather be slow and lawful']],
    unbacked: [
      ['quote', 'People see the word'], ['quote', 'By the time they find out'], ['figure', '14%'], ['figure', '27,000'], ['figure', '60%'],
      ['quote', 'Other cities have done this'], ['quote', 'We are not the first council'], ['figure', 'January 31'], ['figure', 'March 15'],
    ],
  },
  'serra-do-lume-s-village-schools-lose-a-fifth-of-their-pupils-in-a-decade': {
    verbatim: [
      ['figure', '4,870'], ['figure', '3,890'], ['figure', '20.1%'], ['figure', '38'], ['figure', '11'], ['figure', '21', 2], ['figure', '€9,400'],
      ['figure', '€5,100'], ['figure', '24'], ['quote', 'The network was designed for a population'], ['figure', '135'], ['quote', 'When a village loses its school'],
      ['quote', 'Everyone agrees on the numbers'], ['quote', 'The children who travel furthest'],
    ],
    near: [['figure', '212'], ['figure', '74'], ['figure', '15%'], ['quote', 'We are not asking for miracles'], ['quote', 'The argument is about what we owe']],
    unbacked: [
      ['figure', '287'], ['figure', '500'], ['figure', '34'], ['quote', 'My daughter spends more time'], ['quote', 'No school will close'],
      ['quote', 'But I will not pretend'], ['figure', 'twice'],
    ],
  },
  'what-lindemeer-s-48-million-drone-plant-deal-does-and-does-not-promise': {
    verbatim: [
      ['figure', '€48 million', 3], ['figure', '448', 2], ['figure', '€2.4 million', 2], ['figure', '30'], ['figure', '2028'], ['figure', '55%'], ['figure', '100'],
      ['quote', 'This is a civilian plant'], ['quote', 'the largest private investment'], ['quote', 'We looked at eleven locations'],
    ],
    near: [['figure', '150'], ['quote', 'Lindemeer gives us the space, the people and the canal we need']],
    unbacked: [
      ['figure', '€25,000 and €90,000'], ['figure', '€6 million'], ['quote', 'The municipality is taking on the site risk'], ['quote', 'The question is what happens'],
      ['quote', 'We were told this is about crop-spraying'], ['quote', 'in full, before anyone votes on it'],
    ],
  },
};

const read = (folder: string) =>
  readdirSync(path.join(SAMPLE_WORKSPACE, folder))
    .filter((n) => n.endsWith('.json'))
    .map((n) => ({ name: n.replace(/\.json$/, ''), file: JSON.parse(readFileSync(path.join(SAMPLE_WORKSPACE, folder, n), 'utf8')) }));

const sources: CheckSource[] = read('sources').map(({ file }) => ({ id: file.id, title: file.csl.title, snapshot: file.snapshot?.text ?? null, sha256: file.snapshot?.sha256 }));

function claimsFor(results: ClaimResult[], [kind, text]: Key[number]): ClaimResult[] {
  return results.filter((c) => c.kind === kind && (kind === 'figure' ? c.text === text : c.text.startsWith(text)));
}

describe('the sample workspace, checked against its answer key', () => {
  const checker = createReviewChecker();
  for (const { name, file } of read('articles')) {
    const key = KEY[name];
    it(`judges ${name} as the key says`, () => {
      expect(key, `no key for ${name}`).toBeDefined();
      const result = checker.check({ body: file.body, sources, attachedSourceIds: file.meta.sourceIds, language: file.meta.language });
      const wrong: string[] = [];
      const judge = (entries: Key, status: ClaimStatus) => {
        for (const entry of entries) {
          const found = claimsFor(result.claims, entry);
          if (found.length !== (entry[2] ?? 1)) wrong.push(`${entry[0]} “${entry[1]}”: ${found.length} claims, expected ${entry[2] ?? 1}`);
          for (const claim of found) if (claim.status !== status) wrong.push(`${entry[0]} “${claim.text}”: ${claim.status}, expected ${status} ${claim.note ?? ''}`);
        }
      };
      judge(key!.verbatim, 'backed');
      judge(key!.near, 'close');
      judge(key!.unbacked, 'not-found');
      expect(wrong).toEqual([]);
      for (const claim of result.claims.filter((c) => c.status === 'close' && c.kind === 'quote')) expect(claim.diff?.some((run) => run.op !== 'equal')).toBe(true);
    });
  }

  it('warns that the energy bulletin is attached to the heating article but backs nothing, and nothing else', () => {
    const warnings = read('articles').flatMap(({ file }) => checker.check({ body: file.body, sources, attachedSourceIds: file.meta.sourceIds, language: file.meta.language }).warnings);
    expect(warnings).toEqual(['“Household energy costs, third quarter 2026 (Statistical Bulletin 2026/Q3-04)” is attached but backs no claim.']);
  });
});
