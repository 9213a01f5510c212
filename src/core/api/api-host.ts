/**
 * The one API host every shell connects its transport to (desktop IPC, browser mode's
 * HTTP, the `copydesk` command): a call is looked up in the contract, its payload parsed
 * with the method's schema (a cast is not validation), the workspace called, and the
 * response checked against the contract before it leaves. Events are checked against the
 * event contract before any listener sees them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { API_EVENTS, API_METHODS, type ApiEvent, type ApiMethod } from '../../shared/api-methods';
import { contract, eventContract, type ApiEventPayload, type ApiResponse } from '../../shared/contract';
import { ApiError, type ApiIssue, type ApiResult } from '../../shared/errors';
import { importArticle } from '../articles/import/import-article';
import { exportGate } from '../export/article-state';
import { exportArticles, importBundleFrom, previewArticle } from '../export/export-service';
import { relate, relatedLinks, removeLinksTo, unrelate } from '../library/related';
import { listTags, renameTag } from '../library/tags';
import { suggestRelated } from '../search/suggest';
import { captureSourceAt, exportSources, importReferenceFile, importSourceFile } from '../sources/source-import';
import { isDiskFailure } from '../storage/write-durably';
import { cloneWorkspace } from '../team/team-setup';
import { revealInFolder } from '../workspace/reveal';
import type { Workspace } from '../workspace/workspace';

type Implementation = { [M in ApiMethod]: (request: z.output<(typeof contract)[M]['request']>) => Promise<ApiResponse<M>> | ApiResponse<M> };

function implementation(workspace: Workspace, emitProgress: (progress: ApiEventPayload<'export.progress'>) => void, options: ApiHostOptions = {}): Implementation {
  const { articles, sources, review } = workspace;
  return {
    'workspace.info': () => workspace.info(),
    'workspace.settings': () => workspace.settings(),
    'workspace.updateSettings': (patch) => workspace.updateSettings(patch),
    'workspace.reveal': (request) => revealInFolder(workspace, request, options.reveal),
    'workspace.windowState': async (patch) => {
      if (!options.windowState) return { sidebar: null, kept: false };
      if (patch.sidebar) await options.windowState.write(patch);
      return { sidebar: options.windowState.read().sidebar ?? null, kept: true };
    },
    'articles.list': () => articles.list(),
    'articles.get': ({ id }) => articles.get(id),
    'articles.create': ({ meta }) => articles.create(meta),
    'articles.import': async ({ fileName, data }) => {
      const imported = await importArticle(fileName, Buffer.from(data, 'base64'));
      if (!imported.ok) throw new ApiError('invalid-request', imported.error, [{ path: 'fileName', message: imported.error }]);
      const { meta, body, warnings } = imported.value;
      return { article: await articles.create(meta, body), warnings };
    },
    'articles.save': (request) => articles.save(request),
    'articles.setStatus': (request) => review.setStatus(request),
    'articles.rename': ({ id, slug }) => articles.rename(id, slug),
    'articles.duplicate': ({ id }) => articles.duplicate(id),
    'articles.delete': ({ id }) => articles.delete(id),
    'articles.inspectDamaged': ({ slug }) => articles.inspectDamaged(slug),
    'articles.keepVersion': ({ id, meta, body }) => articles.keepVersion(id, meta || body ? { meta, body } : undefined),
    'articles.versions': async ({ id }) => ({ versions: await articles.versions(id) }),
    'articles.version': ({ id, versionId }) => articles.version(id, versionId),
    'articles.keepSettledVersion': ({ id }) => articles.keepSettled(id),
    'articles.restoreVersion': (request) => articles.restoreVersion(request),
    'sources.list': () => sources.list(),
    'sources.get': ({ id }) => sources.get(id),
    'sources.add': (request) => sources.add(request),
    'sources.update': (request) => sources.update(request),
    'sources.delete': (request) => sources.delete(request),
    'sources.inspectDamaged': ({ slug }) => sources.inspectDamaged(slug),
    'sources.importFile': ({ fileName, data, fields, allowDuplicate }) =>
      importSourceFile(sources, { fileName, data: Buffer.from(data, 'base64'), fields, allowDuplicate }),
    'sources.importReferences': (request) => importReferenceFile(sources, request),
    'sources.capture': (request) => captureSourceAt(sources, request),
    'sources.export': (request) => exportSources(sources, articles, request),
    'review.check': ({ id, body }) => review.check(id, body),
    'review.decide': (request) => review.decide(request),
    'review.report': ({ id, format }) => review.report(id, format),
    'export.gate': ({ id }) => exportGate(workspace, id),
    'export.preview': ({ id }) => previewArticle(workspace, id),
    'export.articles': (request) => exportArticles(workspace, request, (progress) => emitProgress(progress)),
    'export.importBundle': (request) => importBundleFrom(workspace, 'path' in request ? { path: request.path } : { fileName: request.fileName, data: Buffer.from(request.data, 'base64') }),
    'trash.list': async () => ({ items: await articles.listTrash() }),
    'trash.restore': ({ trashId }) => articles.restore(trashId),
    'assets.put': ({ fileName, data }) => workspace.assets.put(Buffer.from(data, 'base64'), fileName),
    'assets.get': async ({ asset }) => {
      const found = await workspace.assets.get(asset);
      return { asset: found.asset, type: found.type, data: found.bytes.toString('base64') };
    },
    'trash.purge': async ({ trashId }) => ({ removedLinks: await removeLinksTo(articles, (await articles.purge(trashId)).id) }),
    'search.query': ({ query, limit }) => workspace.search.query(query, limit),
    'search.status': () => workspace.search.status(),
    'tags.list': () => ({ tags: listTags(articles) }),
    'tags.rename': (request) => renameTag(articles, request),
    'articles.relate': ({ id, otherId, baseRevision }) => relate(articles, id, otherId, baseRevision),
    'articles.unrelate': ({ id, otherId, baseRevision }) => unrelate(articles, id, otherId, baseRevision),
    'team.status': () => workspace.team.status(),
    'team.start': (request) => workspace.team.start(request),
    'team.clone': (request) => cloneWorkspace(request),
    'team.sync': () => workspace.team.sync(),
    'team.history': async ({ id, limit }) => ({ commits: await workspace.team.history(id, limit) }),
    'team.presence': async () => ({ articles: await workspace.team.presence() }),
    'articles.related': ({ id }) => relatedLinks(articles, id),
    'related.suggest': ({ id }) => ({ suggestions: suggestRelated(articles, sources, workspace.search, id) }),
  };
}

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}

export function isApiEvent(name: string): name is ApiEvent {
  return (API_EVENTS as readonly string[]).includes(name);
}

/** Turns zod issues into field paths a person can find: `meta.headline: expected string`. */
export function issuesOf(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(request)',
    message: issue.message,
  }));
}

