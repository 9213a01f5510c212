/**
 * YAML front matter as Markdown tools write it: the fields an article takes, in the
 * spellings and YAML forms found in the wild, and text that only looks like front matter.
 */
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../../../src/core/articles/import/front-matter';

describe('splitFrontMatter', () => {
  it('reads quoted, plain, folded and list values under the names tools use', () => {
    const { fields, rest } = splitFrontMatter(
      [
        '---',
        "headline: 'The port''s # new deal'",
        'summary: >',
        '  Two lines that fold',
        '  into one.',
        'authors: [Mara Voss, "Ekdahl, Tom"]',
        'language: nl-BE # a comment',
        'label: Analysis',
        'tags:',
        '  - ports',
        'draft: true',
        '---',
        '# Body',
      ].join('\n'),
    );
    expect(fields).toEqual({
      title: "The port's # new deal",
      description: 'Two lines that fold into one.',
      authors: ['Mara Voss', 'Ekdahl, Tom'],
      language: 'nl-BE',
      kicker: 'Analysis',
    });
    expect(rest).toBe('# Body');
  });

  it('reads a block list of authors, and a list under an unindented key', () => {
    expect(splitFrontMatter('---\nauthor:\n  - Saar de Wit\n  - Omar Haddad\n---\nText').fields).toEqual({ authors: ['Saar de Wit', 'Omar Haddad'] });
    expect(splitFrontMatter('---\nauthor:\n- Saar de Wit\ntitle: "Quay"\n---\nText').fields).toEqual({ authors: ['Saar de Wit'], title: 'Quay' });
  });

  it('leaves a file alone that starts with a thematic break and text, or has no closing line', () => {
    const ruled = '---\nJust a paragraph after a rule.\n---\nMore.';
    expect(splitFrontMatter(ruled)).toEqual({ fields: null, rest: ruled });
    const open = '---\ntitle: Never closed\n\n# Heading';
    expect(splitFrontMatter(open)).toEqual({ fields: null, rest: open });
  });
});
