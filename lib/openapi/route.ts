import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import type { Executor } from "@/db/client";
import { fieldErrorsOf, type Result } from "@/lib/result";
import type { ApiCaller, AuthenticatorDeps } from "./authenticate";
import { apiError, invalidRequest, type ApiErrorCode, type ApiResponse } from "./errors";

export type RouteContext<Q, B> = {
  caller: ApiCaller;
  query: Q;
  body: B;
  /** The JSON body as sent, for a route whose domain function parses it (`domainBody`). */
  rawBody: unknown;
  params: Record<string, string>;
  req: IncomingMessage;
  services: AuthenticatorDeps;
  /** The process's database (handed over at start-up). */
  db: () => Executor;
};

type Schema = z.ZodType;

export type RouteResponse = {
  description: string;
  schema?: Schema;
  /** Error responses: the codes this status can carry. */
  codes?: readonly ApiErrorCode[];
  example?: unknown;
};

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
  /** A body parsed here; the route gets the result as `body`. */
  body?: B;
  /**
   * A body the domain function parses itself (one parse, its field errors through `respond`): the
   * route gets it as `rawBody`; the schema only writes openapi.json. Give `body` or this, not both.
   */
  domainBody?: Schema;
  /** The body may be left out (every field has a default), e.g. a roll's grace. */
  optionalBody?: boolean;
  /** Path parameters, each a string schema (checked here, so a bad one is a 400 naming it). */
  pathParams?: Record<string, z.ZodType<string>>;
  /** 2xx answers and the errors a route adds (404, 409); 400-429 common to all are added by the document. */
  responses: Record<number, RouteResponse>;
  /** Example request body for openapi.json. */
  example?: unknown;
  handle: (
    ctx: RouteContext<Q extends Schema ? z.output<Q> : undefined, B extends Schema ? z.output<B> : undefined>,
  ) => Promise<ApiResponse> | ApiResponse;
  /** No key needed (`definePublicRoute`): no authentication, and the route reads its own body. */
  public?: boolean;
  /** Body bytes accepted before 413 payload_too_large; BODY_LIMIT unless given. */
  bodyLimit?: number;
};

/** What a public route gets: no caller; the body exactly as sent (a signature may cover its bytes). */
export type PublicRouteContext<Q> = Omit<RouteContext<Q, undefined>, "caller" | "body" | "rawBody"> & {
  bytes: Buffer;
  /** The client's address (TRUST_PROXY-aware, as for keys). */
  ip: string;
};

type PublicRouteSpec<Q extends Schema | undefined> = Omit<RouteSpec<Q, undefined>, "handle" | "permissions" | "body" | "public"> & {
  handle: (ctx: PublicRouteContext<Q extends Schema ? z.output<Q> : undefined>) => Promise<ApiResponse> | ApiResponse;
};

/**
 * An endpoint that needs no key (SPEC §13's leak reports). Say so explicitly: it is answered
 * before any key authentication, and openapi.json marks it `security: []`. `domainBody`
 * describes its body; the route parses `bytes` itself (e.g. after checking a signature).
 */
export function definePublicRoute<Q extends Schema | undefined = undefined>(spec: PublicRouteSpec<Q>): AnyRoute {
  return { ...spec, permissions: [], public: true } as unknown as AnyRoute;
}

export type AnyRoute = RouteSpec<Schema | undefined, Schema | undefined>;

export function defineRoute<Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined>(
  spec: RouteSpec<Q, B>,
): AnyRoute {
  return spec as unknown as AnyRoute;
}

export function parseWith<S extends Schema>(
  schema: S,
  value: unknown,
  whole: string,
): { ok: true; data: z.output<S> } | { ok: false; response: ApiResponse } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, response: invalidRequest(apiFields(fieldErrorsOf(parsed.error.issues), whole)) };
}

const STATUS_OF: Record<string, number> = {
  not_found: 404,
  forbidden: 403,
  invalid_request: 400,
  conflict: 409,
  limit_reached: 409,
  plan_required: 402,
};

/** The one field-error mapper's output as the API names it: the whole value is `body` (or `query`). */
function apiFields(fieldErrors: Record<string, string>, whole = "body"): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k === "form" ? whole : k, v]));
}

/** A domain Result as an HTTP answer. */
export function respond<T>(result: Result<T>, status = 200, shape: (data: T) => unknown = (d) => d): ApiResponse {
  if (result.ok) return { status, body: shape(result.data) };
  const httpStatus = STATUS_OF[result.code];
  if (!httpStatus) return apiError(500, "internal_error", "Something went wrong. Nothing was changed; try again.");
  const code = result.code as "not_found" | "forbidden" | "invalid_request" | "conflict" | "limit_reached" | "plan_required";
  if (code === "invalid_request" && result.fieldErrors) {
    // The input as a whole ("form" in the console) is the `body` here, and the message says so.
    return invalidRequest(apiFields(result.fieldErrors), "form" in result.fieldErrors ? undefined : result.error);
  }
  const field = result.fieldErrors ? Object.keys(result.fieldErrors)[0] : undefined;
  return apiError(httpStatus, code, result.error, field ? { field, fields: result.fieldErrors } : {});
}
