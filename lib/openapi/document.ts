import { z } from "zod";
import type { AnyRoute } from "./route";
import { errorSchema } from "./schemas";

type Json = Record<string, unknown>;

export const OPENAPI_PATH = "/api/v1/openapi.json";

const ERROR_RESPONSES: Record<number, string> = {
  400: "invalid_request: a bad body or parameter (`error.field` names it)",
  401:
    "missing_api_key, invalid_api_key, expired_api_key or inactive_api_key; when the workspace requires signed " +
    "requests also missing_signature, stale_timestamp, invalid_signature or replayed_request",
  402: "plan_required: the key's workspace is on the free plan",
  403: "forbidden: the key lacks a permission (`error.permission` names it)",
  413: "payload_too_large: bodies are limited to 64 kB",
  429: "rate_limited: too many failed authentications from this address (see Retry-After)",
};

// SPEC §5.1: required by workspaces that turn on "Require signed requests", ignored otherwise.
const SIGNATURE_HEADERS: Json[] = [
  {
    name: "X-Timestamp",
    in: "header",
    required: false,
    description: "Signed requests: the current time in Unix seconds, within 300 s of the server clock.",
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
  },
];

const SIGNING_DESCRIPTION =
  "\n\n**Signed requests.** A workspace may require every request to be signed with its API shared secret " +
  "(Settings → API shared secret; `GET /api/v1/workspace` tells whether it does). Then each request also carries " +
  "`X-Timestamp` (Unix seconds, within ±300 s of the server clock) and " +
  "`X-Signature: v1=<hex HMAC-SHA256(shared secret, timestamp + \"\\n\" + METHOD + \"\\n\" + path-with-query + \"\\n\" + hex SHA-256 of the raw body)>`, " +
  "e.g. for `GET /api/v1/me?x=1` with no body: `1700000000\\nGET\\n/api/v1/me?x=1\\ne3b0c442…b855`. The path and query " +
  "are signed exactly as sent. A signature is accepted once within the window. Refusals are 401 `missing_signature`, " +
  "`stale_timestamp`, `invalid_signature` or `replayed_request`, checked right after the key.";

/** zod → JSON Schema 2020-12 (what OpenAPI 3.1 uses), with named schemas moved to components. */
function converter(components: Json) {
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== "object") return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === "$ref" && typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : rewrite(v);
    }
    return out;
  };
  return (schema: z.ZodType, io: "input" | "output"): Json => {
    const { $schema: _ignored, $defs, ...json } = z.toJSONSchema(schema, {
      target: "draft-2020-12",
      io,
      unrepresentable: "any",
    }) as Json;
    for (const [id, def] of Object.entries(($defs as Json | undefined) ?? {})) components[id] ??= rewrite(def);
    return rewrite(json) as Json;
  };
}

/** The OpenAPI 3.1 document of `routes`, from the same zod schemas that validate their requests. */
export function buildOpenApiDocument(routes: readonly AnyRoute[]): Json {
  const components: Json = {};
  const convert = converter(components);
  const errorRef = convert(errorSchema, "output");
  const paths: Record<string, Json> = {};

  for (const route of routes) {
    const parameters: Json[] = [];
    for (const [name, description] of Object.entries(route.pathParams ?? {})) {
      parameters.push({ name, in: "path", required: true, description, schema: { type: "string" } });
    }
    if (route.query) {
      const query = convert(route.query, "input") as { properties?: Json; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        parameters.push({ name, in: "query", required: query.required?.includes(name) ?? false, schema });
      }
    }
    const responses: Json = {};
    for (const [status, response] of Object.entries(route.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.schema ? { content: { "application/json": { schema: convert(response.schema, "output") } } } : {}),
      };
    }
    const errors = [401, 402, 429];
    if (route.permissions.length) errors.push(403);
    if (route.body || route.query) errors.push(400);
    if (route.body) errors.push(413);
    for (const status of errors.sort()) {
      responses[status] ??= { description: ERROR_RESPONSES[status], content: { "application/json": { schema: errorRef } } };
    }
    const operation: Json = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      parameters: [...parameters, ...SIGNATURE_HEADERS],
      ...(route.body
        ? { requestBody: { required: true, content: { "application/json": { schema: convert(route.body, "input") } } } }
        : {}),
      responses,
      "x-permissions": route.permissions.length ? { anyOf: route.permissions } : "any valid key",
    };
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }

  paths[OPENAPI_PATH] = {
    get: {
      operationId: "getOpenApiDocument",
      summary: "This document",
      tags: ["Meta"],
      security: [],
      responses: { 200: { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } },
    },
  };

  return {
    openapi: "3.1.0",
    info: {
      title: "Keyward Open API",
      version: "1.0.0",
      description:
        "Authenticate with an API key in `X-Api-Key`, `DF-API-KEY` or `Authorization: Bearer`. " +
        'Errors are `{"error":{"code","message"}}`. Keys are for servers: no CORS.' +
        SIGNING_DESCRIPTION,
    },
    servers: [{ url: "/" }],
    security: [{ ApiKeyHeader: [] }, { DfApiKeyHeader: [] }, { BearerKey: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        ApiKeyHeader: { type: "apiKey", in: "header", name: "X-Api-Key" },
        DfApiKeyHeader: { type: "apiKey", in: "header", name: "DF-API-KEY" },
        BearerKey: { type: "http", scheme: "bearer", description: "Authorization: Bearer <secret>" },
      },
    },
  };
}
