/**
 * The source model: a CSL-JSON reference (what Zotero and citeproc read and write) plus a
 * text snapshot of what the source said when it was captured, so a reviewer can check a
 * quote months later, offline, when the page has changed or vanished.
 */
import { z } from 'zod';
import { CSL_TYPES } from './csl';
import { MAX_SNAPSHOT_CHARS } from './limits';

export { CSL_TYPES, cslDateFromLabel, cslDateLabel, nameLabel, normalizeUrl, type CslType } from './csl';

export const SOURCE_SCHEMA_VERSION = 1;



/** A person or body in CSL: family and given name, or a literal ("Port of Maasgate Authority"). */
export const cslNameSchema = z.looseObject({
  family: z.string().max(500).optional(),
  given: z.string().max(500).optional(),
  literal: z.string().max(1_000).optional(),
});
export type CslName = z.infer<typeof cslNameSchema>;

/** A CSL date: `date-parts` ([[2026, 11, 12]]) or a raw string. */
export const cslDateSchema = z.looseObject({
  'date-parts': z.array(z.array(z.union([z.number(), z.string()])).max(3)).max(2).optional(),
  raw: z.string().max(200).optional(),
  literal: z.string().max(200).optional(),
});

/** The CSL-JSON fields Copydesk reads; every other CSL field is kept as it is. */
export const cslItemSchema = z.looseObject({
  id: z.string().min(1).max(200),
  type: z.enum(CSL_TYPES, { error: 'must be a CSL item type (webpage, article-newspaper, report, interview, …)' }),
  title: z.string().max(2_000).optional(),
  author: z.array(cslNameSchema).max(500).optional(),
  issued: cslDateSchema.optional(),
  accessed: cslDateSchema.optional(),
  'container-title': z.string().max(2_000).optional(),
  publisher: z.string().max(1_000).optional(),
  language: z.string().max(35).optional(),
  URL: z.string().max(4_000).optional(),
  DOI: z.string().max(500).optional(),
  abstract: z.string().max(20_000).optional(),
  note: z.string().max(20_000).optional(),
});
export type CslItem = z.infer<typeof cslItemSchema>;

/** How a snapshot was taken. */
export const snapshotOriginSchema = z.enum(['pasted', 'web', 'document', 'url', 'import']);
export type SnapshotOrigin = z.infer<typeof snapshotOriginSchema>;

/** Largest snapshot kept (src/shared/limits.ts): a bigger document is cut with a note. */
export { MAX_SNAPSHOT_CHARS };

/** The text of a source as captured, and how. */
export const snapshotSchema = z.looseObject({
  text: z.string().max(MAX_SNAPSHOT_CHARS),
  capturedAt: z.string(),
  origin: snapshotOriginSchema,
  /** sha-256 of the text (UTF-8), hex: recognises the same text added twice. */
  sha256: z.string().optional(),
  /** For web captures: the URL after redirects, and the server's Date header. */
  finalUrl: z.string().max(4_000).optional(),
  httpDate: z.string().max(100).optional(),
  /** For documents: the file it came from and its type. */
  fileName: z.string().max(500).optional(),
  mediaType: z.string().max(200).optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** One source file, `sources/<id>.json`; fields Copydesk does not know are kept. */
export const sourceFileSchema = z.looseObject({
  schemaVersion: z.literal(SOURCE_SCHEMA_VERSION),
  id: z.string().min(1).max(200),
  csl: cslItemSchema,
  /** Null when nothing could be captured (offline, a scan): the source still counts, but cannot back a claim. */
  snapshot: snapshotSchema.nullable(),
  addedAt: z.string(),
});
export type SourceFile = z.infer<typeof sourceFileSchema>;

/** A source as the API hands it out: the file plus its file name and revision. */
export const sourceSchema = sourceFileSchema.extend({ slug: z.string(), revision: z.string() });
export type Source = z.infer<typeof sourceSchema>;

/** What the source library shows of a source. */
export const sourceSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  type: z.string(),
  /** "Brito, H.; Quintela, M." */
  authors: z.string(),
  /** "2026-11-12", "2026-11" or "" */
  issued: z.string(),
  /** Site, newspaper or publisher. */
  container: z.string(),
  url: z.string(),
  origin: snapshotOriginSchema.nullable(),
  /** Characters of snapshot text; 0 when there is none. */
  snapshotChars: z.number().int().nonnegative(),
  sha256: z.string(),
  addedAt: z.string(),
});
export type SourceSummary = z.infer<typeof sourceSummarySchema>;

/** The fields a person fills in when adding or editing a source. */
export const sourceFieldsSchema = z
  .object({
    type: z.enum(CSL_TYPES, { error: 'must be a CSL item type (webpage, article-newspaper, report, interview, …)' }),
    title: z.string().trim().min(1, 'a source needs a title').max(2_000),
    author: z.array(cslNameSchema).max(500),
    issued: z.string().max(10),
    'container-title': z.string().max(2_000),
    publisher: z.string().max(1_000),
    language: z.string().max(35),
    URL: z.string().max(4_000),
    note: z.string().max(20_000),
  })
  .partial()
  .strict();
export type SourceFields = z.infer<typeof sourceFieldsSchema>;

