/**
 * Errors as they cross the process boundary: a code the UI can act on, a message a
 * person can read, and for invalid requests the fields at fault.
 */

export type ApiErrorCode =
  | 'invalid-request'
  | 'unknown-method'
  | 'not-found'
  | 'conflict'
  | 'damaged'
  | 'locked'
  /** The workspace was opened read-only (the CLI beside a running app); nothing can change. */
  | 'read-only'
  /** A call from a frame or page that is not Copydesk's own. */
  | 'foreign-frame'
  /** Browser mode: the call lacks the launch token, or carries an old one. */
  | 'bad-token'
  /** A rule of the workflow refused the change (the approval gate, approved copy); `issues` say what is open. */
  | 'refused'
  /** A passing failure (the disk is busy, a file is held by another program); trying again may work. */
  | 'unavailable'
  | 'internal';

/** Codes of failures that may go away by themselves: worth an automatic retry. */
export const RETRYABLE_ERROR_CODES: ReadonlySet<ApiErrorCode> = new Set(['unavailable', 'internal', 'bad-token']);

/** One problem with a request: the field path (`meta.headline`) and what is wrong. */
export interface ApiIssue {
  path: string;
  message: string;
}

/** The serializable form of an error. */
export interface ApiErrorData {
  code: ApiErrorCode;
  message: string;
  issues?: ApiIssue[];
}

/** Result envelope: both transports carry this, never a thrown error. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiIssue[] | undefined;

  constructor(code: ApiErrorCode, message: string, issues?: ApiIssue[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }

  toData(): ApiErrorData {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }

  static fromData(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.issues);
  }
}
