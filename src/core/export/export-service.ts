/**
 * Export as the API offers it: the gate, a preview of the page, bundles written (into the
 * workspace's exports/ unless another folder is named), with progress as an event, and a
 * bundle imported back.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/errors';
import type { Workspace } from '../workspace/workspace';
import { readArticleState } from './article-state';
import { bundleFromState } from './build-bundle';
import type { BatchProgress, BatchSummary } from './export-batch';
import { exportBatch } from './export-batch';
import { importBundle, type ImportedBundle } from './import-bundle';

/** The page a bundle would carry, built now; the gate's problems do not stop a preview. */
export async function previewArticle(workspace: Workspace, id: string): Promise<{ html: string; problems: Array<{ code: string; message: string }> }> {
  const at = new Date();
  const state = await readArticleState(workspace, id, at);
  const bundle = bundleFromState(state, { at, override: state.problems.length ? 'Preview only' : undefined });
  const page = bundle.files.find((f) => f.path === 'index.html');
  return { html: page ? new TextDecoder().decode(page.bytes) : '', problems: state.problems };
}

/** Writes bundles; an output folder must be absolute (a relative one would land wherever the host runs). */
export async function exportArticles(
  workspace: Workspace,
  request: { ids: string[]; outDir?: string | undefined; zip?: boolean | undefined; at?: string | undefined; override?: string | undefined },
  onProgress: (progress: BatchProgress) => void,
): Promise<BatchSummary & { outDir: string }> {
  if (request.outDir !== undefined && !path.isAbsolute(request.outDir)) {
    throw new ApiError('invalid-request', `outDir: "${request.outDir}" is not an absolute path`, [{ path: 'outDir', message: 'must be an absolute path' }]);
  }
  const outDir = request.outDir ?? workspace.layout.exports;
  const at = request.at ? new Date(request.at) : new Date();
  for (const id of request.ids) if (!workspace.articles.folder.registry.byId(id)) throw new ApiError('not-found', `No article with id ${id} in this workspace.`);
  const summary = await exportBatch(workspace, request.ids, { outDir, at, zip: request.zip ?? false, override: request.override, onProgress });
  return { ...summary, outDir };
}

/** A bundle (a .zip, or a folder on this machine) back into the workspace as a new draft with its sources. */
export async function importBundleFrom(workspace: Workspace, from: { path: string } | { fileName: string; data: Uint8Array }): Promise<ImportedBundle> {
  if ('path' in from) {
    if (!path.isAbsolute(from.path)) throw new ApiError('invalid-request', `path: "${from.path}" is not an absolute path`, [{ path: 'path', message: 'must be an absolute path' }]);
    return importBundle(workspace, from.path);
  }
  // An upload is read from a private temp folder, removed afterwards whatever happens.
  const folder = await mkdtemp(path.join(tmpdir(), 'copydesk-bundle-'));
  try {
    const file = path.join(folder, 'bundle.zip');
    await writeFile(file, from.data, { mode: 0o600 });
    return await importBundle(workspace, file);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
