import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { invalidRequest, type ApiResponse } from "./errors";
import { parseWith, type AnyRoute } from "./route";

/** What a route gets from the request once every part of it is checked. */
export type RouteInput = { query: unknown; body: unknown; rawBody: unknown; params: Record<string, string> };

// Names that mean something to JavaScript objects: refused by name wherever a client chooses keys,
// so no parser, spread or schema downstream ever has to be trusted with them.
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const RESERVED = "This name is not allowed as a field or parameter";

function reservedKeyIn(value: unknown, path: string[] = []): string | null {
  if (!value || typeof value !== "object") return null;
  for (const key of Object.keys(value)) {
    const here = [...path, key];
    if (RESERVED_KEYS.has(key)) return here.join(".");
    const nested = reservedKeyIn((value as Record<string, unknown>)[key], here);
    if (nested) return nested;
  }
  return null;
}

/** The body as JSON, or a 400 naming it; an empty body is `undefined`. */
function jsonBody(raw: unknown): { ok: true; value: unknown } | { ok: false; response: ApiResponse } {
  const text = Buffer.isBuffer(raw) ? raw.toString("utf8") : raw;
  if (typeof text !== "string" || text.trim() === "") return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, response: invalidRequest({ body: "The body is not valid JSON" }) };
  }
  const reserved = reservedKeyIn(value);
  return reserved ? { ok: false, response: invalidRequest({ [reserved]: RESERVED }) } : { ok: true, value };
}

/** A 400 naming a reserved query parameter of `url`, if it has one. */
export function reservedQueryKey(url: string): ApiResponse | null {
  // From the URL itself: a parser may have dropped `__proto__` on the way to request.query.
  const at = url.indexOf("?");
  if (at === -1) return null;
  const search = url.slice(at + 1);
  const reserved = [...new URLSearchParams(search).keys()].find((key) => RESERVED_KEYS.has(key));
  return reserved ? invalidRequest({ [reserved]: RESERVED }) : null;
}

const PARAMS_OK = { ok: true } as const;

function checkedParams(route: AnyRoute, raw: Record<string, string>): { ok: true } | { ok: false; response: ApiResponse } {
  if (!route.pathParams) return PARAMS_OK;
  for (const [name, schema] of Object.entries(route.pathParams)) {
    const parsed = schema.safeParse(raw[name]);
    if (!parsed.success) return { ok: false, response: invalidRequest({ [name]: parsed.error.issues[0]?.message ?? "Invalid" }) };
  }
  return PARAMS_OK;
}

function checkedBody(route: AnyRoute, raw: unknown): { ok: true; body: unknown; rawBody: unknown } | { ok: false; response: ApiResponse } {
  if (!route.body && !route.domainBody) return { ok: true, body: undefined, rawBody: undefined };
  const json = jsonBody(raw);
  if (!json.ok) return json;
  if (json.value === undefined && route.optionalBody) return { ok: true, body: undefined, rawBody: undefined };
  if (json.value === undefined) return { ok: false, response: invalidRequest({ body: "A JSON object is required" }) };
  if (!route.body) return { ok: true, body: undefined, rawBody: json.value };
  const parsed = parseWith(route.body, json.value, "body");
  return parsed.ok ? { ok: true, body: parsed.data, rawBody: json.value } : parsed;
}

/**
 * Path parameters → query → body, each checked against the route's schemas; the first fault is a
 * 400 naming the field. Unknown query parameters are ignored (never refused), reserved names are not.
 */
export function routeInput(route: AnyRoute, request: FastifyRequest): { ok: true; input: RouteInput } | { ok: false; response: ApiResponse } {
  const params = request.params as Record<string, string>;
  const paramsChecked = checkedParams(route, params);
  if (!paramsChecked.ok) return paramsChecked;

  const reserved = reservedQueryKey(request.url);
  if (reserved) return { ok: false, response: reserved };
  const rawQuery = { ...(request.query as object) };
  let query: unknown = undefined;
  if (route.query) {
    const parsed = parseWith(route.query, rawQuery, "query");
    if (!parsed.ok) return parsed;
    query = parsed.data;
  }
  const body = checkedBody(route, request.body);
  if (!body.ok) return body;
  return { ok: true, input: { query, body: body.body, rawBody: body.rawBody, params } };
}

/** A public route's own body (`bytes`): JSON without reserved names, then `schema`; else a 400 naming the field. */
export function parseJsonBody<S extends z.ZodType>(
  bytes: Buffer,
  schema: S,
): { ok: true; data: z.output<S> } | { ok: false; response: ApiResponse } {
  const json = jsonBody(bytes);
  if (!json.ok) return json;
  if (json.value === undefined) return { ok: false, response: invalidRequest({ body: "A JSON body is required" }) };
  return parseWith(schema, json.value, "body");
}
