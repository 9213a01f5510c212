/**
 * The app-wide commands no single pane owns: the source library, a new source from
 * anywhere, and the theme. (Panes that can do better register their own handler for the
 * same command while they are on screen: the article's sources panel attaches the new
 * source to the article, the source library opens its own dialog.)
 */
import { requestNewSource } from '../sources/new-source-request';
import { useCommand } from './command-registry';
import { toggleTheme } from './theme';
import type { View } from './use-open-article';

export function useAppCommands(openView: (view: View) => Promise<void>): void {
  useCommand('show-sources', () => void openView({ kind: 'sources', id: null }));
  useCommand('add-source', () => {
    requestNewSource();
    void openView({ kind: 'sources', id: null });
  });
  useCommand('toggle-theme', () => void toggleTheme());
}
