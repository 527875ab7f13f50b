import { and, Column, eq, getTableColumns, is, or, Placeholder, sql, Table } from "drizzle-orm";
import type { ParameterOrJSON, Sql } from "postgres";
import type { Executor } from "@/db/client";
import { apiKeyRoles, apiKeys, memberRoles, members, workspaces, type Workspace } from "@/db/schema";
import type { Permission } from "@/lib/auth/permissions";
import type { RolePermissionCache } from "./role-permissions";
import { rateLimitOf, type RateLimit } from "./restrictions";

/** Everything verification needs to know about a key: one query, plus role permissions from memory. */
export type KeyRecord = {
  keyId: string;
  name: string;
  isOwnerKey: boolean;
  createdByUserId: string;
  expiresAt: number | null;
  /** SPEC §9.2: set while the key is disabled. */
  disabledAt: number | null;
  /**
   * SPEC §9.1: the hash matched the key's previous secret, which works until this instant
   * (null: its grace is over). Read against the clock on every request.
   */
  previousSecret: { hash: string; validUntil: number | null } | null;
  /** A decoy (SPEC §13): refused exactly like an unknown key, its use recorded. */
  isDecoy: boolean;
  workspace: Workspace;
  /** Union of the permissions of the key's roles. */
  rolePermissions: Permission[];
  /** The creator's current permissions in the workspace; null when they are no longer a member. */
  creatorPermissions: ReadonlySet<Permission> | null;
  /** SPEC §10: empty = any address; null = no rate limit. */
  ipAllowlist: string[];
  rateLimit: RateLimit | null;
};

/**
 * The select list of the verification query: the key's own columns (add a column here and map it
 * in `loadKeyRecord`), its workspace (the whole row), and the ids of the key's roles and of its
 * creator's roles. Only ids: their permissions come from the RolePermissionCache, so a miss is a
 * point read by the unique index on secret_hash with two index look-ups of role ids.
 */
const keyRecordColumns = {
  keyId: apiKeys.id,
  name: apiKeys.name,
  isOwnerKey: apiKeys.isOwnerKey,
  createdByUserId: apiKeys.createdByUserId,
  expiresAt: apiKeys.expiresAt,
  isDecoy: apiKeys.isDecoy,
  disabledAt: apiKeys.disabledAt,
  // Which secret matched: the current one, or the previous one while a roll's grace lasts.
  matchedPrevious: sql<boolean>`${apiKeys.secretHash} <> ${sql.placeholder("secretHash")}`,
  previousSecretValidUntil: apiKeys.previousSecretValidUntil,
  ipAllowlist: apiKeys.ipAllowlist,
  rateLimit: apiKeys.rateLimit,
  rateLimitWindow: apiKeys.rateLimitWindow,
  workspace: workspaces,
  keyRoleIds: sql<string[]>`array(select ${apiKeyRoles.roleId}::text from ${apiKeyRoles} where ${apiKeyRoles.apiKeyId} = ${apiKeys.id})`,
  creatorIsMember: sql<boolean>`${members.id} is not null`,
  creatorRoleIds: sql<string[]>`array(select ${memberRoles.roleId}::text from ${memberRoles} where ${memberRoles.memberId} = ${members.id})`,
};

/**
 * THE condition of the verification query: the one key whose secret hashes to the parameter.
 * Anything else that decides whether a key is found joins here with `and(...)`; refusals of a
 * found key (disabled, expired) are decided in lib/keys/verify.ts, not here.
 */
const keyByHash = () => or(eq(apiKeys.secretHash, sql.placeholder("secretHash")), eq(apiKeys.previousSecretHash, sql.placeholder("secretHash")));

/**
 * The query, prepared once per database handle under a name: postgres.js then parses and plans
 * it once per connection (drizzle's `db.execute(sql…)` sends an unnamed statement, re-parsed and
 * re-planned on every call).
 */
function buildKeyQuery(db: Executor) {
  return db
    .select(keyRecordColumns)
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .leftJoin(members, and(eq(members.workspaceId, apiKeys.workspaceId), eq(members.userId, apiKeys.createdByUserId)))
    .where(keyByHash())
    .prepare("keyward_verify_key_by_hash");
}

