import { describe, expect, it } from 'vitest';
import { figureKey } from '../../../../src/document/claims/figure-key';
import { findFigures } from '../../../../src/document/claims/figures';
import type { NumberStyle } from '../../../../src/document/claims/numbers';

const figures = (text: string, style: NumberStyle = 'dot') => findFigures(text, style).map((f) => [text.slice(f.start, f.end), figureKey(f.figure)]);
const keys = (text: string, style: NumberStyle = 'dot') => findFigures(text, style).map((f) => figureKey(f.figure));

describe('figures in text', () => {
  it('reads thousands separators by language', () => {
    expect(keys('99,000 households')).toEqual(['count:99000']);
    expect(keys('99 000 households')).toEqual(['count:99000']);
    expect(keys('99\u00a0000 ménages', 'comma')).toEqual(['count:99000']);
    expect(keys('99\u202f000 ménages', 'comma')).toEqual(['count:99000']);
    expect(keys('99.000 Haushalte', 'comma')).toEqual(['count:99000']);
    expect(keys('1’000 Franken Busse und 1\'250 Personen', 'comma')).toEqual(['money:CHF:1000', 'count:1250']);
    expect(keys('12.5 and 1,240 and 1.234.567', 'dot')).toEqual(['count:12.5', 'count:1240', 'count:1234567']);
    expect(keys('12,5 und 1.240', 'comma')).toEqual(['count:12.5', 'count:1240']);
  });

  it('reads percentages in several languages', () => {
    expect(keys('12% and 12 per cent and 12 percent')).toEqual(['percent:12', 'percent:12', 'percent:12']);
    expect(keys('12 Prozent, 12,5 % und 3 Prozentpunkte', 'comma')).toEqual(['percent:12', 'percent:12.5', 'points:3']);
    expect(keys('12,5\u00a0% et 40 pour cent', 'comma')).toEqual(['percent:12.5', 'percent:40']);
  });

  it('reads money with scales and currencies before or after', () => {
    expect(keys('€48 million, $3.2bn, £1.5m, €2.1 million and US$40')).toEqual(['money:EUR:48000000', 'money:USD:3200000000', 'money:GBP:1500000', 'money:EUR:2100000', 'money:USD:40']);
    expect(keys('48 Mio. Euro und 1,5 Milliarden Euro', 'comma')).toEqual(['money:EUR:48000000', 'money:EUR:1500000000']);
    expect(keys('48 millions d’euros et 12 000 €', 'comma')).toEqual(['money:EUR:48000000', 'money:EUR:12000']);
    expect(keys('1.5 million euros')).toEqual(['money:EUR:1500000']);
  });

  it('reads ranges as one figure, and "from … to …" as two', () => {
    expect(figures('between €25,000 and €90,000 each')).toEqual([['€25,000 and €90,000', 'money:EUR:25000-90000']]);
    expect(keys('25,000 to 90,000 people and 25,000–90,000 more')).toEqual(['count:25000-90000', 'count:25000-90000']);
    expect(keys('25 to 30 million euros')).toEqual(['money:EUR:25000000-30000000']);
    expect(keys('fell from 1,412 to 1,166 pupils')).toEqual(['count:1412', 'count:1166']);
  });

  it('reads cheap number words and fractions', () => {
    expect(figures('five working days, a dozen children, two dozen eggs and two thirds of voters')).toEqual([
      ['five', 'count:5'],
      ['a dozen', 'count:12'],
      ['two dozen', 'count:24'],
      ['two thirds', `percent:${(200 / 3).toPrecision(12).replace(/0+$/, '')}`],
    ]);
    expect(keys('no one said one thing; twenty-five was often named')).toEqual([]);
    expect(figures('twice the cost, three times as many and 4 times more')).toEqual([
      ['twice', 'times:2'],
      ['three times', 'times:3'],
      ['4 times', 'times:4'],
    ]);
  });

  it('takes dates as one figure each and years alone as years', () => {
    expect(figures('On 6 November 2026, on November 6, on 9 décembre, on 4. November and on 2026-11-06')).toEqual([
      ['6 November 2026', 'date:2026-1106'],
      ['November 6', 'date:1106'],
      ['9 décembre', 'date:1209'],
      ['4. November', 'date:1104'],
      ['2026-11-06', 'date:2026-1106'],
    ]);
    expect(keys('the first drones leave the line in 2028, by 2032 or in October 2025')).toEqual(['year:2028', 'year:2032', 'date:2025-1000']);
    expect(keys('2000 workers')).toEqual(['count:2000']);
    expect(keys('in the 2016/17 school year')).toEqual(['year:2016']);
  });

  it('leaves out ordinals, decades, times and codes', () => {
    expect(keys('the 2nd round, the 21st century, the 1950s and ’90s, at 10:30, COVID-19, Q3, GV-Agri, 5G and 3D')).toEqual([]);
    expect(keys('der 3. Platz', 'comma')).toEqual([]);
    expect(keys('Findings\n\n3. The forecast rests on 2 reports.\n1.2 Enrolment fell.')).toEqual(['count:2']);
  });

  it('knows the noun a figure counts', () => {
    const [figure] = findFigures('about 99,000 eligible households', 'dot');
    expect(figure?.figure.noun).toBe('eligible');
    expect(findFigures('55% of components', 'dot')[0]?.figure.noun).toBe('component');
    expect(findFigures('six-day waits', 'dot')[0]?.figure.noun).toBe('day');
  });

  it('reads that noun within the 60 characters after the figure, a longer word cut there', () => {
    const nouns = (text: string) => findFigures(text, 'dot').map((f) => f.figure.noun);
    expect(nouns(`12 ${'k'.repeat(70)} households`)).toEqual(['k'.repeat(59)]);
    expect(nouns(`12${' '.repeat(55)}households`)).toEqual(['house']);
    expect(nouns(`12${' '.repeat(60)}households`)).toEqual([undefined]);
    expect(nouns(`12 of${' '.repeat(52)}households`)).toEqual(['house']);
    expect(nouns('12 of the households')).toEqual([undefined]);
  });

  it('reads a range only when a number follows closely, and never a time', () => {
    const text = '€1.5 million for 12 ferries at 10 Uhr, 25,000 to 90,000 and 25,000 to about 90,000';
    expect(findFigures(text, 'dot').map((f) => [text.slice(f.start, f.end), f.figure.noun])).toEqual([
      ['€1.5 million', undefined],
      ['12', 'ferry'],
      ['25,000 to 90,000', undefined],
      ['25,000', undefined],
      ['90,000', undefined],
    ]);
  });

  it('skips figures inside masked ranges (quotes)', () => {
    const text = 'He said “we lost 448 drones” and 12 cranes.';
    expect(findFigures(text, 'dot', [{ start: text.indexOf('we'), end: text.indexOf('”') }]).map((f) => f.figure.value)).toEqual([12]);
  });
});
