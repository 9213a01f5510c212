/**
 * What a launch asks for: the folders and files named on the command line (a second
 * launch passes its own to the first, the system passes a double-clicked file), sorted
 * into workspaces to open and documents or bundles to import. Pure but for `kindOf`.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

/** Documents a dropped or opened file may be, imported as an article. */
export const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm', '.docx'] as const;
/** A bundle Copydesk exported, imported back as a draft. */
export const BUNDLE_EXTENSIONS = ['.zip'] as const;

export type LaunchTarget = { kind: 'workspace'; path: string } | { kind: 'import-article'; path: string } | { kind: 'import-bundle'; path: string };

export interface LaunchRequest {
  targets: LaunchTarget[];
  /** Arguments that name nothing Copydesk can open, each said in words. */
  problems: string[];
}

/** What lies at a path: a folder, a file, or nothing. */
export type KindOf = (file: string) => 'folder' | 'file' | 'missing';

/**
 * Sorts the arguments after the executable (and, when not packaged, after the app's own
 * folder). Switches (`--flag`, `-psn_…` from old macOS) are Chromium's or the system's.
 */
export function parseLaunchArgs(args: readonly string[], cwd: string, kindOf: KindOf): LaunchRequest {
  const targets: LaunchTarget[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    if (!arg || arg.startsWith('-')) continue;
    const absolute = path.resolve(cwd, arg);
    const kind = kindOf(absolute);
    const extension = path.extname(absolute).toLowerCase();
    if (kind === 'folder') targets.push({ kind: 'workspace', path: absolute });
    else if (kind === 'missing') problems.push(`${absolute} does not exist.`);
    else if ((ARTICLE_EXTENSIONS as readonly string[]).includes(extension)) targets.push({ kind: 'import-article', path: absolute });
    else if ((BUNDLE_EXTENSIONS as readonly string[]).includes(extension)) targets.push({ kind: 'import-bundle', path: absolute });
    else problems.push(`${path.basename(absolute)} is not a workspace folder, a document (.md, .txt, .html, .docx) or an exported bundle (.zip).`);
  }
  return { targets, problems };
}

/**
 * The arguments of a launch that name things to open: not the executable, not switches,
 * and not the app's own folder when run from a checkout (`electron <folder>`, where
 * switches may come before the folder).
 */
export function userArgs(argv: readonly string[], packaged: boolean): string[] {
  const rest = argv.slice(1).filter((arg) => !arg.startsWith('-'));
  return packaged ? rest : rest.slice(1);
}

/** What lies at a path, from the file system. */
export const kindOfPath: KindOf = (file) => {
  try {
    return statSync(file).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
};
