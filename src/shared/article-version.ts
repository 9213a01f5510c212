/**
 * An article's versions as the API hands them out: the list (time, why it was kept, size,
 * a preview) and one version whole, for a compare or a restore.
 */
import { z } from 'zod';
import { lexicalBodySchema } from './article';

/** Why a version was kept. */
export const versionKindSchema = z.enum(['on-disk', 'on-screen', 'settled', 'before-status', 'before-restore', 'sync-theirs']);
export type VersionKind = z.infer<typeof versionKindSchema>;

/** A version as the list shows it. */
export const articleVersionSummarySchema = z.object({
  /** The version's file name in `.copydesk/history/<id>/`. */
  versionId: z.string(),
  at: z.string(),
  kind: versionKindSchema,
  /** Bytes of the version's file. */
  size: z.number().int().nonnegative(),
  headline: z.string(),
  words: z.number().int().nonnegative(),
  /** The start of its text. */
  preview: z.string(),
  /** False when the file cannot be read back as an article (it stays, listed). */
  readable: z.boolean(),
});
export type ArticleVersionSummary = z.infer<typeof articleVersionSummarySchema>;

/** One version whole. */
export const articleVersionSchema = z.object({
  versionId: z.string(),
  at: z.string(),
  kind: versionKindSchema,
  size: z.number().int().nonnegative(),
  /** Where it lies in the workspace. */
  file: z.string(),
  meta: z.record(z.string(), z.unknown()),
  body: lexicalBodySchema,
  /** Its body as plain text (blocks apart by blank lines). */
  text: z.string(),
});
export type ArticleVersion = z.infer<typeof articleVersionSchema>;

/** How a version is named in the list. */
export function versionKindLabel(kind: VersionKind): string {
  switch (kind) {
    case 'settled':
      return 'Saved while editing';
    case 'before-status':
      return 'Before a status change';
    case 'before-restore':
      return 'Before a restore';
    case 'on-disk':
      return 'Kept from a conflict (the file on disk)';
    case 'on-screen':
      return 'Kept from a conflict (the text on screen)';
    case 'sync-theirs':
      return 'Kept from a team sync (the other version)';
  }
}
