import DataLoader from "dataloader";
import type { Executor } from "@/db/client";
import type { Permission } from "@/lib/auth/permissions";
import { effectivePermissions } from "./effective";
import type { KeyChange } from "./revocation";
import { BoundedLru } from "./lru";
import { keysAllowedOn, keyState } from "./policy";
import { compileRestrictions, type KeyRestrictions } from "./restriction-check";
import { RolePermissionCache } from "./role-permissions";
import { KEY_BATCH_MAX, loadKeyRecords, type KeyRecord } from "./verify-query";

/** Why a known key is refused (an unknown one is simply `invalid_api_key`). */
export type KeyRefusal = "invalid_api_key" | "disabled_api_key" | "expired_api_key" | "inactive_api_key" | "plan_required";

/** A key as verification knows it: its record and its effective permissions. */
export type VerifiedKey = KeyRecord & {
  permissions: Permission[];
  permissionSet: ReadonlySet<Permission>;
  /** SPEC §10, compiled once per cached key; null when the key has neither an allowlist nor a limit. */
  restrictions: KeyRestrictions | null;
};

export type VerifierOptions = {
  db: () => Executor;
  /** Verified keys kept in memory (least recently used go first). */
  capacity?: number;
  /** A safety net for a missed notification: a cached key is re-read after this long. */
  maxAgeMs?: number;
  /** How long "no such key" is remembered, so one unknown secret hammered repeatedly costs one query. */
  negativeTtlMs?: number;
  negativeCapacity?: number;
};

export type VerifierStats = {
  /** Database queries made to look keys up: one per batch of misses gathered in one tick. */
  queries: number;
  /** Hashes those queries asked for (one per miss). */
  lookups: number;
  /** Queries that read role permissions the cache did not hold (rare: roles are few). */
  roleQueries: number;
  hits: number;
  negativeHits: number;
  invalidations: number;
};

/**
 * Whether a verified key may be used right now. Expiry and a previous secret's grace are read
 * against the clock on every call. A previous secret past its grace is no secret at all
 * (`invalid_api_key`); then disabled, expired, inactive (SPEC §9.2, §5).
 */
export function refusalOf(key: VerifiedKey, now: number = Date.now()): KeyRefusal | null {
  if (key.previousSecret && (key.previousSecret.validUntil === null || key.previousSecret.validUntil <= now)) return "invalid_api_key";
  const state = keyState({ expiresAt: key.expiresAt, creatorActive: key.creatorPermissions !== null, disabledAt: key.disabledAt }, now);
  if (state === "disabled") return "disabled_api_key";
  if (state === "expired") return "expired_api_key";
  if (state === "inactive") return "inactive_api_key";
  if (!keysAllowedOn(key.workspace.plan)) return "plan_required";
  return null;
}

/** Cache ages run on a monotonic clock: a wall clock set back or forward neither pins nor drops entries. */
const monotonicNow = () => performance.now();

function toVerifiedKey(record: KeyRecord): VerifiedKey {
  const permissions = effectivePermissions(record.rolePermissions, record.creatorPermissions, record.isOwnerKey);
  return { ...record, permissions, permissionSet: new Set(permissions), restrictions: compileRestrictions(record) };
}

/**
 * Looks keys up by secret hash through a bounded in-process cache: a repeat request makes no
 * database query, a miss is one hash in one query (concurrent misses of one hash share it;
 * misses of different hashes in one turn of the event loop share the query).
 * `invalidate` drops what a change may have altered; a look-up that was in flight while a
 * change arrived answers its own request but is not cached, so stale data never outlives the
 * change.
 */
export class KeyVerifier {
  private readonly counts = { queries: 0, lookups: 0, hits: 0, negativeHits: 0, invalidations: 0 };
  /** Role id → permissions, shared by every key of those roles. */
  private readonly roles = new RolePermissionCache();
  private readonly known: BoundedLru<string, VerifiedKey>;
  private readonly unknown: BoundedLru<string, true>;
  private readonly inFlight = new Map<string, Promise<VerifiedKey | null>>();
  /**
   * Misses of different hashes gathered while the event loop runs one round (the requests read
   * from the sockets in one poll) go to the database as one query: under a burst of new keys a
   * query's round trip and protocol work are shared by the batch; alone, a miss waits for nothing.
   */
  private readonly batches: DataLoader<string, VerifiedKey | null>;
  private generation = 0;

