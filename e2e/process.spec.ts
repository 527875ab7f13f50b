/**
 * The production process as `npm run serve` starts it (what `npm start` runs after its build),
 * on a fresh embedded database of its own with stdout and stderr piped: every line it writes is
 * JSON without a secret, security headers are on console and API answers, a server action from
 * a foreign Origin gets 403, and SIGTERM to the npm process stops the server after it wrote
 * the pending "last used".
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/users";

// stdout.write, not console.log: Playwright's workers set FORCE_COLOR, which would colour the number.
const freePort = () =>
  execFileSync(process.execPath, ["-e", "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"]).toString();

test("npm run serve: JSON log lines, security headers, 403 for foreign server actions, SIGTERM flushes", async () => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "keyward-process-"));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: freePort(), LAST_USED_FLUSH_MS: "3600000" };
  delete env.DATABASE_URL;
  delete env.AUTH_SECRET;
  delete env.KEY_ENCRYPTION_KEY;
  const db = (...args: string[]) => JSON.parse(execFileSync("npx", ["tsx", "e2e/support/process-db.ts", ...args], { env }).toString());
  try {
    const key = db("prepare") as { id: string; secret: string };
    const npm = spawn("npm", ["run", "--silent", "serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
    const lines: string[] = [];
    const collect = (chunk: Buffer) => lines.push(...chunk.toString().split("\n").filter(Boolean));
    npm.stdout.on("data", collect);
    npm.stderr.on("data", collect);
    const exited = new Promise<number | null>((resolve) => npm.once("exit", resolve));
    await expect.poll(() => lines.some((l) => l.includes('"Keyward is listening"')), { timeout: 120_000 }).toBe(true);
    const base = `http://127.0.0.1:${env.PORT}`;

    const page = await fetch(`${base}/login`);
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    const api = await fetch(`${base}/api/v1/me`, { headers: { "x-api-key": key.secret } });
    expect(api.status).toBe(200);
    for (const res of [page, api]) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    }

    const action = (origin: string) =>
      fetch(`${base}/w/acme/api-keys`, { method: "POST", headers: { "next-action": "0".repeat(42), origin, "content-type": "text/plain" }, body: "[]" });
    expect((await action("https://evil.example")).status).toBe(403);
    expect((await action("null")).status).toBe(403);
    // A same-origin call of an action that does not exist: Next warns (a multi-line message).
    expect((await action(base)).status).toBeLessThan(500);
    // A page that is not there.
    expect((await fetch(`${base}/no-such-page`)).status).toBe(404);

    npm.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expect(fetch(`${base}/login`)).rejects.toThrow();

    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(() => JSON.parse(line), line).not.toThrow();
      expect(line).not.toContain(key.secret);
      expect(line).not.toContain(DEMO_PASSWORD);
    }
    expect(lines.some((l) => l.includes("Server Reference ID") || l.includes("Server Action"))).toBe(true);
    expect(db("last-used", key.id).lastUsedAt).not.toBeNull();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
