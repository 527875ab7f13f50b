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
 * in `loadKeyRecords`), its workspace (the whole row), and the ids of the key's roles and of its
 * creator's roles. Only ids: their permissions come from the RolePermissionCache, so each hash of
 * a batch costs a point read by the unique index on secret_hash with two index look-ups of role
 * ids. Both secret hashes come back so that a batch's rows can be matched to the hashes asked for.
 */
const keyRecordColumns = {
  keyId: apiKeys.id,
  name: apiKeys.name,
  isOwnerKey: apiKeys.isOwnerKey,
  createdByUserId: apiKeys.createdByUserId,
  expiresAt: apiKeys.expiresAt,
  isDecoy: apiKeys.isDecoy,
  disabledAt: apiKeys.disabledAt,
  secretHash: apiKeys.secretHash,
  previousSecretHash: apiKeys.previousSecretHash,
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
 * THE condition of the verification query: the keys whose current secret, or previous secret
 * while a roll's grace lasts, hashes to one of the batch's hashes (two unique indexes, one
 * BitmapOr). Anything else that decides whether a key is found joins here with `and(...)`;
 * refusals of a found key (disabled, expired) are decided in lib/keys/verify.ts, not here.
 */
const secretHashes = sql.placeholder("secretHashes");
const keyByHash = () => or(sql`${apiKeys.secretHash} = any(${secretHashes})`, sql`${apiKeys.previousSecretHash} = any(${secretHashes})`);

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
/** The rows of the keys matching any of `secretHashes` (in no particular order). */
type KeyQuery = (secretHashes: readonly string[]) => Promise<KeyRow[]>;
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
  return (secretHashes) => query.execute({ secretHashes });
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
  const placeholders = params.map((p) => is(p, Placeholder));
  return async (secretHashes) => {
    const values = params.map((p, i) => (placeholders[i] ? secretHashes : p)) as ParameterOrJSON<never>[];
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

/** The most hashes one verification query asks for (the batch a busy instance gathers in one tick). */
export const KEY_BATCH_MAX = 100;

/**
 * The keys whose secret hashes (current, or previous while rolled) are among `secretHashes`, in
 * one query, by hash; a hash with no key is absent. Role permissions come from the cache (one
 * query for the roles it lacks, shared by the batch).
 */
export async function loadKeyRecords(db: Executor, secretHashes: readonly string[], rolePermissions: RolePermissionCache): Promise<Map<string, KeyRecord>> {
  const records = new Map<string, KeyRecord>();
  const rows = await keyQuery(db)(secretHashes);
  if (rows.length === 0) return records;
  const roleIds = rows.flatMap((row) => (row.creatorIsMember ? [...(row.keyRoleIds ?? []), ...(row.creatorRoleIds ?? [])] : (row.keyRoleIds ?? [])));
  const pending = rolePermissions.permissionsOf(db, roleIds);
  const permissions = pending instanceof Promise ? await pending : pending;
  const of = (ids: readonly string[]) => union(ids.map((id) => permissions.get(id) ?? []));
  const asked = secretHashes.length === 1 ? null : new Set(secretHashes);
  const wasAsked = (hash: string | null) => hash !== null && (asked ? asked.has(hash) : hash === secretHashes[0]);
  const toRecord = (row: KeyRow, previousSecret: KeyRecord["previousSecret"]): KeyRecord => ({
    keyId: row.keyId,
    name: row.name,
    isOwnerKey: row.isOwnerKey,
    createdByUserId: row.createdByUserId,
    expiresAt: row.expiresAt === null ? null : row.expiresAt.getTime(),
    disabledAt: row.disabledAt === null ? null : row.disabledAt.getTime(),
    previousSecret,
    isDecoy: row.isDecoy,
    workspace: row.workspace,
    rolePermissions: of(row.keyRoleIds ?? []),
    creatorPermissions: row.creatorIsMember ? new Set(of(row.creatorRoleIds ?? [])) : null,
    ipAllowlist: row.ipAllowlist ?? [],
    rateLimit: rateLimitOf({ rateLimit: row.rateLimit, rateLimitWindow: row.rateLimitWindow }),
  });
  for (const row of rows) {
    // One row may answer two hashes of a batch: a rolled key's new secret and its previous one.
    if (wasAsked(row.secretHash)) records.set(row.secretHash, toRecord(row, null));
    const previous = row.previousSecretHash;
    if (previous !== null && wasAsked(previous)) {
      records.set(previous, toRecord(row, { hash: previous, validUntil: row.previousSecretValidUntil?.getTime() ?? null }));
    }
  }
  return records;
}
