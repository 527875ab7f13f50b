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
  | "plan_required";

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail<T = never>(code: ErrorCode, error: string, fieldErrors?: Record<string, string>): Result<T> {
  return fieldErrors ? { ok: false, code, error, fieldErrors } : { ok: false, code, error };
}