type KeyRow = Awaited<ReturnType<ReturnType<typeof buildKeyQuery>["execute"]>>[number];
type KeyQuery = (secretHash: string) => Promise<KeyRow[]>;
const prepared = new WeakMap<Executor, KeyQuery>();

function keyQuery(db: Executor): KeyQuery {
  let query = prepared.get(db);
  if (!query) {
    const client = (db as { $client?: unknown }).$client;
    query = isPostgresJs(client) ? rawKeyQuery(client, db) : drizzleKeyQuery(db);
    prepared.set(db, query);
  }
  return query;
}

/** The verification query through drizzle (PGlite, and the reference the raw path is tested against). */
export function drizzleKeyQuery(db: Executor): KeyQuery {
  const query = buildKeyQuery(db);
  return (secretHash) => query.execute({ secretHash });
}

const isPostgresJs = (client: unknown): client is Sql => typeof client === "function" && "unsafe" in client;

/**
 * On postgres.js, the same statement (drizzle writes its text once) runs straight on the client,
 * still prepared, and its rows are decoded by the selected columns' own mappers in drizzle's
 * order (`keyRecordColumns`, the workspace's columns in table order). Drizzle's generic execute
 * and row mapping were ~6 % of a cache miss's CPU, half of it saved here (perf, issue #20).
 * verify-query.test.ts checks that both paths read the same record.
 */
export function rawKeyQuery(client: Sql, db: Executor): KeyQuery {
  const { sql: text, params } = buildKeyQuery(db).getQuery();
  type Field = { name: string; column: string | null; decoder: Column | null };
  const fields = Object.entries(keyRecordColumns).flatMap(([name, field]): Field[] =>
    is(field, Table)
      ? Object.entries(getTableColumns(field)).map(([column, decoder]) => ({ name, column, decoder: decoder as Column }))
      : [{ name, column: null, decoder: is(field, Column) ? (field as Column) : null }],
  );
  return async (secretHash) => {
    const values = params.map((p) => (is(p, Placeholder) ? secretHash : p)) as ParameterOrJSON<never>[];
    const rows = await client.unsafe(text, values, { prepare: true }).values();
    return rows.map((row) => {
      const record: Record<string, unknown> = {};
      fields.forEach(({ name, column, decoder }, i) => {
        const raw = row[i];
        const value = raw === null || decoder === null ? raw : decoder.mapFromDriverValue(raw);
        if (column === null) record[name] = value;
        else ((record[name] ??= {}) as Record<string, unknown>)[column] = value;
      });
      return record as KeyRow;
    });
  };
}

const union = (lists: Iterable<readonly Permission[]>): Permission[] => [...new Set([...lists].flat())];

/**
 * The key whose secret (current, or previous while rolled: two unique indexes, one BitmapOr)
 * hashes to `secretHash`, with its workspace and both permission sets; null when unknown.
 */
export async function loadKeyRecord(db: Executor, secretHash: string, rolePermissions: RolePermissionCache): Promise<KeyRecord | null> {
  const [row] = await keyQuery(db)(secretHash);
  if (!row) return null;
  const keyRoleIds = row.keyRoleIds ?? [];
  const creatorRoleIds = row.creatorIsMember ? (row.creatorRoleIds ?? []) : [];
  const pending = rolePermissions.permissionsOf(db, [...keyRoleIds, ...creatorRoleIds]);
  const permissions = pending instanceof Promise ? await pending : pending;
  const of = (ids: string[]) => union(ids.map((id) => permissions.get(id) ?? []));
  return {
    keyId: row.keyId,
    name: row.name,
    isOwnerKey: row.isOwnerKey,
    createdByUserId: row.createdByUserId,
    expiresAt: row.expiresAt === null ? null : row.expiresAt.getTime(),
    disabledAt: row.disabledAt === null ? null : row.disabledAt.getTime(),
    previousSecret: row.matchedPrevious ? { hash: secretHash, validUntil: row.previousSecretValidUntil?.getTime() ?? null } : null,
    isDecoy: row.isDecoy,
    workspace: row.workspace,
    rolePermissions: of(keyRoleIds),
    creatorPermissions: row.creatorIsMember ? new Set(of(creatorRoleIds)) : null,
    ipAllowlist: row.ipAllowlist ?? [],
    rateLimit: rateLimitOf({ rateLimit: row.rateLimit, rateLimitWindow: row.rateLimitWindow }),
  };
}
