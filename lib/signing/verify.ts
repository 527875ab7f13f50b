import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { getDb, selectRows, type Executor } from "@/db/client";
import { sharedSecrets, workspaces } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/aes";
import { onKeyChange } from "@/lib/keys/revocation";
import { log } from "@/lib/log";
import { SIGNATURE_VERSION, SIGNATURE_WINDOW_SECONDS, signatureBaseString } from "./format";
import { sharedSecretContext } from "./shared-secret";

export type SignatureFailureCode = "missing_signature" | "stale_timestamp" | "invalid_signature" | "replayed_request";

export type SignatureCheck = { ok: true } | { ok: false; code: SignatureFailureCode; message: string };

export type SignedRequest = {
  workspaceId: string;
  method: string;
  /** The request target exactly as received (`req.url`): path and query string. */
  pathWithQuery: string;
  rawBody: Buffer;
  /** Header values; undefined when absent. */
  timestamp: string | undefined;
  signature: string | undefined;
  /** Milliseconds since the epoch; tests move the clock with it. */
  now?: number;
  /**
   * The caller already knows the workspace requires signing (the Open API's verified key
   * says so): enforce it whatever this instance's cached flag says.
   */
  required?: boolean;
};

type SigningState = {
  requireSigned: boolean;
  /** The current secret (validUntil null) and a rotated one in its grace period. */
  secrets: { secret: string; validUntil: number | null }[];
};

type CacheEntry = { state: Promise<SigningState>; loadedAt: number };

export type SignatureVerifierOptions = {
  db?: () => Executor;
  /** Workspaces whose signing state is kept in memory. */
  maxWorkspaces?: number;
  /** Seen signatures remembered in memory (the database remembers them all). */
  maxSeenSignatures?: number;
  /** Re-reads a workspace's state after this long even without a change notification. */
  stateTtlMs?: number;
  purgeIntervalMs?: number;
};

const TIMESTAMP_PATTERN = /^\d{1,12}$/;
const SIGNATURE_PATTERN = new RegExp(`^${SIGNATURE_VERSION}=([0-9a-fA-F]{64})$`);

const failure = (code: SignatureFailureCode, message: string): SignatureCheck => ({ ok: false, code, message });

const MESSAGES = {
  missing: (which: string) =>
    `This workspace requires signed requests: ${which} missing. Send X-Timestamp (Unix seconds) and X-Signature (v1=<hex HMAC-SHA256>); see /api/v1/openapi.json.`,
  stale: `X-Timestamp must be the current time in Unix seconds, within ${SIGNATURE_WINDOW_SECONDS} seconds of the server clock.`,
  malformed: "X-Signature must be v1= followed by 64 hexadecimal characters.",
  mismatch:
    "X-Signature does not match this request. Sign X-Timestamp, the method, the path with its query and the hex SHA-256 of the body, one per line, with HMAC-SHA256 under the workspace's API shared secret.",
  replayed: "This signature was already used. Sign every request afresh, with a new timestamp.",
};

/**
 * Checks the X-Timestamp and X-Signature of an Open API request (SPEC §5.1) for workspaces
 * that require signed requests. One instance per process; each keeps its own bounded caches
 * (decrypted secrets per workspace, signatures seen recently) and relies on the database for
 * what must hold across instances (replays).
 */
export class SignatureVerifier {
  private readonly db: () => Executor;
  private readonly states = new Map<string, CacheEntry>();
  private readonly seen = new Map<string, number>();
  private readonly maxWorkspaces: number;
  private readonly maxSeen: number;
  private readonly stateTtlMs: number;
  private readonly purgeIntervalMs: number;
  private lastPurge = 0;
  private purging: Promise<void> | null = null;
  private readonly unsubscribe: () => void;

  constructor(options: SignatureVerifierOptions = {}) {
    this.db = options.db ?? getDb;
    this.maxWorkspaces = options.maxWorkspaces ?? 10_000;
    this.maxSeen = options.maxSeenSignatures ?? 100_000;
    this.stateTtlMs = options.stateTtlMs ?? 30_000;
    this.purgeIntervalMs = options.purgeIntervalMs ?? 60_000;
    // Any change to a workspace (rotation, the switch, a role…) drops its cached state here
    // and, through NOTIFY, on every other instance.
    this.unsubscribe = onKeyChange((change) => this.states.delete(change.workspaceId));
  }

