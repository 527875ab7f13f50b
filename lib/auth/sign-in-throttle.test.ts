import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signInFailures, users } from "@/db/schema";
import { withTestDatabase } from "@/lib/testing/database";
import { getAuthOptions } from "./options";
import { hashPassword } from "./password";
import { THROTTLED_ERROR } from "./sign-in-messages";
import { FAILURES_PER_ADDRESS, FAILURES_PER_EMAIL, recordSignInFailure, SIGN_IN_WINDOW_MS, signInWaitMinutes } from "./sign-in-throttle";

const handle = withTestDatabase();

// Each test its own addresses and emails: the table is shared by the whole file (and by CI's database).
const unique = () => randomBytes(6).toString("hex");
const address = () => `198.51.100.${unique()}`;
const email = () => `user-${unique()}@example.test`;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

async function fail(ip: string, who: string, times: number, when: Date) {
  for (let i = 0; i < times; i++) await recordSignInFailure(ip, who, when);
}

describe("sign-in throttle (SPEC §4)", () => {
  it("throttles one email from one address after 10 failures, for what is left of 15 minutes", async () => {
    const ip = address();
    const who = email();
    const start = new Date();
    await fail(ip, who, FAILURES_PER_EMAIL - 1, start);
    expect(await signInWaitMinutes(ip, who, at(start, 1))).toBe(0);
    await fail(ip, who, 1, start);
    expect(await signInWaitMinutes(ip, who, at(start, 1))).toBe(14);
    expect(await signInWaitMinutes(ip, who.toUpperCase(), at(start, 1))).toBe(14);
    // Another email from the same address, and the same email from elsewhere, may still try.
    expect(await signInWaitMinutes(ip, email(), at(start, 1))).toBe(0);
    expect(await signInWaitMinutes(address(), who, at(start, 1))).toBe(0);
  });

  it("throttles an address after 50 failures whatever the emails", async () => {
    const ip = address();
    const start = new Date();
    for (let i = 0; i < FAILURES_PER_ADDRESS - 1; i++) await recordSignInFailure(ip, email(), start);
    const next = email();
    expect(await signInWaitMinutes(ip, next, start)).toBe(0);
    await recordSignInFailure(ip, email(), start);
    expect(await signInWaitMinutes(ip, next, start)).toBe(15);
    expect(await signInWaitMinutes(address(), next, start)).toBe(0);
  });

  it("lets the address try again once the failures are older than the window", async () => {
    const ip = address();
    const who = email();
    const start = new Date();
    await fail(ip, who, 5, start);
    await fail(ip, who, 5, at(start, 10));
    expect(await signInWaitMinutes(ip, who, at(start, 14.5))).toBe(1);
    // The first five have left the window: five remain, under the limit.
    expect(await signInWaitMinutes(ip, who, at(start, 15.01))).toBe(0);
  });

  it("forgets failures older than the window (the table stays bounded)", async () => {
    const ip = address();
    const old = new Date(Date.now() - 2 * SIGN_IN_WINDOW_MS);
    await fail(ip, email(), 3, old);
    // A failure a minute or more after this process's last prune (earlier tests went up to +15 min)
    // deletes the expired rows.
    await recordSignInFailure(address(), email(), new Date(Date.now() + 60 * 60_000));
    const [left] = await handle().db.select({ n: count() }).from(signInFailures).where(eq(signInFailures.ip, ip));
    expect(left!.n).toBe(0);
  });
});

describe("the credentials sign-in", () => {
  type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
  const authorize = () => {
    const provider = getAuthOptions().providers[0] as unknown as { options: { authorize: Authorize } };
    return provider.options.authorize;
  };
  const from = (ip: string) => ({ headers: { "x-keyward-client-ip": ip } });

  it("counts wrong passwords and refuses even the right one from a throttled address", async () => {
    const who = email();
    await handle().db.insert(users).values({ email: who, name: "Throttled", passwordHash: await hashPassword("right-password") });
    const ip = address();
    expect(await authorize()({ email: who, password: "wrong-password" }, from(ip))).toBeNull();
    await fail(ip, who, FAILURES_PER_EMAIL - 1, new Date());
    await expect(authorize()({ email: who, password: "right-password" }, from(ip))).rejects.toThrow(new RegExp(`^${THROTTLED_ERROR}:15$`));
    // From another address the user signs in.
    expect(await authorize()({ email: who, password: "right-password" }, from(address()))).toMatchObject({ email: who });
  }, 30_000);
});
