/**
 * The practical ceiling of Node on this machine: node:http, SHA-256 of the X-Api-Key header and a
 * Map look-up, answering GET /api/v1/me with a small JSON body. Run as a child process; sends its
 * port and a valid secret to the parent.
 */
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const secret = `ak_${randomBytes(24).toString("base64url").slice(0, 32)}`;
const keys = new Map<string, { id: string; name: string; permissions: string[] }>();
for (let i = 0; i < 10_000; i++) keys.set(sha256(`ak_${i}`), { id: `key_${i}`, name: `key ${i}`, permissions: [] });
keys.set(sha256(secret), { id: "key_bench", name: "bench", permissions: ["workspace:read", "members:read"] });

const server = http.createServer((req, res) => {
  const header = req.headers["x-api-key"];
  const key = req.method === "GET" && req.url === "/api/v1/me" && typeof header === "string" ? keys.get(sha256(header)) : undefined;
  const body = JSON.stringify(key ? key : { error: { code: "invalid_api_key", message: "The API key is not valid." } });
  res.writeHead(key ? 200 : 401, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.address() as AddressInfo).port, secret });
});
