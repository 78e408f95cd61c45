import { useCallback, useRef, useState } from "react";
import { ApiError } from "./api";

/** One invalid field, as a 400 problem's `errors` lists them. */
export interface FieldError {
  field: string;
  message: string;
}

/** A change in progress or done: what a button next to it needs to show. */
export interface Mutation<Input, Output> {
  /** Runs the change; resolves to its answer, or to `undefined` when it failed (the failure is in `error`). */
  run: (input: Input) => Promise<Output | undefined>;
  /** True from `run` until the server has answered. */
  pending: boolean;
  /** The last answer, until the next `run`. */
  result?: Output;
  /** The last failure in words for the user: the problem's detail (or title), with the server's error id. */
  error?: string;
  /** A 400 problem's per-field messages, for a form to show beside each field. */
  fieldErrors: FieldError[];
  /** The failure itself (status, whole problem document). */
  failure?: ApiError;
  /** Forgets the result and the error. */
  reset: () => void;
}

interface MutationState<Output> {
  pending: boolean;
  result?: Output;
  failure?: ApiError;
}

/** The `errors` member of a 400 problem, when it has the platform's shape. */
export function fieldErrorsOf(failure: ApiError | undefined): FieldError[] {
  const errors = failure?.problem?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (entry): entry is FieldError => typeof entry?.field === "string" && typeof entry?.message === "string",
  );
}

/**
 * A change to make on the server (a POST, PUT or DELETE through `api`), with its pending state and
 * its failure as a readable message to show next to the action:
 *
 *   const rerun = useMutation(() => api.post<Run>("/api/audit/runs", { mode: "full" }));
 *   <button disabled={rerun.pending} onClick={() => rerun.run()}>Run audit</button>
 *   <ActionError mutation={rerun} />
 *
 * A second `run` while one is pending is refused (resolves to `undefined`): double clicks stay one change.
 */
export function useMutation<Input = void, Output = unknown>(change: (input: Input) => Promise<Output>): Mutation<Input, Output> {
  const [state, setState] = useState<MutationState<Output>>({ pending: false });
  const latest = useRef(change);
  latest.current = change;
  const pending = useRef(false);

  const run = useCallback(async (input: Input) => {
    if (pending.current) return undefined;
    pending.current = true;
    setState({ pending: true });
    try {
      const result = await latest.current(input);
      setState({ pending: false, result });
      return result;
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(0, error instanceof Error ? error.message : String(error));
      setState({ pending: false, failure });
      return undefined;
    } finally {
      pending.current = false;
    }
  }, []);

  const reset = useCallback(() => setState({ pending: false }), []);
  return {
    run,
    pending: state.pending,
    result: state.result,
    error: state.failure?.message,
    fieldErrors: fieldErrorsOf(state.failure),
    failure: state.failure,
    reset,
  };
}
