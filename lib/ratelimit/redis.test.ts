import { randomBytes } from "node:crypto";
import { createConnection, createServer, type Socket } from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { log } from "@/lib/log";
import { burst, neverMoreThanTheLimit, windowEdges } from "./limiter-cases";
import { RedisRateLimiter } from "./redis";

// The real Redis server: REDIS_URL (CI exports it), else the local default. Skipped, saying so,
// only when none answers; `npm test` without Redis still passes on the in-process limiter.
vi.mock("@/lib/log", () => ({ log: vi.fn() }));

const url = process.env.REDIS_URL?.trim() || "redis://127.0.0.1:6379";
const reachable = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(url);
  const socket = createConnection({ host: hostname, port: Number(port || 6379) });
  const done = (ok: boolean) => {
    socket.destroy();
    resolve(ok);
  };
  socket.setTimeout(1_000, () => done(false));
  socket.once("connect", () => done(true));
  socket.once("error", () => done(false));
});
// One prefix per run: parallel runs on one Redis never share a counter.
const prefix = `kw:restrictions:test:${randomBytes(6).toString("hex")}:`;
const opened: RedisRateLimiter[] = [];
const limiter = (clock?: () => number) => {
  const made = new RedisRateLimiter({ url, prefix, clock });
  opened.push(made);
  return made;
};
afterAll(async () => {
  await Promise.all(opened.map((l) => l.close()));
});

if (!reachable) console.warn(`Redis rate limiter tests skipped: no Redis answers at ${url}`);

describe.skipIf(!reachable)(reachable ? `Redis rate limiter at ${url}` : `Redis rate limiter (skipped: no Redis answers at ${url})`, () => {
  it("refuses past the limit until the burst has left the window, to the millisecond", () =>
    windowEdges((clock) => limiter(clock), "key_edges"));

  it("never admits more than the limit in any window of its length", () =>
    neverMoreThanTheLimit((clock) => limiter(clock), "key_sliding"));

  it("a burst of 50 concurrent requests against a limit of 10: exactly 10 succeed on one instance", async () => {
    const one = limiter();
    await one.ready();
    expect(await burst([one], "key_burst_one")).toBe(10);
    expect(one.stats).toEqual({ redis: 50, fallbacks: 0 });
  });

  it("…and exactly 10 across two instances sharing the Redis server", async () => {
    const [a, b] = [limiter(), limiter()];
    await Promise.all([a.ready(), b.ready()]);
    expect(await burst([a, b], "key_burst_two")).toBe(10);
    expect(a.stats.fallbacks + b.stats.fallbacks).toBe(0);
  });
});

describe("Redis down", () => {
  it("answers at once from the in-process limit (per instance), never hangs, and says so in the log", async () => {
    // A port nothing listens on: connection refused.
    const down = new RedisRateLimiter({ url: "redis://127.0.0.1:1", prefix });
    opened.push(down);
    vi.mocked(log).mockClear();
    await expect(down.ready()).rejects.toThrow();
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 15 }, () => down.consume("key_down", { limit: 10, window: "minute" })));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(answers.filter((a) => a.allowed)).toHaveLength(10);
    expect(down.stats.fallbacks).toBe(15);
    const warnings = vi.mocked(log).mock.calls.filter(([, msg]) => msg.includes("Redis unavailable"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]![0]).toBe("warn");
  });

  it("a Redis server that accepts but never answers: each request is answered within the command timeout", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    const hung = new RedisRateLimiter({ url: `redis://127.0.0.1:${port}`, prefix, commandTimeoutMs: 100 });
    try {
      const started = performance.now();
      const answer = await hung.consume("key_hung", { limit: 1, window: "hour" });
      expect(answer.allowed).toBe(true);
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(hung.stats.fallbacks).toBe(1);
    } finally {
      await hung.close();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
