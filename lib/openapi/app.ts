import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { log } from "@/lib/log";
import { authenticate, isCaller, requirePermission, type AuthenticatorDeps, type AuthOutcome } from "./authenticate";
import { OPENAPI_PATH, buildOpenApiDocument } from "./document";
import { apiError, invalidRequest, type ApiResponse } from "./errors";
import { parseWith, type AnyRoute } from "./route";

export const BODY_LIMIT = 64 * 1024;

const JSON_TYPE = "application/json; charset=utf-8";

function send(reply: FastifyReply, response: ApiResponse): FastifyReply {
  reply.code(response.status).header("content-type", JSON_TYPE).header("cache-control", "no-store");
  for (const [name, value] of Object.entries(response.headers ?? {})) reply.header(name, value);
  return reply.send(response.json ?? JSON.stringify(response.body));
}

/** The body as JSON, or a 400 naming it; an empty body is `undefined`. */
function jsonBody(raw: unknown): { ok: true; value: unknown } | { ok: false; response: ApiResponse } {
  const text = Buffer.isBuffer(raw) ? raw.toString("utf8") : raw;
  if (typeof text !== "string" || text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: invalidRequest({ body: "The body is not valid JSON" }) };
  }
}

type MaybePromise<T> = T | Promise<T>;

const isPromise = <T>(value: MaybePromise<T>): value is Promise<T> => value instanceof Promise;

/**
 * Authenticate → permission → query → body → the route: every refusal is an answer, never a
 * throw. Synchronous as long as every step is (a cached key on GET /api/v1/me), so the hot
 * path allocates no promise.
 */
function run(route: AnyRoute, request: FastifyRequest, services: AuthenticatorDeps): MaybePromise<ApiResponse> {
  const outcome = authenticate(request.raw, services, Buffer.isBuffer(request.body) ? request.body : undefined);
  return isPromise(outcome) ? outcome.then((o) => authorised(route, request, services, o)) : authorised(route, request, services, outcome);
}

function authorised(route: AnyRoute, request: FastifyRequest, services: AuthenticatorDeps, outcome: AuthOutcome): MaybePromise<ApiResponse> {
  if (!isCaller(outcome)) return outcome;
  const caller = outcome;
  const denied = route.permissions.length ? requirePermission(caller, route.permissions) : null;
  if (denied) return denied;

  let query: unknown = undefined;
  if (route.query) {
    const parsed = parseWith(route.query, { ...(request.query as object) }, "query");
    if (!parsed.ok) return parsed.response;
    query = parsed.data;
  }
  let body: unknown = undefined;
  let rawBody: unknown = undefined;
  if (route.body) {
    const json = jsonBody(request.body);
    if (!json.ok) return json.response;
    if (json.value === undefined) return invalidRequest({ body: "A JSON object is required" });
    rawBody = json.value;
    const parsed = parseWith(route.body, rawBody, "body");
    if (!parsed.ok) return parsed.response;
    body = parsed.data;
  }
  return route.handle({
    caller,
    query: query as never,
    body: body as never,
    rawBody,
    params: request.params as Record<string, string>,
    req: request.raw,
    services,
  });
}

/**
 * The Open API on fastify, without a server of its own: `app.routing(req, res)` is called by
 * the process's one node:http server for /api/v1/*. No CORS: keys are for servers.
 */
export async function buildOpenApiApp(routes: readonly AnyRoute[], services: AuthenticatorDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: (_err, _req, reply) => send(reply, apiError(400, "invalid_request", "The request URL is not valid.")),
  });

  // Bodies are read as bytes whatever their content type (signatures cover the exact bytes)
  // and parsed after authentication.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));

  app.setNotFoundHandler((_req, reply) => send(reply, apiError(404, "not_found", "No such endpoint.")));
  app.setErrorHandler((err: { statusCode?: number; code?: string }, request, reply) => {
    const status = err.statusCode ?? 500;
    if (status === 413) {
      return send(reply, apiError(413, "payload_too_large", `Request bodies are limited to ${BODY_LIMIT / 1024} kB.`));
    }
    if (status >= 400 && status < 500) return send(reply, apiError(400, "invalid_request", "The request is not valid."));
    log("error", "open api request failed", { method: request.method, path: request.url.split("?")[0], err });
    return send(reply, apiError(500, "internal_error", "Something went wrong. Nothing was changed; try again."));
  });

  const document = JSON.stringify(buildOpenApiDocument(routes));
  app.get(OPENAPI_PATH, (_req, reply) => reply.header("content-type", JSON_TYPE).send(document));

  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.path.replace(/\{(\w+)\}/g, ":$1"),
      // Not async: a synchronous answer is sent without a promise; a thrown error reaches the error handler.
      handler: (request, reply) => {
        const response = run(route, request, services);
        if (isPromise(response)) response.then((r) => send(reply, r), (err: unknown) => reply.send(err));
        else send(reply, response);
      },
    });
  }
  await app.ready();
  return app;
}
