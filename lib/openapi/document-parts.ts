import { z } from "zod";
import { SIGNATURE_WINDOW_SECONDS } from "@/lib/signing/format";
import { API_ERROR_CODES, BODY_LIMIT_TEXT, type ApiErrorCode } from "./errors";
import type { AnyRoute } from "./route";
import { errorSchemaOf } from "./schemas";

/** Building blocks of openapi.json: error responses, headers, the zod → JSON Schema converter. */

export type Json = Record<string, unknown>;

type Codes = readonly [ApiErrorCode, ...ApiErrorCode[]];
type ErrorResponse = { description: string; codes: Codes; headers?: string[]; name?: string };

const SIGNATURE_CODES = ["missing_signature", "stale_timestamp", "invalid_signature", "replayed_request"] as const;

// The errors every operation may answer, whatever the route; a route adds its own (404, 409).
export const COMMON_ERRORS: Record<number, ErrorResponse> = {
  400: { description: "invalid_request: a bad body or parameter (`error.field` names it)", codes: ["invalid_request"] },
  401: {
    description:
      "missing_api_key, invalid_api_key, disabled_api_key, expired_api_key or inactive_api_key; when the workspace requires signed " +
      `requests also ${SIGNATURE_CODES.join(", ")}`,
    codes: ["missing_api_key", "invalid_api_key", "disabled_api_key", "expired_api_key", "inactive_api_key", ...SIGNATURE_CODES],
    name: "AuthenticationError",
  },
  402: { description: "plan_required: the key's workspace is on the free plan", codes: ["plan_required"] },
  403: {
    description: "forbidden: the key lacks a permission (`error.permission` names it); ip_not_allowed: the key's IP allowlist does not hold the caller's address",
    codes: ["forbidden", "ip_not_allowed"],
  },
  413: { description: `payload_too_large: bodies are limited to ${BODY_LIMIT_TEXT}`, codes: ["payload_too_large"] },
  429: {
    description:
      "rate_limited: too many failed authentications from this address; key_rate_limited: the key's rate limit is used up (see Retry-After)",
    codes: ["rate_limited", "key_rate_limited"],
    headers: ["Retry-After"],
  },
};

// Routes that need no permission can still refuse the caller's address.
const IP_ONLY_403: ErrorResponse = {
  description: "ip_not_allowed: the key's IP allowlist does not hold the caller's address",
  codes: ["ip_not_allowed"],
};

/** SPEC §10: on every response to a key with a rate limit, success or not. */
export const RATE_LIMIT_HEADERS = ["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"] as const;
export const rateLimitHeaderRefs = (): Json =>
  Object.fromEntries(RATE_LIMIT_HEADERS.map((h) => [h, { $ref: `#/components/headers/${h}` }]));

export const RESTRICTIONS_DESCRIPTION =
  "\n\n**Key restrictions.** A key may hold an IP allowlist (`ipAllowlist`): requests from any other address get 403 " +
  "`ip_not_allowed`. A key may hold a rate limit (`rateLimit`): at most `limit` successful requests in any window of " +
  "its length; past it 429 `key_rate_limited` with `Retry-After`. Every response to a key with a limit carries " +
  "`RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds until a request is allowed again). " +
  "Checks run in this order: key, its state, signature, IP, rate limit, permission.";

export const DEFAULT_ERROR: ErrorResponse = {
  description: "Any other error, in the same shape: e.g. 500 internal_error (nothing was changed; try again)",
  codes: API_ERROR_CODES,
};

// Response headers by name, referenced from responses.
export const RESPONSE_HEADERS: Json = {
  "Retry-After": {
    description: "Seconds to wait before the next attempt",
    schema: { type: "integer", minimum: 1 },
    example: 60,
  },
  "RateLimit-Limit": {
    description: "Keys with a rate limit: the successful requests allowed in any window of the limit's length",
    schema: { type: "integer", minimum: 1 },
    example: 100,
  },
  "RateLimit-Remaining": {
    description: "Keys with a rate limit: the successful requests still allowed now",
    schema: { type: "integer", minimum: 0 },
    example: 99,
  },
  "RateLimit-Reset": {
    description: "Keys with a rate limit: seconds until a request is allowed again (0 while some remain)",
    schema: { type: "integer", minimum: 0 },
    example: 0,
  },
};

const pascal = (code: string) => code.replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());

