/**
 * The article model: what an article file holds, and the summary the index keeps of it.
 */
import { z } from 'zod';
import { bodyShapeProblem } from './body-limits';

export const ARTICLE_SCHEMA_VERSION = 1;

/** Workflow states of an article. */
export const articleStatusSchema = z.enum(['draft', 'in-review', 'approved']);
export type ArticleStatus = z.infer<typeof articleStatusSchema>;

const isoDate = z.iso.datetime({ offset: true });

/**
 * A top-level block of a body: an object with a string `type`, checked in place rather
 * than copied (a long body has thousands, and each copy was most of the check's cost).
 */
function blockSchema() {
  return z.custom<{ [key: string]: unknown; type: string }>(
    (block) => typeof block === 'object' && block !== null && !Array.isArray(block) && typeof (block as { type?: unknown }).type === 'string',
    'expected a node: an object with a string type',
  );
}

/**
 * Serialized Lexical editor state; the editor checks the nodes, the model checks the frame
 * and the shape (depth and size), so nothing downstream recurses into an absurd body.
 */
const lexicalBodyFrameSchema = z.looseObject({
  root: z.looseObject({
    type: z.literal('root'),
    children: z.array(blockSchema()),
  }),
});

export const lexicalBodySchema = lexicalBodyFrameSchema.superRefine((body, context) => {
    const problem = bodyShapeProblem(body);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
export type LexicalBody = z.infer<typeof lexicalBodySchema>;

/** Editorial metadata of an article; fields Copydesk does not know are kept. */
export const articleMetaSchema = z.looseObject({
  headline: z.string().max(500),
  dek: z.string().max(5_000),
  kicker: z.string().max(100),
  section: z.string().max(100),
  bylines: z.array(z.string().max(200)).max(20),
  dateline: z.string().max(200),
  language: z.string().max(35),
  tags: z.array(z.string().max(100)).max(100),
  status: articleStatusSchema,
  aiDisclosure: z.string().max(1_000),
  /**
   * How AI took part (the IPTC digital source type in export): none, AI-assisted, or
   * AI-generated from sources. Absent in older files: a disclosure note then means generated.
   */
  aiUse: z.enum(['none', 'ai-assisted', 'ai-generated']).optional(),
  /** When true the slug no longer follows the headline. */
  slugLocked: z.boolean(),
  sourceIds: z.array(z.string()).max(1_000),
  related: z.array(z.string()).max(1_000),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

/** A reviewer's decision on one claim (filled by the review feature). */
/** What a reviewer decided about a claim. */
export const claimDecisionSchema = z.enum(['verified', 'disputed', 'needs-source']);
export type ClaimDecision = z.infer<typeof claimDecisionSchema>;

export const reviewDecisionSchema = z.looseObject({
  claimId: z.string(),
  decision: claimDecisionSchema,
  by: z.string(),
  at: isoDate,
  comment: z.string().optional(),
  /** The claim's words when decided, so a report can show them after the text changed. */
  text: z.string().optional(),
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** One move through the workflow: who, when, from and to, and why. */
export const statusChangeSchema = z.looseObject({
  from: articleStatusSchema,
  to: articleStatusSchema,
  by: z.string(),
  at: isoDate,
  note: z.string().optional(),
  /** Set when an approval went past open claims: the reason given. */
  override: z.string().optional(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const articleReviewSchema = z.looseObject({
  decisions: z.array(reviewDecisionSchema),
  /** Every status change, oldest first (absent in files from before it was kept). */
  history: z.array(statusChangeSchema).optional(),
});

/**
 * One article file, `articles/<slug>.json`, at the current schema version. Fields another
 * tool (or a newer Copydesk) added are kept, at every level, through every save.
 */
export const articleFileSchema = z.looseObject({
  schemaVersion: z.literal(ARTICLE_SCHEMA_VERSION),
  id: z.uuid(),
  meta: articleMetaSchema,
  // The frame only: a file's shape (depth, size) is checked once, in one walk, before this
  // schema runs (see parseArticleText); requests are checked by lexicalBodySchema itself.
  body: lexicalBodyFrameSchema,
  review: articleReviewSchema,
});
export type ArticleFile = z.infer<typeof articleFileSchema>;

/** An article as the API hands it out: the file plus where it lives and its revision. */
export const articleSchema = articleFileSchema.extend({
  slug: z.string(),
  /** sha-256 of the file's bytes as last read or written; a save names the revision it builds on. */
  revision: z.string(),
});
export type Article = z.infer<typeof articleSchema>;

/** What the library list shows of an article; kept in the index. */
export const articleSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  headline: z.string(),
  dek: z.string(),
  kicker: z.string(),
  section: z.string(),
  bylines: z.array(z.string()),
  language: z.string(),
  status: articleStatusSchema,
  tags: z.array(z.string()),
  /** Sources attached to the article (and so citable in it). */
  sourceIds: z.array(z.string()),
  /** Ids of the articles this one relates to (its own links; backlinks come from `articles.related`). */
  related: z.array(z.string()),
  /** Claims not backed by a source as the review engine last counted them; null when not known. */
  openClaims: z.number().int().nonnegative().nullable(),
  words: z.number().int().nonnegative(),
  updatedAt: z.string(),
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

/**
 * An article as `articles.list` and `library.changed` send it: its summary without the
 * dek, which no list shows (at 10,000 articles, 1.4 MB of a 6 MB list the window parses).
 */
export const articleListItemSchema = articleSummarySchema.omit({ dek: true });
export type ArticleListItem = z.infer<typeof articleListItemSchema>;

/** A file under articles/ that could not be read; listed, never overwritten. */
export const damagedFileSchema = z.object({
  slug: z.string(),
  file: z.string(),
  reason: z.string(),
});
export type DamagedFile = z.infer<typeof damagedFileSchema>;

/** An article in the trash, restorable. */
export const trashedArticleSchema = z.object({
  trashId: z.string(),
  id: z.string(),
  headline: z.string(),
  slug: z.string(),
  deletedAt: z.string(),
});
export type TrashedArticle = z.infer<typeof trashedArticleSchema>;

/**
 * Editable fields a save may change; the rest is kept by the workspace. The status has
 * its own method (`articles.setStatus`), where the approval gate can refuse it.
 */
export const articleMetaPatchSchema = articleMetaSchema
  .omit({ createdAt: true, updatedAt: true, status: true })
  .partial()
  .strict();
export type ArticleMetaPatch = z.infer<typeof articleMetaPatchSchema>;

/** The body of a new, empty article. */
export function emptyBody(): LexicalBody {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: [],
        },
      ],
    },
  };
}
