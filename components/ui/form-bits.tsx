"use client";

import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { Result } from "@/lib/result";

/** A form-wide error (not tied to one field, e.g. a refusal by the server), announced to screen readers. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p
      role="alert"
      className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
    >
      {message}
    </p>
  );
}

/**
 * Puts a failed server result's field errors under the form's fields; returns the message to
 * show above the form when no field took it.
 */
export function applyServerErrors<T extends FieldValues>(
  result: Extract<Result<unknown>, { ok: false }>,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
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

export const NETWORK_ERROR = "Could not reach the server. Check your connection and try again.";
