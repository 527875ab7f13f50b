import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import type { Result } from "@/lib/result";
import type { ApiCaller, AuthenticatorDeps } from "./authenticate";
import { apiError, invalidRequest, type ApiResponse } from "./errors";

export type RouteContext<Q, B> = {
  caller: ApiCaller;
  query: Q;
  body: B;
  /** The JSON body as sent, for domain functions that validate it themselves. */
  rawBody: unknown;
  params: Record<string, string>;
  req: IncomingMessage;
  services: AuthenticatorDeps;
};

type Schema = z.ZodType;

/**
 * One endpoint: what it needs (permission, query and body schemas) and what it answers. The
 * same description registers the route and writes openapi.json, so the document cannot drift
 * from what is validated.
 */
export type RouteSpec<Q extends Schema | undefined = Schema | undefined, B extends Schema | undefined = Schema | undefined> = {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** OpenAPI style: /api/v1/keys/{keyId} */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** The key must hold one of these; empty = any valid key. */
  permissions: readonly Permission[];
  query?: Q;
  body?: B;
  pathParams?: Record<string, string>;
  responses: Record<number, { description: string; schema?: Schema }>;
  handle: (
    ctx: RouteContext<Q extends Schema ? z.output<Q> : undefined, B extends Schema ? z.output<B> : undefined>,
  ) => Promise<ApiResponse> | ApiResponse;
};

export type AnyRoute = RouteSpec<Schema | undefined, Schema | undefined>;

export function defineRoute<Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  spec: RouteSpec<Q, B>,
): AnyRoute {
  return spec as unknown as AnyRoute;
}

/** Field → message of a failed parse; `body` for problems with the body as a whole. */
export function fieldsOf(issues: readonly z.core.$ZodIssue[], whole = "body"): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[[...issue.path, key].join(".")] ??= "Unknown field";
      continue;
    }
    const field = issue.path.length ? issue.path.map(String).join(".") : whole;
    fields[field] ??= issue.message;
  }
  return fields;
}

export function parseWith<S extends Schema>(
  schema: S,
  value: unknown,
  whole: string,
): { ok: true; data: z.output<S> } | { ok: false; response: ApiResponse } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, response: invalidRequest(fieldsOf(parsed.error.issues, whole)) };
}

const STATUS_OF: Record<string, number> = {
  not_found: 404,
  forbidden: 403,
  invalid_request: 400,
  conflict: 409,
  limit_reached: 409,
  plan_required: 402,
};

/** A domain Result as an HTTP answer. */
export function respond<T>(result: Result<T>, status = 200, shape: (data: T) => unknown = (d) => d): ApiResponse {
  if (result.ok) return { status, body: shape(result.data) };
  const httpStatus = STATUS_OF[result.code];
  if (!httpStatus) return apiError(500, "internal_error", "Something went wrong. Nothing was changed; try again.");
  const code = result.code as "not_found" | "forbidden" | "invalid_request" | "conflict" | "limit_reached" | "plan_required";
  if (code === "invalid_request" && result.fieldErrors) {
    const fields = Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k === "form" ? "body" : k, v]));
    return invalidRequest(fields, result.error);
  }
  const field = result.fieldErrors ? Object.keys(result.fieldErrors)[0] : undefined;
  return apiError(httpStatus, code, result.error, field ? { field, fields: result.fieldErrors } : {});
}
