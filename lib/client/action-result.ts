import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { fail, type Result } from "@/lib/result";

export const NETWORK_ERROR = "Could not reach the server. Check your connection and try again.";

/** The fields of a react-hook-form form that a server's field errors may land on. */
export type ServerErrorTarget<F extends FieldValues> = { fields: readonly Path<F>[]; setError: UseFormSetError<F> };

/**
 * A server action's result, or a failed one when it threw: actions never throw (the wrapper
 * catches), so a throw is the request itself failing (offline, aborted, server gone).
 */
export async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch {
    return fail("internal", NETWORK_ERROR);
  }
}

/**
 * Puts a failed server result's field errors under the form's fields; returns the message to
 * show above the form when no field took it.
 */
export function applyServerErrors<F extends FieldValues>(
  result: Extract<Result<unknown>, { ok: false }>,
  fields: readonly Path<F>[],
  setError: UseFormSetError<F>,
): string | null {
  let placed = false;
  for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
    const known = fields.find((f) => f === field);
    if (known) {
      setError(known, { type: "server", message }, { shouldFocus: !placed });
      placed = true;
    }
  }
  return placed ? null : result.error;
}
