import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { Executor } from "@/db/client";
import { log } from "@/lib/log";
import { authenticate, isCaller, requirePermission, type AuthenticatorDeps, type AuthOutcome } from "./authenticate";
import { OPENAPI_PATH, buildOpenApiDocument } from "./document";
import { BODY_LIMIT, BODY_LIMIT_TEXT, apiError, type ApiResponse } from "./errors";
import { reservedQueryKey, routeInput } from "./input";
import { clientAddress } from "./client-address";
import { withCallerHeaders } from "./restrict";
import type { AnyRoute, PublicRouteContext } from "./route";
import { countRequest, countUnrouted } from "./usage-count";

// Node's header limit (16 KiB) bounds the request line anyway: an over-long id reaches the route's own check.
const PARAM_LENGTH_MAX = 16 * 1024;

const JSON_TYPE = "application/json; charset=utf-8";
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function send(reply: FastifyReply, response: ApiResponse): FastifyReply {
  reply.code(response.status).header("content-type", JSON_TYPE).header("cache-control", "no-store");
  for (const [name, value] of Object.entries(response.headers ?? {})) reply.header(name, value);
  return reply.send(response.json ?? JSON.stringify(response.body));
}

type MaybePromise<T> = T | Promise<T>;

const isPromise = <T>(value: MaybePromise<T>): value is Promise<T> => value instanceof Promise;

type Context = { services: AuthenticatorDeps; db: () => Executor };

/**
 * Authenticate → permission → path, query, body → the route: every refusal is an answer, never a
 * throw. Synchronous as long as every step is (a cached key on GET /api/v1/me), so the hot
 * path allocates no promise.
 */
export function run(route: AnyRoute, request: FastifyRequest, context: Context): MaybePromise<ApiResponse> {
  if (route.public) return runPublic(route, request, context);
  const outcome = authenticate(request.raw, context.services, Buffer.isBuffer(request.body) ? request.body : undefined);
  return isPromise(outcome) ? outcome.then((o) => counted(route, request, context, o)) : counted(route, request, context, outcome);
}

/** The answer, counted for the key the request named (SPEC §11) once it is known. */
function counted(route: AnyRoute, request: FastifyRequest, context: Context, outcome: AuthOutcome): MaybePromise<ApiResponse> {
  const response = authorised(route, request, context, outcome);
  const usage = context.services.usage;
  if (!usage) return response;
  if (!isPromise(response)) {
    countRequest(usage, route, request.raw, outcome, response);
    return response;
  }
  return response.then(
    (r) => {
      countRequest(usage, route, request.raw, outcome, r);
      return r;
    },
    (err: unknown) => {
      countRequest(usage, route, request.raw, outcome, null);
      throw err;
    },
  );
}

function authorised(route: AnyRoute, request: FastifyRequest, context: Context, outcome: AuthOutcome): MaybePromise<ApiResponse> {
  if (!isCaller(outcome)) return outcome;
  const caller = outcome;
  const denied = route.permissions.length ? requirePermission(caller, route.permissions) : null;
  if (denied) return withCallerHeaders(caller, denied);
  // SPEC §10: past every check (key, signature, IP, rate limit, permission) the key is "used".
  const now = Date.now();
  context.services.lastUsed.record(caller.key.keyId, now, caller.ip);
  if (caller.key.previousSecret) context.services.lastUsed.recordPreviousSecret(caller.key.previousSecret.hash, now);
  const checked = routeInput(route, request);
  if (!checked.ok) return withCallerHeaders(caller, checked.response);
  const { query, body, rawBody, params } = checked.input;
  const response = route.handle({ caller, query: query as never, body: body as never, rawBody, params, req: request.raw, ...context });
  if (!caller.headers) return response;
  return isPromise(response) ? response.then((r) => withCallerHeaders(caller, r)) : withCallerHeaders(caller, response);
}

