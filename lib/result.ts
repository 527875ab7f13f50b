/** What every domain operation and server action returns; never thrown to the client. */
export type Result<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: ErrorCode; fieldErrors?: Record<string, string> };

export type ErrorCode =
  | "unauthenticated"
  | "not_found"
  | "forbidden"
  | "invalid_request"
  | "conflict"
  | "limit_reached"
  | "plan_required"
  | "internal";

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail<T = never>(code: ErrorCode, error: string, fieldErrors?: Record<string, string>): Result<T> {
  return fieldErrors ? { ok: false, code, error, fieldErrors } : { ok: false, code, error };
}

type Issue = { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] };

/**
 * The one field-error mapper (forms and the Open API): the first message per top-level field,
 * an unknown field under its own name, "form" for the input as a whole.
 */
export function fieldErrorsOf(issues: readonly Issue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys" && issue.keys?.length) {
      for (const key of issue.keys) out[issue.path.length ? String(issue.path[0]) : key] ??= "Unknown field";
      continue;
    }
    const field = issue.path.length ? String(issue.path[0]) : "form";
    out[field] ??= issue.message;
  }
  return out;
}

/** A failed zod parse as an invalid_request result naming the fields. */
export function invalidInput<T = never>(issues: readonly Issue[]): Result<T> {
  const fieldErrors = fieldErrorsOf(issues);
  const first = Object.entries(fieldErrors)[0];
  return fail("invalid_request", first ? (first[0] === "form" ? first[1] : `${first[0]}: ${first[1]}`) : "Invalid input", fieldErrors);
}
