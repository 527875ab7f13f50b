"use client";

import { useState } from "react";
import type { FieldValues } from "react-hook-form";
import type { Result } from "@/lib/result";
import { applyServerErrors, settle, type ServerErrorTarget } from "./action-result";
import { useErrorMessage } from "./use-error-message";

export type ServerAction<Args extends unknown[], T> = {
  /** Calls the action; resolves to its result, or to a failed one with NETWORK_ERROR (in the reader's language). Never throws. */
  run: (...args: Args) => Promise<Result<T>>;
  pending: boolean;
  /** The message of the last failure that no form field took; cleared by the next run. */
  error: string | null;
  clearError: () => void;
};

/**
 * The one way a client calls a server action: gives `pending`, turns a request that never got
 * an answer into NETWORK_ERROR (so no button stays pending), and, given a form, puts the
 * server's field errors under its fields.
 */
export function useServerAction<Args extends unknown[], T, F extends FieldValues = FieldValues>(
  action: (...args: Args) => Promise<Result<T>>,
  form?: ServerErrorTarget<F>,
): ServerAction<Args, T> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const translate = useErrorMessage();

  const run = async (...args: Args) => {
    setPending(true);
    setError(null);
    const settled = await settle(() => action(...args));
    // The server translated its refusals; a request that got no answer (NETWORK_ERROR) is made
    // here, in English, and gets the reader's language here too.
    const result = settled.ok ? settled : { ...settled, error: translate(settled.error) };
    setPending(false);
    if (!result.ok) setError(form ? applyServerErrors(result, form.fields, form.setError) : result.error);
    return result;
  };

  return { run, pending, error, clearError: () => setError(null) };
}