/** A route that needs no key: path and query are checked here, the body is the route's own to read. */
function runPublic(route: AnyRoute, request: FastifyRequest, context: Context): MaybePromise<ApiResponse> {
  const checked = routeInput({ ...route, body: undefined, domainBody: undefined }, request);
  if (!checked.ok) return checked.response;
  const { query, params } = checked.input;
  const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const ip = clientAddress(request.raw, context.services.trustProxy);
  const handle = route.handle as unknown as (ctx: PublicRouteContext<unknown>) => MaybePromise<ApiResponse>;
  return handle({ query, params, bytes, ip, req: request.raw, ...context });
}

/** An answer no route gave (404, 405, 413), counted for the key the request names (SPEC §11). */
function sendCounted(reply: FastifyReply, request: FastifyRequest, services: AuthenticatorDeps, response: ApiResponse): FastifyReply {
  countUnrouted(services, request.raw, response);
  return send(reply, response);
}

/** Every other method on a known path: 405 naming the ones there are, before any authentication. */
function refuseOtherMethods(app: FastifyInstance, routes: readonly AnyRoute[], services: AuthenticatorDeps): void {
  const byPath = new Map<string, Set<string>>([[OPENAPI_PATH, new Set(["GET"])]]);
  for (const route of routes) byPath.set(route.path, (byPath.get(route.path) ?? new Set()).add(route.method));
  for (const [path, methods] of byPath) {
    if (methods.has("GET")) methods.add("HEAD");
    const allow = METHODS.filter((m) => methods.has(m)).join(", ");
    app.route({
      method: METHODS.filter((m) => !methods.has(m)),
      url: path.replace(/\{(\w+)\}/g, ":$1"),
      handler: (request, reply) =>
        sendCounted(reply, request, services, apiError(405, "method_not_allowed", `${request.method} is not supported here; use ${allow}.`, {}, { allow })),
    });
  }
}

/**
 * The Open API on fastify, without a server of its own: `app.routing(req, res)` is called by
 * the process's one node:http server for /api/v1/*. No CORS: keys are for servers.
 */
export async function buildOpenApiApp(routes: readonly AnyRoute[], services: AuthenticatorDeps, db: () => Executor): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: PARAM_LENGTH_MAX },
    frameworkErrors: (_err, _req, reply) =>
      send(reply, apiError(400, "invalid_request", "path: The request path is not valid (bad percent-encoding?).", { field: "path" })),
  });

  // Bodies are read as bytes whatever their content type (signatures cover the exact bytes)
  // and parsed after authentication.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));

  app.setNotFoundHandler((request, reply) => sendCounted(reply, request, services, apiError(404, "not_found", "No such endpoint.")));
  app.setErrorHandler((err: { statusCode?: number; code?: string }, request, reply) => {
    const status = err.statusCode ?? 500;
    if (status === 413) {
      return sendCounted(reply, request, services, apiError(413, "payload_too_large", `Request bodies are limited to ${BODY_LIMIT_TEXT}.`));
    }
    if (status >= 400 && status < 500) {
      return send(reply, apiError(400, "invalid_request", "request: The request is not valid.", { field: "request" }));
    }
    log("error", "open api request failed", { method: request.method, path: request.url.split("?")[0], err });
    return send(reply, apiError(500, "internal_error", "Something went wrong. Nothing was changed; try again."));
  });

  const document = JSON.stringify(buildOpenApiDocument(routes));
  app.get(OPENAPI_PATH, (request, reply) => {
    const reserved = reservedQueryKey(request.url);
    return reserved ? send(reply, reserved) : reply.header("content-type", JSON_TYPE).send(document);
  });

  const context: Context = { services, db };
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.path.replace(/\{(\w+)\}/g, ":$1"),
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      // Not async: a synchronous answer is sent without a promise; a thrown error reaches the error handler.
      handler: (request, reply) => {
        const response = run(route, request, context);
        if (isPromise(response)) response.then((r) => send(reply, r), (err: unknown) => reply.send(err));
        else send(reply, response);
      },
    });
  }
  refuseOtherMethods(app, routes, services);
  await app.ready();
  return app;
}