/** When the workspace folder itself went away while open (moved, renamed, its disk unplugged): the message for every failure. */
function workspaceGone(workspace: Workspace): string | null {
  const root = workspace.layout.root;
  if (existsSync(path.join(root, 'articles'))) return null;
  return `The workspace folder ${root} is no longer there: it was moved, renamed or removed (or its disk was unplugged) while Copydesk had it open. Nothing was written; what you typed is still on screen. Open the workspace where it is now, then save again.`;
}

const describe = (issues: ApiIssue[]) => issues.map((i) => `${i.path}: ${i.message}`).join('; ');

export interface ApiHost {
  /** One call: validated, carried out, its response checked. Never throws; failures are envelopes. */
  call(method: string, payload: unknown): Promise<ApiResult<unknown>>;
  /** Listens to an event; only payloads that satisfy the event contract arrive. */
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
  /** Sends an event from a shell (a menu command); refused with an ApiError when it breaks the contract. */
  emit<E extends ApiEvent>(event: E, payload: ApiEventPayload<E>): void;
  /** Stops every subscription to the workspace. */
  dispose(): void;
}

/** The signature of `ApiHost.call`, for transports that only carry calls. */
export type ApiHandler = ApiHost['call'];

/** What a shell adds to the host. */
export interface ApiHostOptions {
  onEventRefused?: (event: ApiEvent, problem: string) => void;
  /** Shows a path in the system's file manager (the desktop app's shell.showItemInFolder). */
  reveal?: (absolutePath: string) => void;
  /** Where the shell keeps the window's layout for this workspace (the desktop app's desktop-state.json). */
  windowState?: {
    read: () => { sidebar?: 'open' | 'collapsed' };
    write: (patch: { sidebar?: 'open' | 'collapsed' }) => Promise<void>;
  };
}

