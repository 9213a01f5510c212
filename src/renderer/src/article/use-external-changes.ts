/**
 * What another program does to the open article's file. A rewrite is taken in at once when
 * nothing is pending here (the form starts afresh on it, where the reader was), and is
 * offered as a choice when something is; a move is followed; a removal or damage is said.
 */
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { Article } from '../../../shared/article';
import { api } from '../api';
import { changedBySync } from '../team/team-store';

/** What another program did to the file while the article is open. */
export type OutsideChange = null | 'changed' | 'removed' | 'damaged';

/** How the form was started afresh on a new version, to carry on where the editor was. */
export interface ReplaceContext {
  notice?: string;
  scrollTop?: number;
}

interface ExternalChangeOptions {
  id: string;
  /** The revision the form's next save builds on, for telling a move from a rewrite. */
  revisionRef: RefObject<string>;
  /** True when everything typed here is saved, so a version from disk can replace it. */
  isSettled: () => boolean;
  /** Starts the form afresh on another version of the article. */
  replace: (article: Article, context?: ReplaceContext) => void;
  /** The file was moved (renamed) by another program. */
  onMoved: (slug: string) => void;
}

export function useExternalChanges({ id, revisionRef, isSettled, replace, onMoved }: ExternalChangeOptions) {
  const [outside, setOutside] = useState<OutsideChange>(null);

  /** Takes the version on disk in, unless edits are waiting here: then the user chooses. */
  const takeFromDisk = useCallback(async () => {
    const fresh = await api.articles.get({ id });
    if (!isSettled()) setOutside('changed');
    else
      replace(fresh, {
        notice: changedBySync() ? 'Updated from the team sync: changes made to this article in another copy came in.' : 'Updated from disk: another program changed this article.',
        scrollTop: document.querySelector('.article-scroll')?.scrollTop ?? 0,
      });
  }, [id, isSettled, replace]);

  useEffect(
    () =>
      api.on('library.changed', ({ changes }) => {
        // The last word on this article counts: a move arrives as "removed" then "added".
        const mine = changes.filter((c) => c.id === id && c.origin === 'external').at(-1);
        if (!mine) return;
        if (mine.kind === 'removed' || mine.kind === 'damaged') {
          setOutside(mine.kind);
          return;
        }
        onMoved(mine.slug);
        setOutside((current) => (current === 'removed' || current === 'damaged' ? null : current));
        // The file was moved, not rewritten: the revision is the one this form builds on.
        if (mine.revision !== null && mine.revision === revisionRef.current) return;
        void takeFromDisk().catch(() => setOutside('changed'));
      }),
    [id, takeFromDisk, onMoved, revisionRef],
  );

  return [outside, setOutside] as const;
}
