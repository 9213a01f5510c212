/**
 * One way of adding a source (pasted text, a file, a web address) as the dialog runs it:
 * busy while the host works, the source the library has already when it answers
 * "duplicate" (use that one, or add a copy anyway), and the host's complaints by field.
 */
import { useCallback, useRef, useState } from 'react';
import type { ApiResponse } from '../../../shared/contract';
import { ApiError, type ApiErrorCode } from '../../../shared/errors';
import type { SourceSummary } from '../../../shared/source';
import { issuesByField, type FormField } from './source-fields';

type AddResult = ApiResponse<'sources.add'>;

/** An add, asked again with `allowDuplicate` when the user wants a copy. */
export type AddCall = (allowDuplicate: boolean) => Promise<AddResult>;

export interface AddFailure {
  message: string;
  code: ApiErrorCode | null;
  /** Messages to show beside the fields they name. */
  fields: Partial<Record<FormField, string>>;
}

export interface AddState {
  busy: boolean;
  duplicate: { existing: SourceSummary; matchedBy: 'url' | 'text' } | null;
  failure: AddFailure | null;
}

const IDLE: AddState = { busy: false, duplicate: null, failure: null };

/** The host's error as the form shows it. */
export function failureOf(error: unknown): AddFailure {
  if (error instanceof ApiError) {
    const { fields } = issuesByField(error.issues);
    // "Invalid request for sources.add: fields.title: …" reads badly once the field says it.
    const message = error.code === 'invalid-request' && Object.keys(fields).length ? 'Some fields need a look.' : error.message;
    return { message, code: error.code, fields };
  }
  return { message: error instanceof Error ? error.message : String(error), code: null, fields: {} };
}

export function useAddSource(onAdded: (ids: string[]) => void) {
  const [state, setState] = useState<AddState>(IDLE);
  const last = useRef<AddCall | null>(null);

  const attempt = useCallback(
    async (call: AddCall, allowDuplicate: boolean) => {
      last.current = call;
      setState({ busy: true, duplicate: null, failure: null });
      try {
        const result = await call(allowDuplicate);
        if (result.status === 'added') {
          setState(IDLE);
          onAdded([result.source.id]);
        } else {
          setState({ busy: false, duplicate: { existing: result.existing, matchedBy: result.matchedBy }, failure: null });
        }
      } catch (error) {
        setState({ busy: false, duplicate: null, failure: failureOf(error) });
      }
    },
    [onAdded],
  );

  const run = useCallback((call: AddCall) => attempt(call, false), [attempt]);
  const addCopy = useCallback(() => (last.current ? attempt(last.current, true) : Promise.resolve()), [attempt]);
  const reset = useCallback(() => setState(IDLE), []);
  return { state, run, addCopy, reset };
}
