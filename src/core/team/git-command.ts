/**
 * The system git, run through simple-git with settings that never wait on a person: no
 * terminal prompt, no password or passphrase asked (ssh in batch mode, an askpass that
 * answers nothing), no editor, and a time limit on every call. Git pages only to a
 * terminal, and these calls have none. Failures come back as ApiErrors in plain words,
 * saying what to do.
 */
import { simpleGit, type SimpleGitOptions } from 'simple-git';
import { ApiError } from '../../shared/errors';

/** How long one git call may run before it is stopped (network calls take the longest). */
export const GIT_TIMEOUT_MS = 60_000;

export interface GitRunOptions {
  /** Bytes for git's standard input. */
  input?: string;
  /** Extra environment (an author, a temp index). */
  env?: Record<string, string>;
  /** Exit codes that are answers, not failures (`merge-tree` says 1 for "conflicts"). */
  okExitCodes?: number[];
  timeoutMs?: number;
}

/** Environment passed on to git: what it needs to find the user's configuration, credentials and proxies, nothing else. */
const PASSED_ON = ['PATH', 'HOME', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'SystemRoot', 'TMPDIR', 'TEMP', 'TMP', 'XDG_CONFIG_HOME', 'SSH_AUTH_SOCK', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM'];

function environment(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of PASSED_ON) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    // An askpass that prints nothing: a credential helper may still answer, a person is never asked.
    GIT_ASKPASS: 'echo',
    SSH_ASKPASS: 'echo',
    GIT_SSH_COMMAND: 'ssh -o BatchMode=yes -o ConnectTimeout=15',
    GIT_EDITOR: 'true',
    LC_ALL: 'C',
    ...extra,
  };
}

export class GitCommand {
  constructor(
    /** The folder git runs in. */
    readonly dir: string,
    private readonly binary = 'git',
  ) {}

  /** Runs `git <args>` and returns its standard output. */
  async run(args: string[], options: GitRunOptions = {}): Promise<string> {
    const env = environment(options.env);
    const ok = options.okExitCodes ?? [0];
    const config: Partial<SimpleGitOptions> = {
      baseDir: this.dir,
      binary: this.binary,
      maxConcurrentProcesses: 1,
      timeout: { block: options.timeoutMs ?? GIT_TIMEOUT_MS },
      allowEnvironment: Object.keys(env),
      unsafe: { allowUnsafeSshCommand: true, allowUnsafeAskPass: true, allowUnsafeEditor: true, allowUnsafeCustomBinary: this.binary !== 'git' } as SimpleGitOptions['unsafe'],
      errors: (error, result) => (ok.includes(result.exitCode) ? undefined : (error ?? Buffer.concat(result.stdErr))),
      ...(options.input !== undefined ? { input: () => options.input } : {}),
    };
    try {
      return await simpleGit(config).env(env).raw(args);
    } catch (error) {
      throw explainGitFailure(error, args);
    }
  }

  /** The installed git's version, or null when there is none. */
  async version(): Promise<string | null> {
    try {
      return (await this.run(['version'], { timeoutMs: 10_000 })).trim().replace(/^git version /, '');
    } catch {
      return null;
    }
  }
}

const NO_GIT_MESSAGE =
  'Team sync needs git, and none was found on this computer. Install git (https://git-scm.com/downloads), then try again; the workspace is unchanged.';

/** A git failure in plain words, with what to do. */
export function explainGitFailure(error: unknown, args: string[]): ApiError {
  const text = error instanceof Error ? error.message : String(error);
  const detail = text.trim().split('\n').filter(Boolean).slice(0, 4).join(' ');
  if (/ENOENT/.test(text) && /spawn/.test(text)) return new ApiError('unavailable', NO_GIT_MESSAGE);
  if (/timed? ?out|block timeout/i.test(text) && !/Connection timed out|Operation timed out/.test(text)) {
    return new ApiError('unavailable', `git did not answer within ${Math.round(GIT_TIMEOUT_MS / 1000)} seconds (git ${args[0]}), and was stopped. Check the network connection to the remote, then sync again. Nothing was changed.`);
  }
  if (/could not read Username|Authentication failed|terminal prompts disabled|Permission denied \(publickey|HTTP Basic: Access denied|403|invalid credentials/i.test(text)) {
    return new ApiError('unavailable', `The remote refused to let you in (authentication failed). Set up your access with git outside Copydesk (an SSH key, or a credential helper that remembers your token), then sync again. git said: ${detail}`);
  }
  if (/Could not resolve host|Failed to connect|Connection refused|Network is unreachable|Connection timed out|Operation timed out|Couldn't connect|unable to access/i.test(text)) {
    return new ApiError('unavailable', `The remote cannot be reached (no network, or the server is down). Your work is kept here; sync again when you are online. git said: ${detail}`);
  }
  if (/does not appear to be a git repository|repository .* not found|Repository not found|not a git repository|No such file or directory/i.test(text)) {
    return new ApiError('not-found', `There is no git repository at that address. Check the remote's address (a URL, or the path of a shared folder), then try again. git said: ${detail}`);
  }
  if (/Could not read from remote repository|hostname contains invalid characters|Unable to find remote helper|protocol '.*' is not supported|transport '.*' not allowed|not a valid repository name|Could not resolve hostname|unable to look up|ssh: /i.test(text)) {
    return new ApiError('not-found', `Copydesk could not reach a git repository at that address. Check the remote's address (a URL, user@host:path, or the path of a shared folder) and your access to it, then try again. git said: ${detail}`);
  }
  if (/index\.lock|Unable to create .*\.lock/.test(text)) {
    return new ApiError('conflict', `Another git command is working in this workspace (it holds .git/index.lock). Wait for it to finish; if none is running, delete .git/index.lock, then sync again. Nothing was changed.`);
  }
  if (['ls-remote', 'fetch', 'push', 'clone'].includes(args[0] ?? '')) {
    return new ApiError('unavailable', `git ${args[0]} could not talk to the remote: ${detail}. Check the remote's address and your access, then try again; nothing was changed.`);
  }
  return new ApiError('internal', `git ${args[0]} failed: ${detail}`);
}
