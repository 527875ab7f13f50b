import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { errorSummary } from "./log";

afterEach(() => vi.restoreAllMocks());

describe("errors in log lines", () => {
  it("a failed query logs its cause and its statement, never its parameter values", () => {
    const cause = Object.assign(new Error("bind message supplies 70000 parameters"), { code: "08P01" });
    const err = new DrizzleQueryError("insert into key_last_uses (key_id, ip) values ($1, $2)", ["key_1", "203.0.113.9"], cause);
    const summary = errorSummary(err);
    expect(summary.message).toBe("Failed query: insert into key_last_uses (key_id, ip) values ($1, $2)");
    expect(summary.cause).toEqual({ name: "Error", message: "bind message supplies 70000 parameters", code: "08P01" });
    expect(JSON.stringify(summary)).not.toContain("203.0.113.9");
  });

  it("a long statement is shortened", () => {
    const summary = errorSummary(new DrizzleQueryError(`select ${"x, ".repeat(1000)}1`, [], new Error("boom")));
    expect(String(summary.message).length).toBeLessThanOrEqual(501);
  });

  it("log() writes an error field through the summary", async () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => lines.push(String(chunk)) > 0);
    // log.ts binds process.stderr.write when loaded: a fresh copy binds the spy.
    vi.resetModules();
    const fresh = await import("./log");
    fresh.log("warn", "flush failed", { err: new DrizzleQueryError("update api_keys set x = $1", ["hash-value"], new Error("deadlock detected")) });
    const line = lines.find((l) => l.includes("flush failed"));
    expect(line).toContain("deadlock detected");
    expect(line).not.toContain("hash-value");
  });

  it("an error written through console.error keeps its stack's frames but not the values in its message", async () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => lines.push(String(chunk)) > 0);
    vi.resetModules();
    const fresh = await import("./log");
    const { log, info, debug, warn, error, trace } = console;
    try {
      fresh.routeConsoleToLog();
      console.error(new DrizzleQueryError("update api_keys set x = $1", ["hash-value"], new Error("deadlock detected")));
    } finally {
      Object.assign(console, { log, info, debug, warn, error, trace });
    }
    const line = lines.find((l) => l.includes("Failed query"));
    expect(line).toContain("deadlock detected");
    expect(line).toContain("log.test.ts");
    expect(line).not.toContain("hash-value");
  });
});