  async verify(request: SignedRequest): Promise<SignatureCheck> {
    const now = request.now ?? Date.now();
    const state = await this.stateOf(request.workspaceId);
    if (!request.required && !state.requireSigned) return { ok: true };

    const timestamp = request.timestamp?.trim();
    const signature = request.signature?.trim();
    if (!timestamp || !signature) {
      const which = !timestamp && !signature ? "the X-Timestamp and X-Signature headers are" : `the ${timestamp ? "X-Signature" : "X-Timestamp"} header is`;
      return failure("missing_signature", MESSAGES.missing(which));
    }
    if (!TIMESTAMP_PATTERN.test(timestamp)) return failure("stale_timestamp", MESSAGES.stale);
    const seconds = Number(timestamp);
    if (Math.abs(Math.floor(now / 1000) - seconds) > SIGNATURE_WINDOW_SECONDS) return failure("stale_timestamp", MESSAGES.stale);

    const match = SIGNATURE_PATTERN.exec(signature);
    if (!match) return failure("invalid_signature", MESSAGES.malformed);
    const given = Buffer.from(match[1]!, "hex");
    const base = signatureBaseString({
      timestamp,
      method: request.method,
      pathWithQuery: request.pathWithQuery,
      body: request.rawBody,
    });
    // Every live secret is compared, each in constant time, so timing tells nothing about
    // which one (if any) matched.
    let valid = false;
    for (const { secret, validUntil } of state.secrets) {
      const expected = createHmac("sha256", secret).update(base).digest();
      const equal = timingSafeEqual(expected, given);
      if (equal && (validUntil === null || validUntil > now)) valid = true;
    }
    if (!valid) return failure("invalid_signature", MESSAGES.mismatch);

    const expiresAt = (seconds + SIGNATURE_WINDOW_SECONDS + 1) * 1000;
    if (!(await this.remember(match[1]!.toLowerCase(), Math.max(expiresAt, now + 1000), now))) {
      return failure("replayed_request", MESSAGES.replayed);
    }
    return { ok: true };
  }

  /** How much this instance holds in memory. */
  size(): { workspaces: number; seenSignatures: number } {
    return { workspaces: this.states.size, seenSignatures: this.seen.size };
  }

  /** Drops cached state: one workspace, or all. */
  invalidate(workspaceId?: string): void {
    if (workspaceId) this.states.delete(workspaceId);
    else this.states.clear();
  }

  /** Stops listening for changes and waits for a purge in flight. */
  async close(): Promise<void> {
    this.unsubscribe();
    this.states.clear();
    this.seen.clear();
    await this.purging;
  }

  private stateOf(workspaceId: string): Promise<SigningState> {
    const cached = this.states.get(workspaceId);
    const at = Date.now();
    if (cached && at - cached.loadedAt < this.stateTtlMs) return cached.state;
    const entry: CacheEntry = { state: this.load(workspaceId), loadedAt: at };
    entry.state.catch(() => {
      if (this.states.get(workspaceId) === entry) this.states.delete(workspaceId);
    });
    this.states.delete(workspaceId);
    this.states.set(workspaceId, entry);
    while (this.states.size > this.maxWorkspaces) this.states.delete(this.states.keys().next().value!);
    return entry.state;
  }

  private async load(workspaceId: string): Promise<SigningState> {
    const db = this.db();
    const [ws] = await db
      .select({ requireSigned: workspaces.requireSignedRequests })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    const rows = await db
      .select({ id: sharedSecrets.id, ciphertext: sharedSecrets.ciphertext, retiredAt: sharedSecrets.retiredAt, validUntil: sharedSecrets.validUntil })
      .from(sharedSecrets)
      .where(
        and(
          eq(sharedSecrets.workspaceId, workspaceId),
          or(isNull(sharedSecrets.retiredAt), gt(sharedSecrets.validUntil, new Date())),
        ),
      );
    return {
      requireSigned: ws?.requireSigned ?? false,
      secrets: rows.map((r) => ({
        secret: decryptSecret(r.ciphertext, sharedSecretContext(r.id)),
        validUntil: r.retiredAt === null ? null : (r.validUntil?.getTime() ?? 0),
      })),
    };
  }

  /**
   * Records a signature as used; false when it was used before within its window. The
   * in-memory map answers repeats on this instance without a round trip; the table's primary
   * key decides between instances (and between concurrent requests).
   */
  private async remember(signature: string, expiresAt: number, now: number): Promise<boolean> {
    const local = this.seen.get(signature);
    if (local !== undefined && local > now) return false;
    const rows = await selectRows<{ signature: string }>(
      this.db(),
      sql`insert into seen_signatures (signature, expires_at)
          values (${signature}, ${new Date(expiresAt).toISOString()}::timestamptz)
          on conflict (signature) do update set expires_at = excluded.expires_at
            where seen_signatures.expires_at < ${new Date(now).toISOString()}::timestamptz
          returning signature`,
    );
    this.rememberLocally(signature, expiresAt, now);
    this.purgeSoon();
    return rows.length > 0;
  }

  private rememberLocally(signature: string, expiresAt: number, now: number): void {
    this.seen.delete(signature);
    this.seen.set(signature, expiresAt);
    while (this.seen.size > this.maxSeen) {
      const oldest = this.seen.keys().next().value!;
      this.seen.delete(oldest);
    }
    // Expired entries at the head go too (entries arrive roughly in expiry order).
    for (const [key, until] of this.seen) {
      if (until > now) break;
      this.seen.delete(key);
    }
  }

  /** Deletes expired rows once per interval, by the database clock, off the request's path. */
  private purgeSoon(): void {
    const at = Date.now();
    if (this.purging || at - this.lastPurge < this.purgeIntervalMs) return;
    this.lastPurge = at;
    this.purging = this.db()
      .execute(sql`delete from seen_signatures where expires_at < now()`)
      .then(
        () => undefined,
        (err: unknown) => log("warn", "purging seen signatures failed", { err }),
      )
      .finally(() => {
        this.purging = null;
      });
  }
}
