import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyRequest } from "fastify";
import type { Executor } from "@/db/client";
import { log } from "@/lib/log";
import { API_BASELINE_HEADERS } from "@/lib/server/http-guards";
import { run } from "./app";
import type { AuthenticatorDeps } from "./authenticate";
import { apiError, type ApiResponse } from "./errors";
import type { AnyRoute } from "./route";

const JSON_TYPE = "application/json; charset=utf-8";

/** The paths answered here: the hottest route, the one the verification benchmarks measure. */
const FAST_PATHS = new Set(["/api/v1/me"]);

/** A route fastify's routing adds nothing to: GET, a fixed path, no path, query or body input. */
const isFixedGet = (route: AnyRoute) =>
  FAST_PATHS.has(route.path) && route.method === "GET" && !route.pathParams && !route.query && !route.body && !route.domainBody;

/** Every answer's fixed headers: the baseline (set by the handler on fastify's path), then fastify's `send`'s two. */
const FIXED_HEADERS: readonly string[] = [...API_BASELINE_HEADERS, "content-type", JSON_TYPE, "cache-control", "no-store"];

/**
 * The same headers and body as fastify's `send` (lib/openapi/app.ts) after the baseline, in one
 * `writeHead` of a flat list: no header object built and no setHeader per header.
 */
function write(res: ServerResponse, response: ApiResponse): void {
  const body = response.json ?? JSON.stringify(response.body);
  const headers = FIXED_HEADERS.slice();
  if (response.headers) for (const name in response.headers) headers.push(name, response.headers[name]!);
  headers.push("content-length", String(Buffer.byteLength(body)));
  res.writeHead(response.status, headers);
  res.end(body);
}

/** What fastify's error handler answers to an error a route threw. */
function failed(res: ServerResponse, route: AnyRoute, err: unknown): void {
  log("error", "open api request failed", { method: "GET", path: route.path, err });
  if (!res.headersSent) write(res, apiError(500, "internal_error", "Something went wrong. Nothing was changed; try again."));
}

/**
 * The hot path without fastify: `GET /api/v1/me` (FAST_PATHS: fixed GETs with no input), asked
 * exactly, without a query string or a body, goes through the same `run` (authentication,
 * permission, input checks, the route) as every request, and is written straight to node:http.
 * Fastify's per-request routing, hooks and reply objects were most of the gap to the bare
 * node:http ceiling (issue #20). Anything else (another method or path, a query, a body, a
 * trailing slash) returns false: fastify answers it.
 */
export function fastPath(
  routes: readonly AnyRoute[],
  services: AuthenticatorDeps,
  db: () => Executor,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const byPath = new Map(routes.filter(isFixedGet).map((r) => [r.path, r]));
  const context = { services, db };
  return (req, res) => {
    if (req.method !== "GET") return false;
    const route = byPath.get(req.url ?? "");
    if (!route || req.headers["content-length"] !== undefined || req.headers["transfer-encoding"] !== undefined) return false;
    const request = { raw: req, url: req.url, params: {}, query: {}, body: undefined } as unknown as FastifyRequest;
    try {
      const response = run(route, request, context);
      if (response instanceof Promise) {
        response.then(
          (r) => write(res, r),
          (err: unknown) => failed(res, route, err),
        );
      } else write(res, response);
    } catch (err) {
      failed(res, route, err);
    }
    return true;
  };
}
