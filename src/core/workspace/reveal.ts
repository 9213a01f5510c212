/**
 * "Reveal in Folder": which file or folder of the workspace to show in the system's file
 * manager. Only what lies inside the workspace and exists is shown; the shell that can show
 * it (the desktop app) passes its `show`, and the others get the path to show instead.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import { containedPath } from '../storage/contained-path';
import type { Workspace } from './workspace';
import { workspaceLayout } from './workspace-layout';

export type RevealRequest = { path: string } | { articleId: string };

export async function revealInFolder(workspace: Workspace, request: RevealRequest, show: ((absolutePath: string) => void) | undefined): Promise<{ path: string; shown: boolean }> {
  const root = workspace.info().path;
  let target: string;
  if ('articleId' in request) {
    const summary = workspace.articles.list().articles.find((article) => article.id === request.articleId);
    if (!summary) throw new ApiError('not-found', `There is no article with the id ${request.articleId} in this workspace.`);
    target = containedPath(workspaceLayout(root).articles, `${summary.slug}.json`);
  } else {
    target = path.resolve(root, request.path);
  }
  const inside = path.relative(root, target);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new ApiError('invalid-request', `${'path' in request ? request.path : target} is outside the workspace; only the workspace's own files are shown.`, [
      { path: 'path', message: 'is outside the workspace' },
    ]);
  }
  if (!(await lstat(target).catch(() => null))) throw new ApiError('not-found', `${inside || '.'} is not in the workspace (anymore).`);
  show?.(target);
  return { path: target, shown: !!show };
}
