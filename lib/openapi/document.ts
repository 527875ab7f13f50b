import {
  COMMON_ERRORS,
  DEFAULT_ERROR,
  RESPONSE_HEADERS,
  RESTRICTIONS_DESCRIPTION,
  rateLimitHeaderRefs,
  SIGNATURE_HEADERS,
  SIGNING_DESCRIPTION,
  converter,
  errorResponse,
  errorResponsesOf,
  type Converter,
  type Json,
} from "./document-parts";
import type { AnyRoute } from "./route";

export const OPENAPI_PATH = "/api/v1/openapi.json";

const TAGS = [
  { name: "Keys", description: "The calling key, the workspace's API keys, and verifying keys presented to your services" },
  { name: "Workspace", description: "The key's workspace: its details, members, roles and audit log" },
  { name: "Webhooks", description: "Signed webhooks for every key event, and expiry warnings (workspace:manage)" },
  { name: "Meta", description: "This document" },
];

function parametersOf(route: AnyRoute, convert: Converter): Json[] {
  const parameters: Json[] = [];
  for (const [name, schema] of Object.entries(route.pathParams ?? {})) {
    const { description, example, ...rest } = convert(schema, "input");
    parameters.push({ name, in: "path", required: true, description, example, schema: rest });
  }
  if (route.query) {
    const query = convert(route.query, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      const { description, ...rest } = schema;
      parameters.push({ name, in: "query", required: query.required?.includes(name) ?? false, description, schema: rest });
    }
  }
  return route.public ? parameters : [...parameters, ...SIGNATURE_HEADERS];
}

function requestBodyOf(route: AnyRoute, convert: Converter): Json | undefined {
  const schema = route.body ?? route.domainBody;
  if (!schema) return undefined;
  const media: Json = { schema: convert(schema, "input"), ...(route.example === undefined ? {} : { example: route.example }) };
  return { required: !route.optionalBody, content: { "application/json": media } };
}

function responsesOf(route: AnyRoute, convert: Converter): Json {
  const responses: Json = {};
  for (const [status, response] of Object.entries(route.responses)) {
    if (response.codes) continue;
    const media = { schema: response.schema ? convert(response.schema, "output") : {}, ...(response.example === undefined ? {} : { example: response.example }) };
    responses[status] = { description: response.description, headers: rateLimitHeaderRefs(), content: { "application/json": media } };
  }
  for (const [status, response] of Object.entries(errorResponsesOf(route))) responses[status] = errorResponse(response, convert);
  return responses;
}

/** One route as an OpenAPI operation, from the same zod schemas that validate its requests. */
export function operationOf(route: AnyRoute, convert: Converter): Json {
  const requestBody = requestBodyOf(route, convert);
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    parameters: parametersOf(route, convert),
    ...(requestBody ? { requestBody } : {}),
    responses: responsesOf(route, convert),
    // A public route (definePublicRoute) needs no key.
    ...(route.public ? { security: [] } : {}),
    // Empty: any valid key; else the key needs one of these (as the README's endpoint table says).
    "x-permissions": { anyOf: route.permissions },
  };
}

const DOCUMENT_SCHEMA = {
  type: "object",
  description: "An OpenAPI 3.1 document",
  required: ["openapi", "info", "paths"],
  properties: {
    openapi: { type: "string", description: "The OpenAPI version", example: "3.1.0" },
    info: { type: "object", description: "Title, version and description of the API" },
    paths: { type: "object", description: "Every endpoint and its operations" },
    components: { type: "object", description: "Schemas, headers and security schemes the paths refer to" },
  },
};

const documentOperation = (convert: Converter): Json => ({
  operationId: "getOpenApiDocument",
  summary: "This document",
  description: "The OpenAPI 3.1 description of this API. No key needed; `__proto__`, `constructor` or `prototype` as a query parameter is a 400.",
  tags: ["Meta"],
  security: [],
  responses: {
    200: { description: "OpenAPI 3.1", content: { "application/json": { schema: DOCUMENT_SCHEMA } } },
    400: errorResponse(COMMON_ERRORS[400]!, convert),
    default: errorResponse(DEFAULT_ERROR, convert),
  },
  "x-permissions": { anyOf: [] },
});

/** The OpenAPI 3.1 document of `routes`. */
export function buildOpenApiDocument(routes: readonly AnyRoute[]): Json {
  const components: Json = {};
  const convert = converter(components);
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operationOf(route, convert) };
  }
  paths[OPENAPI_PATH] = { get: documentOperation(convert) };
  return {
    openapi: "3.1.0",
    info: {
      title: "Keyward Open API",
      version: "1.0.0",
      description:
        "Authenticate with an API key in `X-Api-Key`, `DF-API-KEY` or `Authorization: Bearer`. " +
        'Errors are `{"error":{"code","message"}}`. Keys are for servers: no CORS. Unknown query parameters are ignored. ' +
        "`x-permissions.anyOf` lists the permissions of which a key needs one (empty: any valid key)." +
        SIGNING_DESCRIPTION +
        RESTRICTIONS_DESCRIPTION,
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
      // No address to publish yet: the operator of a deployment is whom integrators contact.
      contact: { name: "The operator of this Keyward deployment" },
    },
    servers: [{ url: "/", description: "This server" }],
    security: [{ ApiKeyHeader: [] }, { DfApiKeyHeader: [] }, { BearerKey: [] }],
    tags: TAGS,
    paths,
    components: {
      schemas: components,
      headers: RESPONSE_HEADERS,
      securitySchemes: {
        ApiKeyHeader: { type: "apiKey", in: "header", name: "X-Api-Key", description: "X-Api-Key: <secret>" },
        DfApiKeyHeader: { type: "apiKey", in: "header", name: "DF-API-KEY", description: "DF-API-KEY: <secret>" },
        BearerKey: { type: "http", scheme: "bearer", description: "Authorization: Bearer <secret>" },
      },
    },
  };
}
