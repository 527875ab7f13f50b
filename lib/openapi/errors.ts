import { PLAN_REQUIRED_MESSAGE } from "@/lib/keys/policy";
import type { Permission } from "@/lib/auth/permissions";

export const API_ERROR_CODES = [
  "missing_api_key",
  "invalid_api_key",
  "disabled_api_key",
  "expired_api_key",
  "inactive_api_key",
  "plan_required",
  "missing_signature",
  "stale_timestamp",
  "invalid_signature",
  "replayed_request",
  "forbidden",
  "ip_not_allowed",
  "key_rate_limited",
  "invalid_request",
  "rate_limited",
  "not_found",
  "conflict",
  "limit_reached",
  "payload_too_large",
  "method_not_allowed",
  "internal_error",
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const BODY_LIMIT = 64 * 1024;
export const BODY_LIMIT_TEXT = `${BODY_LIMIT / 1024} kB`;

/** The one error shape of the Open API: `{"error":{"code","message", …details}}`. */
export type ApiErrorBody = {
  error: {
    code: ApiErrorCode;
    message: string;
    /** invalid_request: the first field at fault, and every field's message. */
    field?: string;
    fields?: Record<string, string>;
    /** forbidden: the permission that was needed. */
    permission?: Permission;
  };
};

export type ApiResponse = {
  status: number;
  body: unknown;
  /** `body` already serialized, when the route keeps it (GET /api/v1/me). */
  json?: string;
  headers?: Record<string, string>;
  /** The existing key a refusal was for (usage counting, SPEC §11); never sent. */
  keyId?: string;
};

export function apiError(
  status: number,
  code: ApiErrorCode,
  message: string,
  details: Omit<ApiErrorBody["error"], "code" | "message"> = {},
  headers?: Record<string, string>,
): ApiResponse {
  return { status, body: { error: { code, message, ...details } } satisfies ApiErrorBody, headers };
}

export const AUTH_MESSAGES = {
  missing_api_key: "Send an API key in the X-Api-Key, DF-API-KEY or Authorization: Bearer header.",
  invalid_api_key: "The API key is not valid.",
  disabled_api_key: "The API key is disabled.",
  expired_api_key: "The API key has expired.",
  inactive_api_key: "The API key is inactive: its creator is no longer a member of the workspace.",
  plan_required: PLAN_REQUIRED_MESSAGE,
} as const;

export function forbidden(permissions: readonly Permission[]): ApiResponse {
  const names = permissions.map((p) => `"${p}"`).join(" or ");
  return apiError(403, "forbidden", `This API key lacks the permission ${names}.`, { permission: permissions[0] });
}

export function invalidRequest(fields: Record<string, string>, message?: string): ApiResponse {
  const [first] = Object.entries(fields);
  const text = message ?? (first ? `${first[0]}: ${first[1]}` : "The request is not valid.");
  return apiError(400, "invalid_request", text, first ? { field: first[0], fields } : {});
}
