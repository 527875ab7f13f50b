import { inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rolePermissions, roles } from "@/db/schema";
import { isPermission, type Permission } from "@/lib/auth/permissions";

type RoleEntry = { workspaceId: string; permissions: readonly Permission[] };

/** Role id → its permissions. */
export type RolePermissions = Map<string, readonly Permission[]>;

export type RolePermissionStats = { queries: number; invalidations: number };

/**
 * The permissions of each role, by role id, for verification: a key miss reads only the ids of
 * the key's roles and of its creator's roles, and their permissions come from here. Roles are few
 * and change rarely; a role's permissions change (or its deletion) announces a workspace-wide
 * key change, which drops that workspace's roles (`invalidateWorkspace`), on every instance.
 * A read that was under way while a change arrived answers its caller but is not kept.
 */
export class RolePermissionCache {
  readonly stats: RolePermissionStats = { queries: 0, invalidations: 0 };
  private readonly entries = new Map<string, RoleEntry>();
  private readonly inFlight = new Map<string, Promise<Map<string, RoleEntry>>>();
  private generation = 0;

  /** Bounded: past this many roles the cache starts over (a workspace holds a handful). */
  constructor(private readonly capacity = 50_000) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * The permissions of each of `roleIds` (an unknown or deleted role has none); reads the missing
   * ones in one query. Synchronous when every role is cached (nearly always: roles are few).
   */
  permissionsOf(db: Executor, roleIds: readonly string[]): RolePermissions | Promise<RolePermissions> {
    const found: RolePermissions = new Map();
    const missing: string[] = [];
    for (const id of roleIds) {
      const entry = this.entries.get(id);
      if (entry) found.set(id, entry.permissions);
      else if (!found.has(id)) missing.push(id);
    }
    if (missing.length === 0) return found;
    return this.load(db, missing).then((loaded) => {
      for (const id of missing) found.set(id, loaded.get(id)?.permissions ?? []);
      return found;
    });
  }

  /** Drops the roles of a workspace (their permissions may have changed). */
  invalidateWorkspace(workspaceId: string): void {
    this.generation++;
    this.stats.invalidations++;
    this.inFlight.clear();
    for (const [id, entry] of this.entries) if (entry.workspaceId === workspaceId) this.entries.delete(id);
  }

  clear(): void {
    this.generation++;
    this.inFlight.clear();
    this.entries.clear();
  }

  private load(db: Executor, ids: string[]): Promise<Map<string, RoleEntry>> {
    // Concurrent misses of the same roles (a burst of new keys) share one read.
    const flightKey = [...ids].sort().join(",");
    const pending = this.inFlight.get(flightKey);
    if (pending) return pending;
    const generation = this.generation;
    const load = this.read(db, ids).then((loaded) => {
      if (generation === this.generation) {
        if (this.entries.size + loaded.size > this.capacity) this.entries.clear();
        for (const [id, entry] of loaded) this.entries.set(id, entry);
      }
      return loaded;
    });
    this.inFlight.set(flightKey, load);
    const forget = () => {
      if (this.inFlight.get(flightKey) === load) this.inFlight.delete(flightKey);
    };
    load.then(forget, forget);
    return load;
  }

  private async read(db: Executor, ids: string[]): Promise<Map<string, RoleEntry>> {
    this.stats.queries++;
    const rows = await db
      .select({
        id: roles.id,
        workspaceId: roles.workspaceId,
        permissions: sql<string[] | null>`array(select ${rolePermissions.permission} from ${rolePermissions} where ${rolePermissions.roleId} = ${roles.id})`,
      })
      .from(roles)
      .where(inArray(roles.id, ids));
    return new Map(rows.map((r) => [r.id, { workspaceId: r.workspaceId, permissions: (r.permissions ?? []).filter(isPermission) }]));
  }
}
