/**
 * The source library of a workspace: `sources/<id>.json` through the generic folder. A
 * source added twice (the same page, the same text) is recognised and offered instead of
 * copied; a source that articles cite is deleted only when the user chooses to detach it
 * everywhere. Every call runs on the workspace's queue.
 */
import { mkdir } from 'node:fs/promises';
import type { LibraryChange } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import {
  cslDateFromLabel,
  normalizeUrl,
  SOURCE_SCHEMA_VERSION,
  type CslItem,
  type Snapshot,
  type SnapshotOrigin,
  type Source,
  type SourceFields,
  type SourceFile,
  type SourceSummary,
} from '../../shared/source';
import type { DamagedFile } from '../../shared/article';
import { jsonErrorPosition, previewOf, revisionOf } from '../articles/article-file';
import type { ArticleStore } from '../articles/article-store';
import { containedPath } from '../storage/contained-path';
import type { FileEntry } from '../storage/file-registry';
import { JsonFileFolder } from '../storage/json-file-folder';
import type { SerialQueue } from '../storage/serial-queue';
import { trashIdFor } from '../articles/trash';
import type { WorkspaceLayout } from '../workspace/workspace-layout';
import { parseSourceText, serializeSource, sourceIdFor, summarizeSource, textHash } from './source-file';

/** Largest source file read: the snapshot cap plus its fields, as JSON. */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

export type SourceEntry = FileEntry<SourceSummary>;

/** What is added: the reference's fields and, when there is one, the snapshot (its hash is computed here). */
export interface NewSource {
  fields: SourceFields;
  /** CSL fields beyond the form's (from an import), kept as they are. */
  csl?: Partial<CslItem> | undefined;
  snapshot?: NewSnapshot | null | undefined;
}

/** A snapshot as captured; its hash and (unless given) its time are added here. */
export interface NewSnapshot {
  text: string;
  origin: SnapshotOrigin;
  capturedAt?: string | undefined;
  finalUrl?: string | undefined;
  httpDate?: string | undefined;
  fileName?: string | undefined;
  mediaType?: string | undefined;
}

export type AddResult =
  | { status: 'added'; source: Source }
  | { status: 'duplicate'; existing: SourceSummary; matchedBy: 'url' | 'text' };

export class SourceStore {
  readonly folder: JsonFileFolder<SourceFile, SourceSummary>;

  constructor(
    private readonly layout: WorkspaceLayout,
    private readonly queue: SerialQueue,
    private readonly articles: ArticleStore,
    hooks: { changed: (changes: Array<Omit<LibraryChange, 'summary'> & { summary: SourceSummary | null }>) => void; entriesChanged: (entries: SourceEntry[]) => void },
  ) {
    this.folder = new JsonFileFolder<SourceFile, SourceSummary>(
      layout.sources,
      layout.root,
      {
        folder: 'sources',
        noun: 'source',
        maxBytes: MAX_SOURCE_BYTES,
        parse: parseSourceText,
        serialize: serializeSource,
        idOf: (source) => source.id,
        summarize: summarizeSource,
        titleOf: (source) => source.csl.title ?? '',
        revisionOf,
      },
      {
        changed: (changes) =>
          hooks.changed(
            changes.map((change) => ({
              ...change,
              summary: (change.kind === 'added' || change.kind === 'changed') && change.id ? (this.folder.registry.byId(change.id)?.summary ?? null) : null,
            })),
          ),
        entriesChanged: hooks.entriesChanged,
      },
    );
  }

  get count(): number {
    return this.folder.registry.size;
  }

  /** Every source, by title, and the files that could not be read. */
  list(): { sources: SourceSummary[]; damaged: DamagedFile[] } {
    const sources = this.folder.registry.entries().map((e) => e.summary);
    sources.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
    return { sources, damaged: this.folder.registry.damagedFiles() };
  }

  get(id: string): Promise<Source> {
    return this.queue.run(async () => {
      const { record, revision } = await this.folder.readCurrent(this.folder.requireEntry(id));
      return { ...record, slug: this.folder.requireEntry(id).summary.slug, revision };
    });
  }

  /**
   * Adds a source, unless the library has it already (the same URL once normalized, or the
   * same snapshot text): then the existing one is offered and nothing is written, unless
   * `allowDuplicate` says the user wants a second copy.
   */
  add(request: NewSource & { allowDuplicate?: boolean | undefined }): Promise<AddResult> {
    return this.queue.change(async () => {
      const file = this.buildFile(request);
      if (!request.allowDuplicate) {
        const duplicate = this.findDuplicate(file);
        if (duplicate) return { status: 'duplicate', ...duplicate };
      }
      // A workspace from before the source library has no sources/ folder yet.
      await mkdir(this.layout.sources, { recursive: true });
      const entry = await this.folder.create(file, file.id);
      if (entry.summary.slug !== file.id) {
        // The name was taken after all: the id follows the file name, so they never differ.
        const renamed = { ...file, id: entry.summary.slug, csl: { ...file.csl, id: entry.summary.slug } };
        const fresh = await this.folder.write(entry, renamed);
        return { status: 'added', source: { ...renamed, slug: fresh.summary.slug, revision: fresh.revision } };
      }
      return { status: 'added', source: { ...file, slug: entry.summary.slug, revision: entry.revision } };
    });
  }

