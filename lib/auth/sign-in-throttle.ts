import { createHash } from "node:crypto";
import { and, asc, eq, gt, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInFailures } from "@/db/schema";

/** SPEC §4: within 15 minutes, 10 failures for one email from one address, or 50 from one address. */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const FAILURES_PER_EMAIL = 10;
export const FAILURES_PER_ADDRESS = 50;
const PRUNE_EVERY_MS = 60_000;

const emailHash = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");

/** Milliseconds until fewer than `limit` of the failures (oldest first) are inside the window. */
function waitFor(times: Date[], limit: number, now: Date): number {
  if (times.length < limit) return 0;
  const freeing = times[times.length - limit]!;
  return Math.max(0, freeing.getTime() + SIGN_IN_WINDOW_MS - now.getTime());
}

/**
 * Whole minutes (at least 1) the address must wait before it may try this email again, or 0.
 * Checked before the password, so a throttled address learns nothing, not even from the right one.
 * Only the address's own failures count: nobody can lock a user out from somewhere else.
 */
export async function signInWaitMinutes(ip: string, email: string, now: Date = new Date()): Promise<number> {
  const rows = await getDb()
    .select({ at: signInFailures.at, emailHash: signInFailures.emailHash })
    .from(signInFailures)
    .where(and(eq(signInFailures.ip, ip), gt(signInFailures.at, new Date(now.getTime() - SIGN_IN_WINDOW_MS))))
    .orderBy(asc(signInFailures.at));
  const hash = emailHash(email);
  const ms = Math.max(
    waitFor(rows.map((r) => r.at), FAILURES_PER_ADDRESS, now),
    waitFor(rows.filter((r) => r.emailHash === hash).map((r) => r.at), FAILURES_PER_EMAIL, now),
  );
  return ms > 0 ? Math.ceil(ms / 60_000) : 0;
}

let lastPrune = 0;

/** Counts one failed sign-in; now and then forgets failures older than the window (a bounded table). */
export async function recordSignInFailure(ip: string, email: string, now: Date = new Date()): Promise<void> {
  const db = getDb();
  await db.insert(signInFailures).values({ ip, emailHash: emailHash(email), at: now });
  if (now.getTime() - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now.getTime();
  await db.delete(signInFailures).where(lt(signInFailures.at, new Date(now.getTime() - SIGN_IN_WINDOW_MS)));
}
