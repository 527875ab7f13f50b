import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { afterAll, beforeAll } from "vitest";
import { getDb, type DatabaseHandle } from "@/db/client";
import { withTestDatabase } from "@/lib/testing/database";
import { createOpenApiHandler, type OpenApiHandler, type OpenApiOptions } from "./handler";
import { ResponseValidator } from "./response-validator";

/** The Open API on a real HTTP server on an ephemeral loopback port. */
export async function startTestApi(options: Partial<OpenApiOptions> = {}): Promise<{
  url: string;
  api: OpenApiHandler;
  close: () => Promise<void>;
}> {
  const api = await createOpenApiHandler({ db: () => getDb(), ...options });
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

// Built once per test file, at import: about a second that no test's timer should pay.
const validator = new ResponseValidator();

/**
 * One request; `key` goes in X-Api-Key unless `headers` say otherwise. Every answer is checked
 * against openapi.json: one the document does not describe fails the test.
 */
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
  const method = init.method ?? (body === undefined ? "GET" : "POST");
  const res = await fetch(url + path, { method, headers, body });
  const text = await res.text();
  const json = text ? JSON.parse(text) : {};
  const problems = validator.problems(method, path, res.status, json);
  if (problems.length) throw new Error(`The answer is not what openapi.json describes:\n${problems.join("\n")}\n${text.slice(0, 500)}`);
  return { status: res.status, body: json, headers: res.headers };
}

export type TestInstance = { url: string; child: ChildProcess };

/** lib/openapi/test-instance.ts in its own process (wired like server.ts, LISTEN included). */
export function startTestInstance(): Promise<TestInstance> {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/openapi/test-instance.ts"], {
    cwd: process.cwd(),
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    // A start-up measured 16 s on a loaded 2-core machine; one that never comes up must not outlive the test.
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error("instance did not start in 90 s"));
    }, 90_000);
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (!line.startsWith('{"port"')) return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`, child });
    });
  });
}

/** Stops an instance with SIGTERM (as a deploy would); its exit code. */
export async function stopTestInstance(instance: TestInstance | undefined): Promise<number | null> {
  if (!instance || instance.child.exitCode !== null) return instance?.child.exitCode ?? null;
  const exited = new Promise<number | null>((resolve) => instance.child.once("exit", (code) => resolve(code)));
  instance.child.kill("SIGTERM");
  return exited;
}

/**
 * For a describe block: this process's database handle and two app instances in their own
 * processes on the same PostgreSQL database (DATABASE_URL), started before and stopped after.
 */
export function withTwoInstances(): { handle: () => DatabaseHandle; a: () => TestInstance; b: () => TestInstance } {
  const handle = withTestDatabase();
  let a: TestInstance | undefined;
  let b: TestInstance | undefined;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestInstance(), startTestInstance()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([stopTestInstance(a), stopTestInstance(b)]);
  });
  return { handle, a: () => a!, b: () => b! };
}

/** Polls `request` until it answers the error `code` (or 3 × limitMs pass); how long that took. */
export async function answeredWithin(
  request: () => ReturnType<typeof call>,
  code: string,
  limitMs: number,
): Promise<{ ms: number; code?: string }> {
  const started = Date.now();
  for (;;) {
    const res = await request();
    const ms = Date.now() - started;
    if (res.body.error?.code === code || ms > limitMs * 3) return { ms, code: res.body.error?.code };
    await new Promise((r) => setTimeout(r, 25));
  }
}
