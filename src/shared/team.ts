/**
 * Team work over git as the API hands it out: the sync status of this copy, what a sync
 * did, an article's commits, and who last changed each article.
 */
import { z } from 'zod';

/** A file both sides changed in the same field: ours stays in the file, theirs in the article's versions and in git. */
export const keptBothSchema = z.object({
  file: z.string(),
  /** The article's id, when the file is an article. */
  articleId: z.string().nullable(),
  headline: z.string(),
  /** The fields both sides changed differently: `meta.headline`, `review.decisions[…]`, `body`. */
  fields: z.array(z.string()),
  /** Where theirs was kept in `.copydesk/history/`, when it was. */
  theirsKeptAt: z.string().nullable(),
});
export type KeptBothFile = z.infer<typeof keptBothSchema>;

/** How the last sync went. */
export const lastSyncSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  /** What happened, in words ("Up to date", "Received 3 changes, sent 2"), or what went wrong and what to do. */
  message: z.string(),
  /** Set when it failed for want of the remote: no network, a server down. */
  offline: z.boolean(),
  keptBoth: z.array(keptBothSchema),
});
export type LastSync = z.infer<typeof lastSyncSchema>;

export const teamStatusSchema = z.object({
  /** `git` when the workspace is a git repository, `folder` otherwise. */
  mode: z.enum(['folder', 'git']),
  /** The git found on this computer, or null (team sync needs one). */
  gitVersion: z.string().nullable(),
  branch: z.string().nullable(),
  remote: z.object({ name: z.string(), url: z.string() }).nullable(),
  /** Commits here the remote has not had yet, and the remote's here has not taken (as of the last fetch). */
  ahead: z.number().int().nonnegative(),
  behind: z.number().int().nonnegative(),
  /** Changed files not committed yet. */
  pending: z.number().int().nonnegative(),
  /** Who commits here. */
  user: z.object({ name: z.string(), email: z.string() }).nullable(),
  lastSync: lastSyncSchema.nullable(),
});
export type TeamStatus = z.infer<typeof teamStatusSchema>;

export const syncResultSchema = z.object({
  /** Files here that the sync changed. */
  received: z.number().int().nonnegative(),
  /** Commits sent to the remote. */
  sent: z.number().int().nonnegative(),
  merged: z.boolean(),
  keptBoth: z.array(keptBothSchema),
  message: z.string(),
  status: teamStatusSchema,
});
export type SyncResult = z.infer<typeof syncResultSchema>;

/** One commit that changed an article. */
export const teamCommitSchema = z.object({
  commit: z.string(),
  at: z.string(),
  by: z.string(),
  email: z.string(),
  message: z.string(),
});
export type TeamCommit = z.infer<typeof teamCommitSchema>;

/** Who last changed an article, and when (from git). */
export const presenceSchema = z.object({ slug: z.string(), by: z.string(), at: z.string() });
export type Presence = z.infer<typeof presenceSchema>;
