/**
 * Builds the named, typed API (`api.articles.save(...)`) from a transport that carries
 * one method call at a time. Used by the preload (IPC) and the browser client (HTTP).
 */
import { API_METHODS, type ApiEvent, type ApiMethod } from './api-methods';
import type { ApiEventPayload, ApiRequest, ApiResponse } from './contract';
import { ApiError, type ApiResult } from './errors';

type GroupOf<M> = M extends `${infer G}.${string}` ? G : never;
type NameIn<M, G extends string> = M extends `${G}.${infer N}` ? N : never;

/** Methods returning result envelopes: what `window.copydesk` exposes. */
export type CopydeskBridge = {
  [G in GroupOf<ApiMethod>]: {
    [N in NameIn<ApiMethod, G>]: (request: ApiRequest<`${G}.${N}` & ApiMethod>) => Promise<ApiResult<ApiResponse<`${G}.${N}` & ApiMethod>>>;
  };
} & {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
};

/** Methods that resolve with the value or reject with an ApiError: what the UI uses. */
export type CopydeskApi = {
  [G in GroupOf<ApiMethod>]: {
    [N in NameIn<ApiMethod, G>]: (request: ApiRequest<`${G}.${N}` & ApiMethod>) => Promise<ApiResponse<`${G}.${N}` & ApiMethod>>;
  };
} & {
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
};

export type CallTransport = (method: ApiMethod, request: unknown) => Promise<ApiResult<unknown>>;
export type EventTransport = (event: ApiEvent, listener: (payload: unknown) => void) => () => void;

function buildGroups<T>(makeMethod: (method: ApiMethod) => T): Record<string, Record<string, T>> {
  const groups: Record<string, Record<string, T>> = {};
  for (const method of API_METHODS) {
    const [group, name] = method.split('.') as [string, string];
    (groups[group] ??= {})[name] = makeMethod(method);
  }
  return groups;
}

/** Named methods returning envelopes. */
export function createBridge(call: CallTransport, on: EventTransport): CopydeskBridge {
  const groups = buildGroups((method) => (request: unknown) => call(method, request));
  return { ...groups, on } as unknown as CopydeskBridge;
}

/** Named methods that unwrap envelopes, rejecting with ApiError. */
export function createApiClient(bridge: CopydeskBridge): CopydeskApi {
  const groups = buildGroups((method) => {
    const [group, name] = method.split('.') as [string, string];
    const target = (bridge as unknown as Record<string, Record<string, (r: unknown) => Promise<ApiResult<unknown>>>>)[group]?.[name];
    return async (request: unknown) => {
      if (!target) throw new ApiError('unknown-method', `The host does not offer ${method}.`);
      const result = await target(request);
      if (result.ok) return result.value;
      throw ApiError.fromData(result.error);
    };
  });
  return { ...groups, on: bridge.on } as unknown as CopydeskApi;
}
