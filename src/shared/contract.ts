/**
 * The API contract: every method with the schema of its request and its response, and
 * every event with the schema of its payload. The desktop IPC, browser mode's HTTP host
 * and the renderer's client are all derived from this one object.
 *
 * One file over 300 lines on purpose: the contract is one object that every shell and the
 * renderer derive their types from, and reading it whole is how a reviewer sees the API.
 */
import { COMMAND_IDS } from './commands';
import { ASSET_NAME_PATTERN, MAX_ASSET_BYTES } from './assets';
import { z } from 'zod';
import type { ApiEvent, ApiMethod } from './api-methods';
import {
  articleMetaPatchSchema,
  articleSchema,
  articleStatusSchema,
  claimDecisionSchema,
  articleListItemSchema,
  articleSummarySchema,
  damagedFileSchema,
  lexicalBodySchema,
  trashedArticleSchema,
} from './article';
import { articleVersionSchema, articleVersionSummarySchema } from './article-version';
import {
  relatedLinksSchema,
  relatedSuggestionSchema,
  searchResultSchema,
  searchStatusSchema,
  tagCountSchema,
  tagRenameResultSchema,
} from './library';
import { reviewCheckSchema } from './review';
import { presenceSchema, syncResultSchema, teamCommitSchema, teamStatusSchema } from './team';
import { base64Bytes, importFileTooLarge, MAX_IMPORT_FILE_BYTES, snapshotTooLong } from './limits';
import { MAX_SNAPSHOT_CHARS, snapshotOriginSchema, sourceFieldsSchema, sourceSchema, sourceSummarySchema } from './source';

const articleId = z.uuid({ error: 'must be an article id (a UUID)' });
const sourceId = z.string().min(1, 'must be a source id').max(200);
const empty = z.object({}).strict();
/** A git remote's address (a URL, user@host:path, or a path); never one git would read as an option. */
/** No control characters: git cannot take a NUL in its arguments, nor a line break in a name. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const ONE_LINE = [(text: string) => !CONTROL_CHARACTER.test(text), 'must be one line of text, without control characters'] as const;

const remoteAddress = z
  .string()
  .trim()
  .max(4_000)
  .refine((address) => !address.startsWith('-'), 'must be the address of a git remote (a URL, user@host:path, or a folder), not an option')
  .refine(...ONE_LINE);

/** A name or email git records with each commit: one line of text. */
const gitIdentityPart = (max: number) => z.string().trim().max(max).refine(...ONE_LINE);

/** A path on this machine, absolute (a relative one would depend on where the app was started). */
const absolutePath = z
  .string()
  .min(1)
  .max(4_000)
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p), 'must be an absolute path (/home/me/bundles, C:\\Users\\me\\bundles)');

/** Something that stops publication, as the export gate says it. */
const gateProblem = z.object({ code: z.string(), message: z.string() });

/** Settings kept per workspace (in its index). */
const workspaceSettingsSchema = z.object({ reviewerName: z.string().trim().max(200).nullable() }).strict();

/** What a look inside a damaged file shows. */
const damagedFileLook = z.object({
  path: z.string(),
  size: z.number(),
  reason: z.string(),
  /** 1-based line and column of a JSON syntax error, when there is one. */
  line: z.number().nullable(),
  column: z.number().nullable(),
  /** The first lines of the file, as text. */
  preview: z.string(),
});

/** A source added, or the one the library has already (the same URL or text). */
const addSourceResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('added'), source: sourceSchema }),
  z.object({ status: z.literal('duplicate'), existing: sourceSummarySchema, matchedBy: z.enum(['url', 'text']) }),
]);

/** Largest file imported (MAX_IMPORT_FILE_BYTES), as base64. */
const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;

/** A file's bytes in base64, refused over the import limit with the file's size and the limit in words. */
const importedFileData = z
  .base64({ error: 'must be the file’s bytes in base64' })
  .max(MAX_IMPORT_BASE64, { error: (issue) => importFileTooLarge('The file', base64Bytes(String(issue.input))) });

/** Room for an image a little over the cap, so its size is refused in words, not by the schema. */
const MAX_ASSET_BASE64 = Math.ceil((MAX_ASSET_BYTES * 1.5) / 3) * 4;

