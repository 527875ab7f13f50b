import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, type BuiltInRole } from "@/db/schema";
import type { TestWorkspace } from "@/db/testing";
import type { Membership } from "@/lib/auth/membership";
import { actorFromMembership } from "@/lib/keys/actor";
import { createApiKey } from "@/lib/keys/rules";
import { createOpenApiHandler, type OpenApiHandler, type OpenApiOptions } from "./server";

/** The Open API on a real HTTP server on an ephemeral loopback port. */
export async function startTestApi(options: OpenApiOptions = {}): Promise<{
  url: string;
  api: OpenApiHandler;
  close: () => Promise<void>;
}> {
  const api = await createOpenApiHandler(options);
  const server = http.createServer((req, res) => api.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    api,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
    },
  };
}

export type Call = { status: number; body: Record<string, unknown> & { error?: { code: string; message: string; field?: string; permission?: string } }; headers: Headers };

/** One request; `key` goes in X-Api-Key unless `headers` say otherwise. */
export async function call(
  url: string,
  path: string,
  init: { key?: string; method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Call> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key !== undefined) headers["x-api-key"] = init.key;
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(url + path, { method: init.method ?? (body === undefined ? "GET" : "POST"), headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers };
}

/** A key created through the key rules by `member` (roles by built-in kind or id); returns its id and secret. */
export async function createTestKey(
  ws: TestWorkspace,
  member: Membership,
  roleList: (BuiltInRole | string)[] = ["read_only"],
  extra: { name?: string; expiresAt?: string | null } = {},
): Promise<{ id: string; secret: string }> {
  const actor = actorFromMembership(member, { name: "Test", email: "test@example.test" });
  const roleIds = roleList.map((r) => (r in ws.roleIds ? ws.roleIds[r as BuiltInRole] : r));
  const result = await createApiKey(actor, {
    name: extra.name ?? `key ${Math.random().toString(36).slice(2, 10)}`,
    roleIds,
    expiresAt: extra.expiresAt ?? null,
  });
  if (!result.ok) throw new Error(`createApiKey failed: ${result.error}`);
  return { id: result.data.key.id, secret: result.data.secret };
}

/** Moves a key's expiry into the past (the rules refuse past expiries). */
export async function expireTestKey(keyId: string): Promise<void> {
  await getDb().update(apiKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiKeys.id, keyId));
}
