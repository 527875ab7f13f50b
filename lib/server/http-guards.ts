import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Set on every response, console and Open API alike, before either handler runs. The console's
 * Content-Security-Policy (with a per-request nonce) comes from proxy.ts; this one covers what
 * Next's proxy never sees (the Open API, static files) and only forbids framing.
 */
const BASELINE_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
};

const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The Open API's baseline as a flat [name, value, …] list, for a response written in one
 * `writeHead` (lib/openapi/fast-path.ts): no setHeader per header on the hottest path.
 */
export const API_BASELINE_HEADERS: readonly string[] = [
  ...Object.entries(BASELINE_HEADERS).flat(),
  "Content-Security-Policy",
  API_CSP,
];

export function setBaselineHeaders(res: ServerResponse, api: boolean): void {
  for (const [name, value] of Object.entries(BASELINE_HEADERS)) res.setHeader(name, value);
  if (api) res.setHeader("Content-Security-Policy", API_CSP);
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value?.split(",")[0]?.trim());

function hostOf(origin: string): string | null {
  if (origin === "null") return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * True for a request Next would treat as a server action whose Origin is not this host. Next
 * refuses those too (CSRF protection), but answers 500 and logs an error; a foreign or
 * unparsable Origin is the client's fault, so server.ts answers 403 before Next sees it.
 * Mirrors Next's own comparison: the Origin's host against X-Forwarded-Host, else Host.
 */
export function isForeignServerAction(req: IncomingMessage): boolean {
  if (req.method !== "POST" || req.url?.startsWith("/api/")) return false;
  const contentType = req.headers["content-type"] ?? "";
  if (req.headers["next-action"] === undefined && !contentType.startsWith("multipart/form-data")) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const host = hostOf(origin);
  if (host === null) return true;
  return host !== (first(req.headers["x-forwarded-host"]) || req.headers.host);
}

export function refuseForeignServerAction(res: ServerResponse): void {
  res.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("Forbidden: this request did not come from this site.");
}