function method<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}

export const contract = {
  /** Where the workspace is and what it holds. */
  'workspace.info': method(
    empty,
    z.object({ path: z.string(), name: z.string(), articleCount: z.number(), damagedCount: z.number(), sourceCount: z.number() }),
  ),
  /** The workspace's settings: the reviewer's name, asked once. */
  'workspace.settings': method(empty, workspaceSettingsSchema),
  'workspace.updateSettings': method(workspaceSettingsSchema.partial().strict(), workspaceSettingsSchema),
  /**
   * Shows an article's file, or a file or folder of the workspace (a bundle), in the system's
   * file manager. `shown` is false where the shell cannot (browser mode): `path` is then what
   * to show the person instead. Nothing outside the workspace is shown.
   */
  /**
   * How this workspace's window is laid out (the library shown or hidden), read with an
   * empty request and changed with a patch. The desktop app keeps it per workspace
   * (`kept: true`); browser mode keeps nothing (`kept: false`, `sidebar: null`).
   */
  'workspace.windowState': method(
    z.object({ sidebar: z.enum(['open', 'collapsed']).optional() }).strict(),
    z.object({ sidebar: z.enum(['open', 'collapsed']).nullable(), kept: z.boolean() }),
  ),
  'workspace.reveal': method(
    z.union([z.object({ articleId: z.string().min(1).max(200) }).strict(), z.object({ path: z.string().min(1).max(4_000) }).strict()]),
    z.object({ path: z.string(), shown: z.boolean() }),
  ),
  /** Every article's summary (without its dek), newest first, and the files that could not be read. */
  'articles.list': method(
    empty,
    z.object({ articles: z.array(articleListItemSchema), damaged: z.array(damagedFileSchema) }),
  ),
  /** One whole article. */
  'articles.get': method(z.object({ id: articleId }).strict(), articleSchema),
  /** A new draft; the slug follows the headline. */
  'articles.create': method(z.object({ meta: articleMetaPatchSchema.optional() }).strict(), articleSchema),
  /**
   * A new draft from a document (.md, .txt, .html, .docx): its title becomes the headline,
   * the next paragraph the dek, its headings subheads; quotes, lists, links and emphasis
   * are kept. `warnings` says what was left out.
   */
  'articles.import': method(
    z
      .object({
        fileName: z.string().min(1).max(500),
        /** The file's bytes, base64. */
        data: importedFileData,
      })
      .strict(),
    z.object({ article: articleSchema, warnings: z.array(z.string()) }),
  ),
  /**
   * Saves meta and/or body on top of `baseRevision`; a file changed since then is a
   * conflict, not an overwrite.
   */
  'articles.save': method(
    z
      .object({
        id: articleId,
        baseRevision: z.string().min(1, 'must name the revision the edit started from'),
        meta: articleMetaPatchSchema.optional(),
        body: lexicalBodySchema.optional(),
        /** The writer confirmed that editing approved copy sends it back to review (refused otherwise). */
        reopen: z.boolean().optional(),
        /** Who edits, for the status history. */
        by: z.string().max(200).optional(),
      })
      .strict(),
    z.object({ summary: articleSummarySchema, revision: z.string(), slug: z.string() }),
  ),
  /**
   * Moves an article through the workflow (draft → in review → approved). Its own method,
   * not a field of every save, so that a gate can refuse it with a reason.
   */
  'articles.setStatus': method(
    z
      .object({
        id: articleId,
        baseRevision: z.string().min(1, 'must name the revision the change started from'),
        status: articleStatusSchema,
        /** Who moves it (the reviewer's name), recorded in the history. */
        by: z.string().max(200).optional(),
        /** Why: "Return to writer: check the rosters figure." */
        note: z.string().max(2_000).optional(),
        /** A written reason to approve past open claims; recorded. */
        override: z.string().max(2_000).optional(),
      })
      .strict(),
    z.object({ summary: articleSummarySchema, revision: z.string(), slug: z.string() }),
  ),
  /** Fixes the slug (it stops following the headline); `null` lets it follow again. */
  'articles.rename': method(
    z.object({ id: articleId, slug: z.string().max(200).nullable() }).strict(),
    z.object({ summary: articleSummarySchema, revision: z.string(), slug: z.string() }),
  ),
  /** A copy as a new draft. */
  'articles.duplicate': method(z.object({ id: articleId }).strict(), articleSchema),
  /** Moves the article file into the trash. */
  'articles.delete': method(z.object({ id: articleId }).strict(), z.object({ trashId: z.string() })),
  /**
   * Keeps a version in `.copydesk/history/<id>/`: the file as it is on disk, or, with meta
   * and/or body, the version on screen. Used before either side of a conflict is dropped.
   */
  'articles.keepVersion': method(
    z.object({ id: articleId, meta: articleMetaPatchSchema.optional(), body: lexicalBodySchema.optional() }).strict(),
    z.object({ file: z.string() }),
  ),
  /** The article's versions kept in `.copydesk/history/<id>/`, newest first. */
  'articles.versions': method(z.object({ id: articleId }).strict(), z.object({ versions: z.array(articleVersionSummarySchema) })),
  /** One version whole (fields, body, plain text), for a compare or a restore. */
  'articles.version': method(z.object({ id: articleId, versionId: z.string().min(1).max(200) }).strict(), articleVersionSchema),
  /** Keeps the saved article as a version once a session's edits settle (at most every few minutes; not twice the same). */
  'articles.keepSettledVersion': method(z.object({ id: articleId }).strict(), z.object({ kept: z.boolean() })),
  /** Makes a version the current text as a new save; the text it replaces is kept as a version first. */
  'articles.restoreVersion': method(
    z
      .object({
        id: articleId,
        versionId: z.string().min(1).max(200),
        baseRevision: z.string().min(1, 'must name the revision the restore started from'),
        reopen: z.boolean().optional(),
        by: z.string().max(200).optional(),
      })
      .strict(),
    z.object({ summary: articleSummarySchema, revision: z.string(), slug: z.string() }),
  ),
  /** A look inside a file listed as damaged (only those): where it is, what is wrong, how it begins. */
  'articles.inspectDamaged': method(z.object({ slug: z.string().min(1) }).strict(), damagedFileLook),
  /** Every source in the library, by title, and the source files that could not be read. */
  'sources.list': method(empty, z.object({ sources: z.array(sourceSummarySchema), damaged: z.array(damagedFileSchema) })),
  /** One source with its snapshot. */
  'sources.get': method(z.object({ id: sourceId }).strict(), sourceSchema),
  /**
   * Adds a source from its fields and, when there is one, the text captured. A source the
   * library has already (the same URL, the same text) is offered instead, unless
   * `allowDuplicate`.
   */
  'sources.add': method(
    z
      .object({
        fields: sourceFieldsSchema,
        snapshot: z
          .object({
            text: z
              .string()
              .min(1, 'a snapshot needs its text')
              .max(MAX_SNAPSHOT_CHARS, { error: (issue) => snapshotTooLong(String(issue.input).length) }),
            origin: snapshotOriginSchema,
            finalUrl: z.string().max(4_000).optional(),
            httpDate: z.string().max(100).optional(),
            fileName: z.string().max(500).optional(),
            mediaType: z.string().max(200).optional(),
          })
          .strict()
          .nullable()
          .optional(),
        allowDuplicate: z.boolean().optional(),
      })
      .strict(),
    addSourceResponse,
  ),
  /** Changes a source's fields (the snapshot stays as captured). */
  'sources.update': method(
    z.object({ id: sourceId, baseRevision: z.string().min(1), fields: sourceFieldsSchema }).strict(),
    z.object({ summary: sourceSummarySchema, revision: z.string() }),
  ),
  /** A look inside a source file listed as damaged: where it is, what is wrong, how it begins. */
  'sources.inspectDamaged': method(z.object({ slug: z.string().min(1) }).strict(), damagedFileLook),
  /** Moves a source into the trash; refused while articles cite it, unless `detach` takes it off them first. */
  'sources.delete': method(
    z.object({ id: sourceId, detach: z.boolean().default(false) }).strict(),
    z.object({ trashId: z.string(), detachedFrom: z.array(z.object({ id: z.string(), headline: z.string() })) }),
  ),
  /**
   * A document or saved page (.html, .txt, .md, .docx, .pdf) as a new source: its readable
   * text becomes the snapshot, its title, byline, site and date the fields (the given
   * fields win). The same page or text already in the library is offered instead.
   */
  'sources.importFile': method(
    z
      .object({
        fileName: z.string().min(1).max(500),
        /** The file's bytes, base64. */
        data: importedFileData,
        fields: sourceFieldsSchema.optional(),
        allowDuplicate: z.boolean().optional(),
      })
      .strict(),
    addSourceResponse,
  ),
  /** Every entry of a CSL-JSON or BibTeX file (as Zotero exports them), all or none. */
  'sources.importReferences': method(
    z.object({ fileName: z.string().min(1).max(500), text: z.string().max(MAX_IMPORT_BASE64) }).strict(),
    z.object({
      added: z.array(sourceSummarySchema),
      duplicates: z.array(z.object({ title: z.string(), existing: sourceSummarySchema })),
    }),
  ),
  /** A web page captured now by the host (http and https only, redirects, size and time limited). */
  'sources.capture': method(
    z.object({ url: z.string().min(1).max(4_000), fields: sourceFieldsSchema.optional(), allowDuplicate: z.boolean().optional() }).strict(),
    addSourceResponse,
  ),
  /** The library, or one article's sources, as CSL-JSON or BibTeX. */
  'sources.export': method(
    z.object({ articleId: articleId.optional(), format: z.enum(['csl', 'bibtex']) }).strict(),
    z.object({ text: z.string(), fileName: z.string(), count: z.number().int() }),
  ),
  /** The article's claims checked against its sources (the body on screen when given), with the decisions. */
  'review.check': method(z.object({ id: articleId, body: lexicalBodySchema.optional() }).strict(), reviewCheckSchema),
  /** Records a reviewer's decision on a claim; null clears it. */
  'review.decide': method(
    z
      .object({
        id: articleId,
        baseRevision: z.string().min(1),
        claimId: z.string().min(1).max(200),
        decision: claimDecisionSchema.nullable(),
        comment: z.string().max(5_000).optional(),
        by: z.string().trim().min(1, 'a decision needs the reviewer’s name').max(200),
        text: z.string().max(5_000).optional(),
      })
      .strict(),
    z.object({ summary: articleSummarySchema, revision: z.string(), slug: z.string() }),
  ),
  /** The review report: every claim, its status, passage, decision and reviewer, as Markdown or HTML. */
  'review.report': method(
    z.object({ id: articleId, format: z.enum(['md', 'html']) }).strict(),
    z.object({ text: z.string(), fileName: z.string() }),
  ),
  /** What stops an article's publication: no headline, notes left, open or disputed claims, undisclosed AI, broken related links. */
  'export.gate': method(
    z.object({ id: articleId }).strict(),
    z.object({
      problems: z.array(gateProblem),
      /** Set when the article was approved past open claims with a reason: those claims no longer stop it, and the verdict says so. */
      approval: z.object({ by: z.string(), at: z.string(), reason: z.string(), problems: z.array(gateProblem) }).nullable().optional(),
    }),
  ),
  /** The bundle's standalone page, built now (the gate does not stop a preview). */
  'export.preview': method(z.object({ id: articleId }).strict(), z.object({ html: z.string(), problems: z.array(gateProblem) })),
  /**
   * Writes the bundles of the articles (a folder each, and a .zip with `zip`) into the
   * workspace's exports/ or `outDir`; one refused or failing article does not stop the
   * others. Progress arrives as export.progress events.
   */
  'export.articles': method(
    z
      .object({
        ids: z.array(articleId).min(1, 'name at least one article').max(10_000),
        outDir: absolutePath.optional(),
        zip: z.boolean().optional(),
        /** The export time (ISO 8601): the same time gives byte-identical bundles. */
        at: z.iso.datetime({ offset: true }).optional(),
        /** A written reason to export past the gate; recorded in each manifest. */
        override: z.string().max(2_000).optional(),
      })
      .strict(),
    z.object({
      outDir: z.string(),
      exported: z.array(z.object({ articleId: z.string(), slug: z.string(), folder: z.string(), zipFile: z.string().optional() })),
      refused: z.array(z.object({ articleId: z.string(), problems: z.array(gateProblem) })),
      failed: z.array(z.object({ articleId: z.string(), message: z.string() })),
    }),
  ),
  /** A bundle back into the workspace as a new draft with its sources: a .zip sent as base64, or a path on this machine. */
  'export.importBundle': method(
    z.union([
      z.object({ path: absolutePath }).strict(),
      z.object({ fileName: z.string().min(1).max(500), data: z.base64().max(MAX_IMPORT_BASE64 * 8) }).strict(),
    ]),
    z.object({ articleId: z.string(), slug: z.string(), bundleArticleId: z.string(), sources: z.array(z.object({ bundleId: z.string(), id: z.string(), reused: z.boolean() })) }),
  ),
  /** Articles in the trash, newest first. */
  'trash.list': method(empty, z.object({ items: z.array(trashedArticleSchema) })),
  /** Puts an article back from the trash. */
  'trash.restore': method(z.object({ trashId: z.string().min(1) }).strict(), articleSummarySchema),
  /** Stores an image under assets/<sha256>.<ext> (its type read from its bytes); refused with the reason when it is not one Copydesk takes. */
  'assets.put': method(
    z
      .object({
        fileName: z.string().min(1).max(500),
        data: z.base64({ error: 'must be the image’s bytes in base64' }).max(MAX_ASSET_BASE64, `is much larger than the ${MAX_ASSET_BYTES / 1024 / 1024} MB images may be`),
      })
      .strict(),
    z.object({ asset: z.string().regex(ASSET_NAME_PATTERN), type: z.string(), size: z.number().int().nonnegative(), existed: z.boolean() }),
  ),
  /** An image of the workspace by its name, as base64 bytes with its type. */
  'assets.get': method(z.object({ asset: z.string().regex(ASSET_NAME_PATTERN, 'must be assets/<sha256>.<ext>') }).strict(), z.object({ asset: z.string(), type: z.string(), data: z.string() })),
  /** Deletes a trashed article for good; other articles' links to it are removed, and named. */
  'trash.purge': method(
    z.object({ trashId: z.string().min(1) }).strict(),
    z.object({ removedLinks: z.array(z.object({ id: z.string(), headline: z.string() })) }),
  ),
  /**
   * Full-text search over headline, dek, body, tags, bylines and the attached sources'
   * titles: words match by prefix (and with a typo when long), "quoted phrases" as written,
   * and `tag:` `status:` `section:` `byline:` `lang:` filter (alone, too). Never waits for
   * the index: while it is built, `state` is `indexing` and the hits may be incomplete.
   */
  'search.query': method(
    z.object({ query: z.string().max(1_000), limit: z.number().int().min(1).max(1_000).optional() }).strict(),
    searchResultSchema,
  ),
  /** How far the search index is: ready, or indexing N of M articles. */
  'search.status': method(empty, searchStatusSchema),
  /** The workspace's tags with how many articles carry each, by name. */
  'tags.list': method(empty, z.object({ tags: z.array(tagCountSchema) })),
  /**
   * Renames a tag on every article that carries it (or on `ids` only: an undo is the
   * reverse rename on the ids changed), merging it into `to` when that tag exists. Each
   * file is written on its own; one that cannot be is reported, the others still change.
   */
  'tags.rename': method(
    z
      .object({
        from: z.string().trim().min(1, 'name the tag to rename').max(100),
        to: z.string().trim().min(1, 'a tag needs a name').max(100),
        ids: z.array(articleId).max(100_000).optional(),
      })
      .strict(),
    tagRenameResultSchema,
  ),
  /**
   * Links an article to another (kept in its `related`, by id, so renames keep it); the
   * other one shows it as a backlink. `baseRevision`, when given, is checked like a save's.
   */
  'articles.relate': method(
    z.object({ id: articleId, otherId: articleId, baseRevision: z.string().min(1).optional() }).strict(),
    relatedLinksSchema.extend({ summary: articleSummarySchema, revision: z.string(), slug: z.string() }),
  ),
  /** Removes the link between two articles, whichever of them holds it. */
  'articles.unrelate': method(
    z.object({ id: articleId, otherId: articleId, baseRevision: z.string().min(1).optional() }).strict(),
    relatedLinksSchema.extend({ summary: articleSummarySchema, revision: z.string(), slug: z.string() }),
  ),
  /** The articles an article links to, and those that link to it, each with its state (ok, trashed, missing). */
  'articles.related': method(z.object({ id: articleId }).strict(), relatedLinksSchema),
  /** "You may relate": up to 5 articles close in words, tags, sources and section, with the reasons; never itself or one already related. */
  'related.suggest': method(z.object({ id: articleId }).strict(), z.object({ suggestions: z.array(relatedSuggestionSchema) })),
  /** This copy's team sync: git or a plain folder, the remote, ahead/behind, pending changes, who commits, the last sync. */
  'team.status': method(z.object({}).strict(), teamStatusSchema),
  /** Makes the workspace a git repository (a .gitignore for each person's own state) and connects a remote, if given. */
  'team.start': method(
    z.object({ remoteUrl: remoteAddress.optional(), name: gitIdentityPart(200).optional(), email: gitIdentityPart(320).optional() }).strict(),
    teamStatusSchema,
  ),
  /** Clones a shared workspace into a new (or empty) folder on this machine. */
  'team.clone': method(
    z.object({ url: remoteAddress.pipe(z.string().min(1, 'name the remote to clone')), folder: absolutePath, name: gitIdentityPart(200).optional(), email: gitIdentityPart(320).optional() }).strict(),
    z.object({ path: z.string() }),
  ),
  /** Commits, fetches, merges article by article and pushes; failures in plain words, the working files unchanged. */
  'team.sync': method(z.object({}).strict(), syncResultSchema),
  /** The commits that changed an article, newest first, with who and when. */
  'team.history': method(z.object({ id: articleId, limit: z.number().int().min(1).max(1_000).optional() }).strict(), z.object({ commits: z.array(teamCommitSchema) })),
  /** Who last changed each article, and when (from git; empty in a plain folder). */
  'team.presence': method(z.object({}).strict(), z.object({ articles: z.array(presenceSchema) })),
} satisfies Record<ApiMethod, { request: z.ZodType; response: z.ZodType }>;