export function createApiHost(workspace: Workspace, options: ApiHostOptions = {}): ApiHost {
  // Progress of an export reaches listeners through the same contract check as every event.
  const impl = implementation(
    workspace,
    (progress) => {
      const problem = deliver('export.progress', progress);
      if (problem) refused('export.progress', describe(problem));
    },
    options,
  );
  const listeners = new Map<ApiEvent, Set<(payload: never) => void>>();
  const refused = options.onEventRefused ?? ((event, problem) => console.error(`Copydesk held back a ${event} event that broke the contract: ${problem}`));

  /** Checks a payload and hands it to the event's listeners; false when it broke the contract. */
  const deliver = (event: ApiEvent, payload: unknown): ApiIssue[] | null => {
    const checked = eventContract[event].safeParse(payload);
    if (!checked.success) return issuesOf(checked.error);
    for (const listener of listeners.get(event) ?? []) (listener as (p: unknown) => void)(checked.data);
    return null;
  };

  const offLibrary = workspace.onLibraryChanged((changes) => {
    const problem = deliver('library.changed', { changes });
    if (problem) refused('library.changed', describe(problem));
  });
  const offSources = workspace.onSourcesChanged((changes) => {
    const problem = deliver('sources.changed', { changes });
    if (problem) refused('sources.changed', describe(problem));
  });
  const offSearch = workspace.onSearchStatus((status) => {
    const problem = deliver('search.status', status);
    if (problem) refused('search.status', describe(problem));
  });

  return {
    async call(method, payload) {
      // Background counting of open claims gives way while the host is being asked things.
      workspace.openClaims?.busy();
      try {
        if (!isApiMethod(method)) throw new ApiError('unknown-method', `There is no API method called "${method}".`);
        const spec = contract[method];
        const parsed = spec.request.safeParse(payload ?? {});
        if (!parsed.success) {
          const issues = issuesOf(parsed.error);
          throw new ApiError('invalid-request', `Invalid request for ${method}: ${describe(issues)}`, issues);
        }
        const run = impl[method] as (request: unknown) => Promise<unknown> | unknown;
        const value = await run(parsed.data);
        const checked = spec.response.safeParse(value);
        if (!checked.success) throw new ApiError('internal', `The response of ${method} broke the contract: ${describe(issuesOf(checked.error))}`);
        // What happened is committed when the workspace is shared (team sync); never in the way of the answer.
        workspace.team.after(method, parsed.data as Record<string, unknown>, checked.data);
        return { ok: true, value: checked.data };
      } catch (error) {
        const gone = workspaceGone(workspace);
        if (gone) return { ok: false, error: { code: 'unavailable', message: gone } };
        if (error instanceof ApiError) return { ok: false, error: error.toData() };
        // The disk full, read-only or failing: the message says so; it may pass, so it is retried.
        if (isDiskFailure(error)) return { ok: false, error: { code: 'unavailable', message: error.message } };
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { code: 'internal', message: `${method} failed: ${message}` } };
      }
    },
    on(event, listener) {
      if (!isApiEvent(event)) throw new ApiError('unknown-method', `There is no event called "${String(event)}".`);
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },
    emit(event, payload) {
      if (!isApiEvent(event)) throw new ApiError('unknown-method', `There is no event called "${String(event)}".`);
      const problem = deliver(event, payload);
      if (problem) throw new ApiError('invalid-request', `The ${event} event broke the contract: ${describe(problem)}`, problem);
    },
    dispose() {
      offLibrary();
      offSources();
      offSearch();
      listeners.clear();
    },
  };
}