/** The statuses of errors `route` can answer, with what each may carry. */
export function errorResponsesOf(route: AnyRoute): Record<string, ErrorResponse> {
  // A public route has no key to refuse: it lists its own 401 and 429, if any.
  const statuses = route.public ? [] : [401, 402, 403, 429];
  if (route.body || route.domainBody || route.query || route.pathParams) statuses.push(400);
  if (route.body || route.domainBody) statuses.push(413);
  const out: Record<string, ErrorResponse> = {};
  for (const status of statuses.sort()) out[status] = COMMON_ERRORS[status]!;
  if (!route.permissions.length) out[403] = IP_ONLY_403;
  for (const [status, response] of Object.entries(route.responses)) {
    if (response.codes?.length) {
      out[status] = { description: response.description, codes: response.codes as Codes, headers: COMMON_ERRORS[Number(status)]?.headers };
    }
  }
  out.default = DEFAULT_ERROR;
  return out;
}

/** An error response object: its schema names exactly the codes it can carry. */
export function errorResponse(response: ErrorResponse, convert: Converter): Json {
  const name = response.name ?? (response.codes === API_ERROR_CODES ? "Error" : `${response.codes.map(pascal).join("Or")}Error`);
  const [first] = response.codes;
  return {
    description: response.description,
    headers: {
      ...Object.fromEntries((response.headers ?? []).map((h) => [h, { $ref: `#/components/headers/${h}` }])),
      ...rateLimitHeaderRefs(),
    },
    content: {
      "application/json": {
        schema: convert(errorSchemaOf(name, response.codes), "output"),
        example: { error: { code: first, message: `An example ${first} message.`, ...(first === "invalid_request" ? { field: "name", fields: { name: "Name is required" } } : {}) } },
      },
    },
  };
}

// SPEC §5.1: required by workspaces that turn on "Require signed requests", ignored otherwise.
export const SIGNATURE_HEADERS: Json[] = [
  {
    name: "X-Timestamp",
    in: "header",
    required: false,
    description: `Signed requests: the current time in Unix seconds, within ${SIGNATURE_WINDOW_SECONDS} s of the server clock.`,
    schema: { type: "string", pattern: "^[0-9]+$" },
    example: "1700000000",
  },
  {
    name: "X-Signature",
    in: "header",
    required: false,
    description:
      "Signed requests: `v1=` + hex HMAC-SHA256 under the workspace's API shared secret of " +
      "`timestamp + \"\\n\" + METHOD + \"\\n\" + path-with-query + \"\\n\" + hex SHA-256 of the raw body`. Each signature is accepted once.",
    schema: { type: "string", pattern: "^v1=[0-9a-f]{64}$" },
    example: `v1=${"0".repeat(64)}`,
  },
];

export const SIGNING_DESCRIPTION =
  "\n\n**Signed requests.** A workspace may require every request to be signed with its API shared secret " +
  "(Settings → API shared secret; `GET /api/v1/workspace` tells whether it does). Then each request also carries " +
  `\`X-Timestamp\` (Unix seconds, within ±${SIGNATURE_WINDOW_SECONDS} s of the server clock) and ` +
  "`X-Signature: v1=<hex HMAC-SHA256(shared secret, timestamp + \"\\n\" + METHOD + \"\\n\" + path-with-query + \"\\n\" + hex SHA-256 of the raw body)>`, " +
  "e.g. for `GET /api/v1/me?x=1` with no body: `1700000000\\nGET\\n/api/v1/me?x=1\\ne3b0c442…b855`. The path and query " +
  "are signed exactly as sent. A signature is accepted once within the window. Refusals are 401 `missing_signature`, " +
  "`stale_timestamp`, `invalid_signature` or `replayed_request`, checked right after the key.";

export type Converter = (schema: z.ZodType, io: "input" | "output") => Json;

/** zod → JSON Schema 2020-12 (what OpenAPI 3.1 uses), with named schemas moved to components. */
export function converter(components: Json): Converter {
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== "object") return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === "$ref" && typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : rewrite(v);
    }
    return out;
  };
  return (schema, io) => {
    const { $schema: _ignored, $defs, ...json } = z.toJSONSchema(schema, {
      target: "draft-2020-12",
      io,
      unrepresentable: "any",
    }) as Json;
    for (const [id, def] of Object.entries(($defs as Json | undefined) ?? {})) components[id] ??= rewrite(def);
    return rewrite(json) as Json;
  };
}
