/**
 * How a command reaches the workspace: it opens it (read-only to read, as a guest to
 * write beside a running app) and talks to it only through the API host, so every call is
 * validated like the app's. Failures become the command's exit codes.
 */
import { createApiHost, type ApiHost } from '../core/api/api-host';
import { Workspace } from '../core/workspace/workspace';
import type { ApiMethod } from '../shared/api-methods';
import type { ApiRequest, ApiResponse } from '../shared/contract';
import { ApiError, type ApiErrorCode } from '../shared/errors';
import { terminalText } from './terminal-text';

/** Exit codes: 0 ok, 1 the command ran and found a problem, 2 bad usage, a missing file or an unknown article. */
export const EXIT = { ok: 0, problem: 1, usage: 2 } as const;

/** A failure a command reports: its message and its exit code. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    /** The message is the command's output (printed to stdout), not an error: `check` found claims to look at. */
    readonly isOutput = false,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CommandError(message, EXIT.usage);

/** Which API failures are the user's request (exit 2) and which are problems found (exit 1). */
const USAGE_CODES: ReadonlySet<ApiErrorCode> = new Set(['not-found', 'unknown-method']);

export interface Session {
  root: string;
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>>;
}

/** Opens the workspace for one command, runs it, and closes the workspace whatever happens. */
export async function withWorkspace<T>(root: string, mode: 'read' | 'write', run: (session: Session) => Promise<T>): Promise<T> {
  let workspace: Workspace;
  try {
    workspace = await Workspace.open(root, mode === 'read' ? { readOnly: true } : { guest: true });
  } catch (error) {
    throw error instanceof ApiError ? new CommandError(error.message, EXIT.usage) : error;
  }
  const host: ApiHost = createApiHost(workspace);
  try {
    return await run({
      root: workspace.layout.root,
      async call(method, request) {
        const result = await host.call(method, request);
        if (result.ok) return result.value as ApiResponse<typeof method>;
        const { code, message } = result.error;
        throw new CommandError(terminalText(message), USAGE_CODES.has(code) ? EXIT.usage : EXIT.problem);
      },
    });
  } finally {
    host.dispose();
    await workspace.close();
  }
}

/** An article named by id or by slug (its file name without .json). */
export async function resolveArticle(session: Session, name: string): Promise<{ id: string; slug: string; headline: string }> {
  const { articles } = await session.call('articles.list', {});
  const wanted = name.replace(/^articles\//, '').replace(/\.json$/, '');
  const found = articles.find((a) => a.id === wanted) ?? articles.find((a) => a.slug === wanted) ?? articles.find((a) => a.slug.toLowerCase() === wanted.toLowerCase());
  if (!found) throw usageError(`there is no article "${terminalText(name)}" in ${terminalText(session.root)} (give its id or its file name; \`copydesk list\` shows them).`);
  return found;
}
