/** The article form's pure helpers on fields: what a save may write, bylines as typed, a blank draft. */
import { describe, expect, it } from 'vitest';
import { bylinesFromText, editableMeta, isBlankDraft, shownMeta } from '../../../src/renderer/src/article/article-meta';
import type { ArticleMeta } from '../../../src/shared/article';

const meta: ArticleMeta = {
  headline: '',
  dek: '',
  kicker: '',
  section: '',
  bylines: [],
  dateline: '',
  language: 'en',
  tags: [],
  status: 'draft',
  aiDisclosure: '',
  slugLocked: false,
  sourceIds: [],
  related: [],
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
};

describe('article meta', () => {
  it('a save never writes the dates the workspace keeps, nor the status (it has its own call)', () => {
    const patch = editableMeta({ ...meta, headline: 'H', status: 'approved' });
    expect(patch).toMatchObject({ headline: 'H', language: 'en' });
    expect(patch).not.toHaveProperty('createdAt');
    expect(patch).not.toHaveProperty('updatedAt');
    expect(patch).not.toHaveProperty('status');
  });

  it('"Keep mine" writes the fields the form shows', () => {
    expect(shownMeta({ ...meta, headline: 'H', dek: 'D', tags: ['t'], sourceIds: ['harbour-ledger-2026-11-10'] })).toEqual({
      headline: 'H',
      dek: 'D',
      kicker: '',
      section: '',
      bylines: [],
      dateline: '',
      sourceIds: ['harbour-ledger-2026-11-10'],
      language: 'en',
      aiDisclosure: '',
    });
    expect(shownMeta({ ...meta, aiUse: 'ai-assisted', aiDisclosure: 'Checked.' })).toMatchObject({ aiUse: 'ai-assisted', aiDisclosure: 'Checked.' });
  });

  it('bylines are typed as text and kept as a list of names', () => {
    expect(bylinesFromText(' Ana Lima,Tom Berg , ,')).toEqual(['Ana Lima', 'Tom Berg']);
    expect(bylinesFromText('')).toEqual([]);
  });

  it('a draft is blank only when no field and no body text has anything in it', () => {
    expect(isBlankDraft(meta, ' \n ')).toBe(true);
    expect(isBlankDraft(meta, 'A word')).toBe(false);
    expect(isBlankDraft({ ...meta, dateline: 'Rotterdam' }, '')).toBe(false);
    expect(isBlankDraft({ ...meta, bylines: ['Ana Lima'] }, '')).toBe(false);
    expect(isBlankDraft({ ...meta, status: 'in-review' }, '')).toBe(false);
    // Sources attached to a new draft are work too: it is not thrown away.
    expect(isBlankDraft({ ...meta, sourceIds: ['harbour-ledger-2026-11-10'] }, '')).toBe(false);
  });
});