  constructor(private readonly options: VerifierOptions) {
    this.known = new BoundedLru(options.capacity ?? 20_000, options.maxAgeMs ?? 5 * 60_000);
    this.unknown = new BoundedLru(options.negativeCapacity ?? 10_000, options.negativeTtlMs ?? 10_000);
    this.batches = new DataLoader((hashes) => this.loadBatch(hashes), {
      cache: false,
      maxBatchSize: KEY_BATCH_MAX,
      batchScheduleFn: (run) => setImmediate(run),
    });
  }

  get stats(): VerifierStats {
    return { ...this.counts, roleQueries: this.roles.stats.queries };
  }

  get cachedKeys(): number {
    return this.known.size;
  }

  /** The cached answer without any database work: a key, null (known unknown), or undefined (not cached). */
  peek(secretHash: string): VerifiedKey | null | undefined {
    const now = monotonicNow();
    const key = this.known.get(secretHash, now);
    if (key) return key;
    if (this.unknown.get(secretHash, now)) return null;
    return undefined;
  }

  /** `peek`, counted as a hit when cached. */
  get(secretHash: string): VerifiedKey | null | undefined {
    const cached = this.peek(secretHash);
    if (cached) this.counts.hits++;
    else if (cached === null) this.counts.negativeHits++;
    return cached;
  }

  /** The key with this secret hash, or null when there is none. */
  async lookup(secretHash: string): Promise<VerifiedKey | null> {
    const cached = this.get(secretHash);
    return cached !== undefined ? cached : this.fetch(secretHash);
  }

  /**
   * The database look-up of a hash `peek` or `get` has just missed (the cache is not asked
   * again), shared with one already under way for the same hash.
   */
  fetch(secretHash: string): Promise<VerifiedKey | null> {
    const pending = this.inFlight.get(secretHash);
    if (pending) return pending;
    const load = this.load(secretHash);
    this.inFlight.set(secretHash, load);
    const forget = () => {
      if (this.inFlight.get(secretHash) === load) this.inFlight.delete(secretHash);
    };
    load.then(forget, forget);
    return load;
  }

  private async loadBatch(hashes: readonly string[]): Promise<(VerifiedKey | null)[]> {
    this.counts.queries++;
    this.counts.lookups += hashes.length;
    const records = await loadKeyRecords(this.options.db(), hashes, this.roles);
    return hashes.map((hash) => {
      const record = records.get(hash);
      return record ? toVerifiedKey(record) : null;
    });
  }

  private async load(secretHash: string): Promise<VerifiedKey | null> {
    const generation = this.generation;
    const key = await this.batches.load(secretHash);
    if (generation === this.generation) {
      const now = monotonicNow();
      if (key) this.known.set(secretHash, key, now);
      else this.unknown.set(secretHash, true, now);
    }
    return key;
  }

  /** Forgets what `change` may have altered: one key, one creator's keys, or a whole workspace. */
  invalidate(change: KeyChange): void {
    this.generation++;
    this.counts.invalidations++;
    this.inFlight.clear();
    // A new key's secret may have been presented (and remembered as unknown) before it existed.
    this.unknown.clear();
    const { workspaceId, keyId, userId } = change;
    // A workspace-wide change may be a role's permissions (or its deletion). A member's roles are
    // re-read with each of their keys, so a change of one creator needs no role work.
    if (!keyId && !userId) this.roles.invalidateWorkspace(workspaceId);
    this.known.deleteWhere((key) => {
      if (keyId && key.keyId === keyId) return true;
      if (key.workspace.id !== workspaceId) return false;
      if (userId) return key.createdByUserId === userId;
      return !keyId;
    });
  }

  /** Forgets everything, e.g. when notifications from other instances may have been missed. */
  clear(): void {
    this.generation++;
    this.inFlight.clear();
    this.known.clear();
    this.unknown.clear();
    this.roles.clear();
  }
}
