/**
 * The practical ceilings of Node on this machine, answering GET /api/v1/me with a small JSON body
 * over node:http after a SHA-256 of the X-Api-Key header, then:
 * - warm (default): a Map look-up;
 * - cold (BENCH_CEILING_DATABASE_URL set): one prepared point look-up by hash in PostgreSQL
 *   (postgres.js, 10 connections like the app), no cache at all.
 * Run as a child process; sends its port and a valid secret (warm) to the parent.
 */
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const secret = `ak_${randomBytes(24).toString("base64url").slice(0, 32)}`;
const keys = new Map<string, { id: string; name: string; permissions: string[] }>();
for (let i = 0; i < 10_000; i++) keys.set(sha256(`ak_${i}`), { id: `key_${i}`, name: `key ${i}`, permissions: [] });
keys.set(sha256(secret), { id: "key_bench", name: "bench", permissions: ["workspace:read", "members:read"] });

const url = process.env.BENCH_CEILING_DATABASE_URL;
const sql = url ? postgres(url, { max: 10, onnotice: () => {} }) : undefined;

type Key = { id: string; name: string; permissions?: string[] };

function answer(res: http.ServerResponse, key: Key | undefined): void {
  const body = JSON.stringify(key ? key : { error: { code: "invalid_api_key", message: "The API key is not valid." } });
  res.writeHead(key ? 200 : 401, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

const server = http.createServer((req, res) => {
  const header = req.headers["x-api-key"];
  const hash = req.method === "GET" && req.url === "/api/v1/me" && typeof header === "string" ? sha256(header) : undefined;
  if (!sql || hash === undefined) {
    answer(res, hash === undefined ? undefined : keys.get(hash));
    return;
  }
  // postgres.js prepares a tagged query (a named statement per connection) by default.
  sql<Key[]>`select id, name from api_keys where secret_hash = ${hash}`.then(
    ([key]) => answer(res, key),
    () => answer(res, undefined),
  );
});
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.address() as AddressInfo).port, secret });
});