  /** Changes a source's fields on top of `baseRevision`; the snapshot stays as captured. */
  update(request: { id: string; baseRevision: string; fields: SourceFields }): Promise<{ summary: SourceSummary; revision: string }> {
    return this.queue.change(async () => {
      const entry = this.folder.requireEntry(request.id);
      const { record, revision } = await this.folder.readCurrent(entry);
      if (revision !== request.baseRevision) {
        throw new ApiError('conflict', `The source "${record.csl.title ?? record.id}" was changed on disk since this edit began. Reload it, then edit again.`);
      }
      const fresh = await this.folder.write(entry, { ...record, csl: editedCsl(record.csl, request.fields) });
      return { summary: fresh.summary, revision: fresh.revision };
    });
  }

  /**
   * Moves a source into the trash. When articles cite it, it is refused with their names,
   * unless `detach`: then it is taken off each of them first (attributions unwrapped, the
   * text kept), each article written durably, and the report lists what changed.
   */
  delete(request: { id: string; detach: boolean }): Promise<{ trashId: string; detachedFrom: Array<{ id: string; headline: string }> }> {
    return this.queue.change(async () => {
      const entry = this.folder.requireEntry(request.id);
      const citing = this.articles.citing(request.id);
      if (citing.length && !request.detach) {
        const names = citing.map((a) => `“${a.headline || a.slug}”`).join(', ');
        throw new ApiError(
          'conflict',
          `${citing.length === 1 ? 'An article cites' : `${citing.length} articles cite`} this source: ${names}. Detach it from ${citing.length === 1 ? 'that article' : 'them'} first, or delete it and detach it everywhere.`,
          citing.map((a) => ({ path: `articles/${a.slug}.json`, message: a.headline || a.slug })),
        );
      }
      const detachedFrom: Array<{ id: string; headline: string }> = [];
      for (const article of citing) {
        await this.articles.detachSourceNow(article.id, request.id);
        detachedFrom.push({ id: article.id, headline: article.headline });
      }
      const trashId = trashIdFor(entry.summary.slug);
      await this.folder.moveOut(entry, containedPath(this.layout.trash, `source--${trashId}.json`));
      return { trashId, detachedFrom };
    });
  }

  /** Where a damaged source file is, what is wrong with it, and its first lines. */
  inspectDamaged(slug: string) {
    return this.queue.run(async () => {
      const { path, size, reason, text } = await this.folder.peekDamaged(slug, 64 * 1024);
      return { path, size, reason, ...jsonErrorPosition(text), preview: previewOf(text) };
    });
  }

  // ---- internals -------------------------------------------------------------------

  private buildFile(request: NewSource): SourceFile {
    const now = new Date().toISOString();
    const fields = cslFromFields(request.fields);
    const title = (fields.title ?? request.csl?.title ?? '').trim();
    if (!title) throw new ApiError('invalid-request', 'fields.title: a source needs a title', [{ path: 'fields.title', message: 'a source needs a title' }]);
    const issued = String(request.fields.issued ?? '');
    const taken = this.folder.registry.takenKeys();
    let id = sourceIdFor(title, /^\d{4}(-\d{1,2}){0,2}$/.test(issued) ? issued : '');
    for (let n = 2; taken.has(id.toLowerCase()); n++) id = `${sourceIdFor(title, issued)}-${n}`;
    const given = request.snapshot;
    const snapshot: Snapshot | null = given
      ? {
          ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
          text: given.text,
          origin: given.origin,
          capturedAt: given.capturedAt ?? now,
          sha256: textHash(given.text),
        }
      : null;
    return {
      schemaVersion: SOURCE_SCHEMA_VERSION,
      id,
      csl: { type: 'webpage', ...request.csl, ...fields, id, title },
      snapshot,
      addedAt: now,
    };
  }

  private findDuplicate(file: SourceFile): { existing: SourceSummary; matchedBy: 'url' | 'text' } | null {
    const url = file.csl.URL ? normalizeUrl(file.csl.URL) : '';
    const hash = file.snapshot?.sha256 ?? '';
    for (const { summary } of this.folder.registry.entries()) {
      if (url && summary.url === url) return { existing: summary, matchedBy: 'url' };
      if (hash && summary.sha256 === hash) return { existing: summary, matchedBy: 'text' };
    }
    return null;
  }
}

/** A source's CSL with the form's fields applied: a field given empty is removed (the title and type cannot be). */
export function editedCsl(csl: CslItem, fields: SourceFields): CslItem {
  const next: Record<string, unknown> = { ...csl, ...cslFromFields(fields) };
  for (const [key, value] of Object.entries(fields)) {
    const empty = Array.isArray(value) ? value.length === 0 : typeof value === 'string' && value.trim() === '';
    if (empty && key !== 'title' && key !== 'type') delete next[key];
  }
  return next as CslItem;
}

/** The form's fields as CSL: an issued date as date-parts, empty fields left out. */
export function cslFromFields(fields: SourceFields): Partial<CslItem> {
  const { issued, ...rest } = fields;
  const csl: Partial<CslItem> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'string' ? value.trim() !== '' : value !== undefined) (csl as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
  }
  if (issued?.trim()) csl.issued = cslDateFromLabel(issued) ?? { raw: issued.trim() };
  if (csl.URL) csl.URL = csl.URL.trim();
  return csl;
}
