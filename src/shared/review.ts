/**
 * What a review check says about an article: each claim (a quote, a figure, an attributed
 * span) with its status, the passage of the source that backs it, and the reviewer's
 * decision; the warnings for the article as a whole; how many claims keep it from approval.
 */
import { z } from 'zod';
import { articleStatusSchema, reviewDecisionSchema } from './article';

export const claimStatusSchema = z.enum(['backed', 'close', 'not-found', 'wrong-source', 'speaker-unconfirmed']);
export type ClaimStatus = z.infer<typeof claimStatusSchema>;

/** One claim as checked; further fields of the check (figure values, quote parts) come along. */
export const reviewedClaimSchema = z.looseObject({
  id: z.string(),
  kind: z.enum(['quote', 'figure', 'attribution']),
  /** A quote without its marks; a figure as written. */
  text: z.string(),
  /** Where it is: the block's path in the body and the offsets in the block's text. */
  path: z.array(z.number()),
  blockType: z.string(),
  start: z.number(),
  end: z.number(),
  speaker: z.string().optional(),
  status: claimStatusSchema,
  sourceId: z.string().nullable(),
  passage: z.string().nullable(),
  passageStart: z.number().nullable(),
  passageEnd: z.number().nullable(),
  matchStart: z.number().nullable(),
  matchEnd: z.number().nullable(),
  diff: z.array(z.object({ op: z.enum(['equal', 'inserted', 'deleted']), text: z.string() })).nullable(),
  similarity: z.number(),
  note: z.string().optional(),
  decision: reviewDecisionSchema.nullable(),
});
export type ReviewedClaim = z.infer<typeof reviewedClaimSchema>;

export const reviewCheckSchema = z.object({
  article: z.object({ id: z.string(), slug: z.string(), headline: z.string(), status: articleStatusSchema, revision: z.string() }),
  claims: z.array(reviewedClaimSchema),
  warnings: z.array(z.string()),
  /** Claims that keep the article from approval. */
  open: z.number().int().nonnegative(),
  checkedAt: z.string(),
});
export type ReviewCheck = z.infer<typeof reviewCheckSchema>;
