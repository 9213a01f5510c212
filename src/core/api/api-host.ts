/**
 * The one place a call from outside meets the core: the method is looked up in the
 * contract, the payload parsed with its schema (a cast is not validation), the workspace
 * called, and the response checked against the contract before it leaves. Desktop IPC
 * and browser mode both go through here.
 */
import type { z } from 'zod';
import { API_METHODS, type ApiMethod } from '../../shared/api-methods';
import { contract, type ApiRequest, type ApiResponse } from '../../shared/contract';
import { ApiError, type ApiIssue, type ApiResult } from '../../shared/errors';
import type { Workspace } from '../workspace/workspace';

type Implementation = { [M in ApiMethod]: (request: z.output<(typeof contract)[M]['request']>) => Promise<ApiResponse<M>> | ApiResponse<M> };

function implementation(workspace: Workspace): Implementation {
  return {
    'workspace.info': () => workspace.info(),
    'articles.list': () => workspace.list(),
    'articles.get': ({ id }) => workspace.get(id),
    'articles.create': ({ meta }) => workspace.create(meta),
    'articles.save': (request) => workspace.save(request),
    'articles.setStatus': (request) => workspace.setStatus(request),
    'articles.rename': ({ id, slug }) => workspace.rename(id, slug),
    'articles.duplicate': ({ id }) => workspace.duplicate(id),
    'articles.delete': ({ id }) => workspace.delete(id),
    'articles.inspectDamaged': ({ slug }) => workspace.inspectDamaged(slug),
    'articles.keepVersion': ({ id, meta, body }) => workspace.keepVersion(id, meta || body ? { meta, body } : undefined),
    'trash.list': async () => ({ items: await workspace.listTrash() }),
    'trash.restore': ({ trashId }) => workspace.restore(trashId),
  };
}

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}

/** Turns zod issues into field paths a person can find: `meta.headline: expected string`. */
export function issuesOf(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(request)',
    message: issue.message,
  }));
}

export type ApiHandler = (method: string, payload: unknown) => Promise<ApiResult<unknown>>;

export function createApiHandler(workspace: Workspace): ApiHandler {
  const impl = implementation(workspace);
  return async (method, payload) => {
    try {
      if (!isApiMethod(method)) {
        throw new ApiError('unknown-method', `There is no API method called "${method}".`);
      }
      const spec = contract[method];
      const parsed = spec.request.safeParse(payload ?? {});
      if (!parsed.success) {
        const issues = issuesOf(parsed.error);
        const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
        throw new ApiError('invalid-request', `Invalid request for ${method}: ${summary}`, issues);
      }
      const run = impl[method] as (request: unknown) => Promise<unknown> | unknown;
      const value = await run(parsed.data as ApiRequest<typeof method>);
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        throw new ApiError('internal', `The response of ${method} broke the contract: ${issuesOf(checked.error).map((i) => `${i.path}: ${i.message}`).join('; ')}`);
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toData() };
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `${method} failed: ${message}` } };
    }
  };
}
