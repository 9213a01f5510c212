/**
 * Exports several articles one after another, reporting progress after each; an article
 * the gate refuses, or one that fails, is reported and the others go on.
 */
import type { Workspace } from '../workspace/workspace';
import { readArticleState } from './article-state';
import { bundleFromState } from './build-bundle';
import type { GateProblem } from './bundle-types';
import { writeBundle, type WriteBundleOptions } from './write-bundle';

export interface BatchOptions {
  outDir: string;
  at: Date;
  zip: boolean;
  /** A written reason to export past the gate, for every article of the batch. */
  override?: string | undefined;
  onProgress?: (progress: BatchProgress) => void;
  /** Passed to writeBundle (tests). */
  writeFile?: WriteBundleOptions['writeFile'];
}

export interface BatchProgress {
  done: number;
  total: number;
  articleId: string;
  outcome: 'exported' | 'refused' | 'failed';
}

export interface BatchSummary {
  exported: Array<{ articleId: string; slug: string; folder: string; zipFile?: string }>;
  /** Stopped by the gate (no override given). */
  refused: Array<{ articleId: string; problems: GateProblem[] }>;
  failed: Array<{ articleId: string; message: string }>;
}

export async function exportBatch(workspace: Workspace, articleIds: string[], options: BatchOptions): Promise<BatchSummary> {
  const summary: BatchSummary = { exported: [], refused: [], failed: [] };
  const ids = [...new Set(articleIds)];
  for (const [i, articleId] of ids.entries()) {
    let outcome: BatchProgress['outcome'];
    try {
      const state = await readArticleState(workspace, articleId, options.at);
      if (state.problems.length && !options.override?.trim()) {
        summary.refused.push({ articleId, problems: state.problems });
        outcome = 'refused';
      } else {
        const bundle = bundleFromState(state, { at: options.at, override: options.override });
        const written = await writeBundle(bundle, options.outDir, { zip: options.zip, ...(options.writeFile ? { writeFile: options.writeFile } : {}) });
        summary.exported.push({ articleId, slug: bundle.slug, ...written });
        outcome = 'exported';
      }
    } catch (error) {
      summary.failed.push({ articleId, message: error instanceof Error ? error.message : String(error) });
      outcome = 'failed';
    }
    options.onProgress?.({ done: i + 1, total: ids.length, articleId, outcome });
  }
  return summary;
}
