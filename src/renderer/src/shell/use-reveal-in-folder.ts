/**
 * File ▸ Reveal in Folder (and the palette's entry): shows the open article's file in the
 * system's file manager in the desktop app; in browser mode, which cannot open folders,
 * says where the file is instead.
 */
import { useCallback, useEffect, useRef } from 'react';
import { api } from '../api';
import { useCommand } from './command-registry';

export function useRevealInFolder(articleId: string | null, onMessage: (message: string) => void): void {
  const say = useRef(onMessage);
  useEffect(() => {
    say.current = onMessage;
  });
  const reveal = useCallback(async () => {
    if (!articleId) return;
    try {
      const { path, shown } = await api.workspace.reveal({ articleId });
      if (!shown) say.current(`The article’s file is ${path}`);
    } catch (error) {
      say.current(error instanceof Error ? error.message : String(error));
    }
  }, [articleId]);
  useCommand('reveal-in-folder', () => void reveal(), articleId !== null);
}
