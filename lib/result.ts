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

/** Field errors of a failed zod parse: the first message per top-level field. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.length ? String(issue.path[0]) : "form";
    out[field] ??= issue.message;
  }
  return out;
}

/** A failed zod parse as an invalid_request result naming the fields. */
export function invalidInput<T = never>(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Result<T> {
  const fieldErrors = fieldErrorsOf(issues);
  const first = Object.entries(fieldErrors)[0];
  return fail("invalid_request", first ? (first[0] === "form" ? first[1] : `${first[0]}: ${first[1]}`) : "Invalid input", fieldErrors);
}
