import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../../../src/document/claims/quote-marks';

const quoted = (text: string) => findQuotes(text).map((q) => text.slice(q.start, q.end));

describe('quotations in a block', () => {
  it('reads straight and curly double quotes', () => {
    expect(quoted('He said "we will sign" and left.')).toEqual(['we will sign']);
    expect(quoted('She called it “difficult but businesslike.” Then she left.')).toEqual(['difficult but businesslike.']);
    expect(quoted('“One,” he said. “Two.”')).toEqual(['One,', 'Two.']);
  });

  it('tells single quotes from apostrophes', () => {
    expect(quoted("The union's members don't agree: 'we will strike', said one.")).toEqual(['we will strike']);
    expect(quoted('The union’s plan, the ’90s and the workers’ fund: no quote here.')).toEqual([]);
    expect(quoted('She called it ‘a pay cut’ for parents.')).toEqual(['a pay cut']);
    expect(quoted("Back in the '90s rock 'n' roll was loud.")).toEqual([]);
    expect(quoted("the workers' union said 'no'")).toEqual(['no']);
  });

  it('reads French guillemets, with or without (narrow) no-break spaces', () => {
    expect(quoted('Elle a dit\u00a0: «\u202fNous ne signerons rien\u202f», puis elle est partie.')).toEqual(['Nous ne signerons rien']);
    expect(quoted('« Nous signerons », a-t-elle dit.')).toEqual(['Nous signerons']);
    expect(quoted('«Pas question»')).toEqual(['Pas question']);
  });

  it('reads German marks: „…“, ‚…‘ and »…«', () => {
    expect(quoted('„Wir unterschreiben nichts“, sagte sie.')).toEqual(['Wir unterschreiben nichts']);
    expect(quoted('Er nannte es ‚schwierig‘.')).toEqual(['schwierig']);
    expect(quoted('»Wir bleiben hart«, sagte Verhoeven.')).toEqual(['Wir bleiben hart']);
  });

  it('keeps a nested quote inside its quotation', () => {
    expect(quoted('“People see the word ‘subsidy’ and think of others,” she said.')).toEqual(['People see the word ‘subsidy’ and think of others,']);
    expect(quoted('« Il a dit “non” hier », selon elle.')).toEqual(['Il a dit “non” hier']);
    expect(quoted('„Er sagte ‚nein‘ dazu“, so Verhoeven.')).toEqual(['Er sagte ‚nein‘ dazu']);
  });

  it('ends a quote never closed at the end of its block, flagged', () => {
    const text = '“We will not sign, she said, and left the room.';
    const [quote] = findQuotes(text);
    expect(quote).toMatchObject({ unclosed: true, start: 1, end: text.length });
    expect(findQuotes('A stray ‘ mark and “a real one” here.').map((q) => q.unclosed)).toEqual([false]);
  });

  it('ignores marks with no words between them', () => {
    expect(quoted('An empty “ ” and “…” pair.')).toEqual([]);
  });
});
