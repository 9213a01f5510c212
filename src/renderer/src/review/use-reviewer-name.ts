/**
 * The reviewer's name, which every decision and status change is recorded with. Kept in
 * the workspace's settings; asked for once, the first time it is needed, and changeable
 * from the review panel.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';

/** The name being asked for: the dialog shows while this is set. */
export interface NameQuestion {
  initial: string;
  /** Keeps the name (rejects when it cannot be kept, and the dialog says why). */
  answer: (name: string) => Promise<void>;
  cancel: () => void;
}

export interface ReviewerName {
  name: string | null;
  /** The name, asked for when there is none yet; null when the reviewer cancelled. */
  ensure: () => Promise<string | null>;
  /** Asks for the name again, to change it. */
  change: () => void;
  question: NameQuestion | null;
}

export function useReviewerName(): ReviewerName {
  const [name, setName] = useState<string | null>(null);
  const [question, setQuestion] = useState<NameQuestion | null>(null);
  const loaded = useRef<Promise<string | null> | null>(null);
  const nameRef = useRef<string | null>(null);

  const keep = useCallback((next: string | null) => {
    nameRef.current = next;
    setName(next);
  }, []);

  useEffect(() => {
    const loading = api.workspace
      .settings({})
      .then((settings) => settings.reviewerName || null)
      .catch(() => null);
    loaded.current = loading;
    let live = true;
    void loading.then((found) => live && keep(found));
    return () => {
      live = false;
    };
  }, [keep]);

  const ask = useCallback(
    (initial: string) =>
      new Promise<string | null>((resolve) => {
        setQuestion({
          initial,
          answer: async (answer) => {
            const settings = await api.workspace.updateSettings({ reviewerName: answer });
            keep(settings.reviewerName || answer);
            setQuestion(null);
            resolve(settings.reviewerName || answer);
          },
          cancel: () => {
            setQuestion(null);
            resolve(null);
          },
        });
      }),
    [keep],
  );

  const ensure = useCallback(async () => {
    const known = nameRef.current ?? (await loaded.current) ?? null;
    if (known) {
      keep(known);
      return known;
    }
    return ask('');
  }, [ask, keep]);

  const change = useCallback(() => void ask(nameRef.current ?? ''), [ask]);

  return useMemo(() => ({ name, ensure, change, question }), [name, ensure, change, question]);
}
