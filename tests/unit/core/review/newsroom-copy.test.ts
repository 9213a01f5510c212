/**
 * Ordinary newsroom copy the check used to get wrong: a count whose noun has a modifier
 * before it ("14 ship-to-shore cranes"), in each language the check reads; a number in a
 * table cell, read with its row label and column header; an attribution that paraphrases
 * around a figure its source holds; number words in set phrases ("the two sides").
 */
import { describe, expect, it } from 'vitest';
import { createReviewChecker } from '../../../../src/core/review/check-article';
import type { CheckSource, ClaimResult } from '../../../../src/core/review/review-types';
import { bodyFromMarkup } from './fixture-corpus';

const source = (id: string, snapshot: string, language?: string): CheckSource => ({ id, title: id, snapshot, ...(language ? { language } : {}) });

function check(markup: string, sources: CheckSource[], language = 'en'): ClaimResult[] {
  return createReviewChecker().check({ body: bodyFromMarkup(markup), sources, attachedSourceIds: sources.map((s) => s.id), language }).claims;
}

const answers = (claims: ClaimResult[]) => claims.map((c) => [c.kind, c.text, c.status]);

describe('a count and the noun it counts', () => {
  const cases: Array<[language: string, sourceText: string, article: string]> = [
    ['en', 'The Veldhaven Port Authority will add 14 ship-to-shore cranes to the Noordkade container terminal by 2027.', 'The port will install 14 cranes at Noordkade.'],
    ['en', 'The Veldhaven Port Authority will add 14 ship-to-shore cranes to the Noordkade container terminal by 2027.', 'The port is buying 14 new electric container cranes for Noordkade.'],
    ['de', 'Die Hafenbehörde wird 14 neue Containerbrücken an der Noordkade aufstellen.', 'Der Hafen stellt 14 Containerbrücken an der Noordkade auf.'],
    ['fr', 'Le port de Veldhaven ajoutera 14 grues portuaires au terminal de Noordkade.', 'Le port installera 14 nouvelles grues à Noordkade.'],
    ['nl', 'Het havenbedrijf plaatst 14 nieuwe kranen op de Noordkade.', 'De haven krijgt 14 kranen op de Noordkade.'],
    ['pt', 'O porto vai instalar 14 novos guindastes no terminal de Noordkade.', 'O porto terá 14 guindastes em Noordkade.'],
  ];
  for (const [language, sourceText, article] of cases) {
    it(`finds “${article}” in “${sourceText}” (${language})`, () => {
      const claims = check(article, [source('port', sourceText, language)], language);
      expect(answers(claims)).toEqual([['figure', '14', 'backed']]);
    });
  }

  it('still tells 14 cranes from 14 tugboats', () => {
    const claims = check('The port will install 14 cranes at Noordkade.', [source('port', 'The harbour company operates 14 harbour tugboats at the Noordkade terminal.')]);
    expect(answers(claims)).toEqual([['figure', '14', 'not-found']]);
  });
});

describe('numbers in a table', () => {
  const sources = [
    source('port', 'Container throughput at Veldhaven reached 2.4 million TEU in 2025, up from 2.1 million TEU in 2023. The share of containers leaving the port by rail rose to 38.5% in 2025.'),
  ];
  it('reads each cell with its row label and its column header', () => {
    const claims = check('Throughput keeps growing.\n\n| Measure | 2023 | 2025 |\n| Container throughput (TEU) | 2.1 million | 2.4 million |\n| Rail share of containers | 31.2% | 38.5% |', sources);
    expect(answers(claims)).toEqual([
      ['figure', '2023', 'backed'],
      ['figure', '2025', 'backed'],
      ['figure', '2.1 million', 'backed'],
      ['figure', '2.4 million', 'backed'],
      ['figure', '31.2%', 'not-found'],
      ['figure', '38.5%', 'backed'],
    ]);
    expect(claims[2]!.context?.article).toContain('Container throughput (TEU) · 2023');
  });

  it('does not back a cell whose row and column are about something else', () => {
    const claims = check('| Fleet | 2019 |\n| Tugboats in service | 2.4 million |', sources);
    expect(answers(claims).find((c) => c[1] === '2.4 million')).toEqual(['figure', '2.4 million', 'not-found']);
  });
});

describe('an attribution and the figure it attributes', () => {
  const sources = [
    source('port', 'The expansion will create 450 jobs at the terminal and in the logistics parks behind it, according to the authority.'),
    source('union', 'The union said members would vote on the offer next week.'),
  ];
  it('is backed when its source holds the figure, as the figure is', () => {
    const claims = check('{{port|Some 450 jobs will come with the expansion}}, the authority says.', sources);
    expect(answers(claims)).toEqual([
      ['attribution', 'Some 450 jobs will come with the expansion', 'backed'],
      ['figure', '450', 'backed'],
    ]);
    expect(claims[0]!.sourceId).toBe('port');
    expect(claims[0]!.passage).toContain('450 jobs');
  });

  it('stays wrong-source when the source it names does not hold the figure', () => {
    const claims = check('{{union|Some 450 jobs will come with the expansion}}, the union says.', sources);
    expect(answers(claims)).toEqual([
      ['attribution', 'Some 450 jobs will come with the expansion', 'wrong-source'],
      ['figure', '450', 'wrong-source'],
    ]);
  });
});

describe('number words in set phrases', () => {
  it('are not figures: “the two sides”, “both sides”, “one of the”, “two years ago”', () => {
    const text =
      'On wages the two sides are closer than at any point since the walkout began. Both sides say one of the sticking points is the roster, agreed two years ago; die beiden Seiten, les deux camps, vor zwei Jahren, il y a deux ans.';
    expect(check(text, [source('port', 'Nothing here.')])).toEqual([]);
  });

  it('keeps real figures in words: “twelve crews”, “three-quarters of”, “two unions”', () => {
    const claims = check('Twelve crews walked out, three-quarters of members voted, and two unions signed.', [source('port', 'Nothing here.')]);
    expect(claims.map((c) => [c.text, c.normalized])).toEqual([
      ['Twelve', 'count:12'],
      ['three-quarters', 'percent:75'],
      ['two', 'count:2'],
    ]);
  });
});