/** A change to the library seen on disk or made through the API. */
export const libraryChangeSchema = z.object({
  kind: z.enum(['added', 'changed', 'removed', 'damaged']),
  id: z.string().nullable(),
  slug: z.string(),
  /** `external` when another program changed the file. */
  origin: z.enum(['app', 'external']),
  revision: z.string().nullable(),
  /** The article's new summary (as the list has it) for `added` and `changed`, so a list can update without asking again. */
  summary: articleListItemSchema.nullable(),
});
export type LibraryChange = z.infer<typeof libraryChangeSchema>;

/** A change to the source library seen on disk or made through the API. */
export const sourceChangeSchema = libraryChangeSchema.extend({ summary: sourceSummarySchema.nullable() });
export type SourceChange = z.infer<typeof sourceChangeSchema>;

export const eventContract = {
  /** Articles were added, changed or removed. */
  'library.changed': z.object({ changes: z.array(libraryChangeSchema) }),
  /** Sources were added, changed or removed. */
  'sources.changed': z.object({ changes: z.array(sourceChangeSchema) }),
  /** One article of an export done: how many of how many, and how it went. */
  'export.progress': z.object({ done: z.number().int(), total: z.number().int(), articleId: z.string(), outcome: z.enum(['exported', 'refused', 'failed']) }),
  /** A menu command of the desktop app, for the renderer to carry out. */
  'app.command': z.object({ command: z.enum(COMMAND_IDS) }),
  /** The search index started or finished indexing. */
  'search.status': searchStatusSchema,
} satisfies Record<ApiEvent, z.ZodType>;

export type ApiRequest<M extends ApiMethod> = z.input<(typeof contract)[M]['request']>;
export type ApiResponse<M extends ApiMethod> = z.output<(typeof contract)[M]['response']>;
export type ApiEventPayload<E extends ApiEvent> = z.output<(typeof eventContract)[E]>;
