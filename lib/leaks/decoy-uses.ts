import type { IncomingMessage } from "node:http";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { recordKeyEvent } from "@/lib/keys/events";
import type { VerifiedKey } from "@/lib/keys/verify";
import { log } from "@/lib/log";

export type DecoyUse = { keyId: string; workspaceId: string; ip: string; userAgent: string | null; at: Date; via: string };

export type DecoyUseOptions = {
  db: () => Executor;
  /** Uses waiting to be written; beyond this they are counted and dropped (SPEC §13, bounded). */
  capacity?: number;
};

const USER_AGENT_MAX = 512;
const WARN_EVERY_MS = 60_000;

/** The actor of a decoy's audit event: whoever presented it. */
export const DECOY_ACTOR = "Decoy key use";

/**
 * Records each use of a decoy key (`api_key.decoy_used`, with address and user agent) off the
 * request path: `record` only appends to a bounded in-memory queue, so a decoy is answered on
 * the same synchronous path, in the same time, as an unknown key. One writer drains the queue,
 * one use at a time on one connection. Bounds: at most `capacity` (1,000) uses wait in memory
 * (about 1 kB each), and uses only arrive here when the failure throttle lets the address
 * through (30 at once, then 30 a minute per address), so a flood can fill neither memory nor
 * the database: overflow is dropped and counted in `stats.dropped`.
 */
export class DecoyUseRecorder {
  readonly stats = { recorded: 0, dropped: 0, failed: 0 };
  private readonly queue: DecoyUse[] = [];
  private readonly capacity: number;
  private draining?: Promise<void>;
  private lastWarning = -Infinity;

  constructor(private readonly options: DecoyUseOptions) {
    this.capacity = options.capacity ?? 1_000;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Queues one use; never waits, never throws. */
  record(key: Pick<VerifiedKey, "keyId" | "workspace">, ip: string, req: IncomingMessage | null, via: string): void {
    if (this.queue.length >= this.capacity) {
      this.stats.dropped++;
      const now = performance.now();
      if (now - this.lastWarning > WARN_EVERY_MS) {
        this.lastWarning = now;
        log("warn", "decoy key uses dropped: the queue is full", { dropped: this.stats.dropped });
      }
      return;
    }
    const ua = req?.headers["user-agent"];
    this.queue.push({
      keyId: key.keyId,
      workspaceId: key.workspace.id,
      ip,
      userAgent: typeof ua === "string" ? ua.slice(0, USER_AGENT_MAX) : null,
      at: new Date(),
      via,
    });
    this.draining ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
  }

  /** Resolves once every queued use is written. */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      for (let use = this.queue.shift(); use; use = this.queue.shift()) {
        try {
          await this.write(use);
          this.stats.recorded++;
        } catch (err) {
          this.stats.failed++;
          log("warn", "could not record a decoy key use", { keyId: use.keyId, err });
        }
      }
    } finally {
      this.draining = undefined;
    }
  }

  private async write(use: DecoyUse): Promise<void> {
    await this.options.db().transaction(async (tx) => {
      const [key] = await tx
        .select({
          id: apiKeys.id,
          name: apiKeys.name,
          hint: apiKeys.hint,
          isOwnerKey: apiKeys.isOwnerKey,
          createdByUserId: apiKeys.createdByUserId,
          expiresAt: apiKeys.expiresAt,
        })
        .from(apiKeys)
        .where(and(eq(apiKeys.id, use.keyId), eq(apiKeys.workspaceId, use.workspaceId)));
      if (!key) return;
      const details = { ip: use.ip, userAgent: use.userAgent, at: use.at.toISOString(), via: use.via };
      await recordKeyEvent(tx, {
        workspaceId: use.workspaceId,
        type: "api_key.decoy_used",
        key,
        data: details,
        audit: { actor: { userId: null, keyId: null, name: DECOY_ACTOR, ip: use.ip }, action: "api_key.decoy_used", details },
      });
    });
  }
}

/**
 * What authentication makes of a looked-up key: a decoy is as good as unknown (null), and its
 * use is queued for the audit log when the address may still fail (`wait` 0).
 */
export function screenDecoy<K extends VerifiedKey>(
  key: K | null,
  recorder: DecoyUseRecorder,
  ip: string,
  wait: number,
  req: IncomingMessage | null,
  via = "authentication",
): K | null {
  if (!key?.isDecoy) return key;
  if (wait <= 0) recorder.record(key, ip, req, via);
  return null;
}
