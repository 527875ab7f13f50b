import { afterAll, beforeAll } from "vitest";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import { getDb, migrateDatabase, openPglite, openPostgres, setDatabaseHandle, type Database, type DatabaseHandle } from "@/db/client";
import * as schema from "@/db/schema";
import { memberRoles, members, roles, users, workspaces, type BuiltInRole, type Plan } from "@/db/schema";
import { createBuiltInRoles } from "@/lib/workspaces/roles";
import { loadMembershipById, type Membership } from "@/lib/auth/membership";
import { and, eq } from "drizzle-orm";

/**
 * The test database of this test file: the server in DATABASE_URL (migrated once by the global
 * setup), else a fresh in-memory PGlite restored from the migrated snapshot the global setup made.
 * `embedded`: always a fresh PGlite, also when DATABASE_URL is set.
 */
export async function openTestDatabase({ embedded = false }: { embedded?: boolean } = {}): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (embedded && process.env.DATABASE_URL) {
    // A database of its own even when the suite runs on a shared server (the seed needs an empty one).
    handle = openPglite(undefined);
    await migrateDatabase(handle);
  } else if (process.env.DATABASE_URL) {
    handle = openPostgres(process.env.DATABASE_URL, 20);
  } else {
    const snapshot = process.env.KEYWARD_TEST_SNAPSHOT;
    if (!snapshot) throw new Error("vitest global setup did not run (KEYWARD_TEST_SNAPSHOT unset)");
    const client = new PGlite({ extensions: { pg_trgm }, loadDataDir: new Blob([await readFile(snapshot)]) });
    const db = drizzle({ client, schema }) as unknown as Database;
    handle = { kind: "pglite", db, client, close: () => client.close() };
  }
  setDatabaseHandle(handle);
  return handle;
}

/** Opens this file's test database around its tests; the returned function hands over the handle. */
export function withTestDatabase(options: { embedded?: boolean } = {}): () => DatabaseHandle {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await openTestDatabase(options);
  });
  afterAll(() => handle?.close());
  return () => {
    if (!handle) throw new Error("the test database opens in beforeAll");
    return handle;
  };
}

const unique = () => randomBytes(5).toString("hex");

export async function createTestUser(name = "Test User"): Promise<{ id: string; email: string; name: string }> {
  const [user] = await getDb()
    .insert(users)
    .values({ email: `user-${unique()}@example.test`, name, passwordHash: null })
    .returning({ id: users.id, email: users.email, name: users.name });
  return user!;
}

export type TestWorkspace = {
  id: string;
  slug: string;
  roleIds: Record<BuiltInRole, string>;
  /** Adds a new user to the workspace with the given roles (built-in kinds or role ids). */
  addMember: (roleList: (BuiltInRole | string)[], name?: string) => Promise<Membership>;
  /** The membership of a user, re-read from the database. */
  membershipOf: (userId: string) => Promise<Membership>;
};

/** A workspace of its own per test, so tests never depend on each other's data. */
export async function createTestWorkspace(plan: Plan = "small"): Promise<TestWorkspace> {
  const db = getDb();
  const slug = `ws-${unique()}`;
  const [ws] = await db.insert(workspaces).values({ name: `Workspace ${slug}`, slug, plan }).returning();
  const roleIds = await createBuiltInRoles(db, ws!.id);
  const membershipOf = async (userId: string) => {
    const m = await loadMembershipById(userId, ws!.id);
    if (!m) throw new Error(`user ${userId} is not a member`);
    return m;
  };
  return {
    id: ws!.id,
    slug,
    roleIds,
    membershipOf,
    async addMember(roleList, name) {
      const user = await createTestUser(name);
      const [member] = await db.insert(members).values({ workspaceId: ws!.id, userId: user.id }).returning();
      for (const r of roleList) {
        const roleId = r in roleIds ? roleIds[r as BuiltInRole] : r;
        await db.insert(memberRoles).values({ memberId: member!.id, roleId, isOwner: roleId === roleIds.owner });
      }
      return membershipOf(user.id);
    },
  };
}

/** Creates a custom role with the given permissions. */
export async function createTestRole(workspaceId: string, name: string, permissions: string[]): Promise<string> {
  const db = getDb();
  const [role] = await db.insert(roles).values({ workspaceId, name }).returning({ id: roles.id });
  if (permissions.length) {
    await db.insert(schema.rolePermissions).values(permissions.map((permission) => ({ roleId: role!.id, permission })));
  }
  return role!.id;
}

/** Removes a member from a workspace (their keys become inactive). */
export async function removeTestMember(workspaceId: string, userId: string): Promise<void> {
  await getDb().delete(members).where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId)));
}
