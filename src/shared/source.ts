/**
 * The source model: a CSL-JSON reference plus a text snapshot of what it said.
 */
import { z } from 'zod';

export const SOURCE_SCHEMA_VERSION = 1;

const cslNameSchema = z.looseObject({
  family: z.string().optional(),
  given: z.string().optional(),
  literal: z.string().optional(),
});

/** The CSL-JSON fields Copydesk reads; other CSL fields are kept as they are. */
export const cslItemSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  title: z.string().optional(),
  author: z.array(cslNameSchema).optional(),
  issued: z.looseObject({ 'date-parts': z.array(z.array(z.union([z.number(), z.string()]))).optional() }).optional(),
  URL: z.string().optional(),
});

/** One source file, `sources/<id>.json`. */
export const sourceFileSchema = z.object({
  schemaVersion: z.literal(SOURCE_SCHEMA_VERSION),
  id: z.string(),
  csl: cslItemSchema,
  snapshot: z.object({
    text: z.string(),
    capturedAt: z.string(),
    origin: z.enum(['pasted', 'web', 'document', 'url', 'import']),
  }),
  addedAt: z.string(),
});
export type SourceFile = z.infer<typeof sourceFileSchema>;
