import { sql } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";
import type { LeakPolicy, Plan, Workspace } from "@/db/schema";
import { isPermission, type Permission } from "@/lib/auth/permissions";

/** Everything verification needs to know about a key, read in one query. */
export type KeyRecord = {
  keyId: string;
  name: string;
  isOwnerKey: boolean;
  createdByUserId: string;
  expiresAt: number | null;
  /** A decoy (SPEC §13): refused exactly like an unknown key, its use recorded. */
  isDecoy: boolean;
  workspace: Workspace;
  /** Union of the permissions of the key's roles. */
  rolePermissions: Permission[];
  /** The creator's current permissions in the workspace; null when they are no longer a member. */
  creatorPermissions: ReadonlySet<Permission> | null;
};

type Row = {
  key_id: string;
  key_name: string;
  is_owner_key: boolean;
  created_by_user_id: string;
  expires_at: string | Date | null;
  is_decoy: boolean;
  ws_id: string;
  ws_name: string;
  ws_slug: string;
  ws_plan: Plan;
  ws_show_secrets_once: boolean;
  ws_require_signed_requests: boolean;
  ws_leak_policy: LeakPolicy;
  ws_created_at: string | Date;
  role_permissions: string[] | null;
  creator_is_member: boolean;
  creator_permissions: string[] | null;
};

const toDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));
const permissionsOf = (list: string[] | null): Permission[] => (list ?? []).filter(isPermission);

/** The key whose secret hashes to `secretHash`, with its workspace and both permission sets; null when unknown. */
export async function loadKeyRecord(db: Executor, secretHash: string): Promise<KeyRecord | null> {
  const [row] = await selectRows<Row>(
    db,
    sql`
      select k.id as key_id, k.name as key_name, k.is_owner_key, k.created_by_user_id, k.expires_at, k.is_decoy,
        w.id as ws_id, w.name as ws_name, w.slug as ws_slug, w.plan as ws_plan,
        w.show_secrets_once as ws_show_secrets_once, w.require_signed_requests as ws_require_signed_requests,
        w.leak_policy as ws_leak_policy,
        w.created_at as ws_created_at,
        array(select distinct rp.permission
                from api_key_roles kr join role_permissions rp on rp.role_id = kr.role_id
               where kr.api_key_id = k.id) as role_permissions,
        m.id is not null as creator_is_member,
        array(select distinct rp.permission
                from member_roles mr join role_permissions rp on rp.role_id = mr.role_id
               where mr.member_id = m.id) as creator_permissions
      from api_keys k
      join workspaces w on w.id = k.workspace_id
      left join members m on m.workspace_id = k.workspace_id and m.user_id = k.created_by_user_id
      where k.secret_hash = ${secretHash}`,
  );
  if (!row) return null;
  return {
    keyId: row.key_id,
    name: row.key_name,
    isOwnerKey: row.is_owner_key,
    createdByUserId: row.created_by_user_id,
    expiresAt: row.expires_at === null ? null : toDate(row.expires_at).getTime(),
    isDecoy: row.is_decoy,
    workspace: {
      id: row.ws_id,
      name: row.ws_name,
      slug: row.ws_slug,
      plan: row.ws_plan,
      showSecretsOnce: row.ws_show_secrets_once,
      requireSignedRequests: row.ws_require_signed_requests,
      leakPolicy: row.ws_leak_policy,
      createdAt: toDate(row.ws_created_at),
    },
    rolePermissions: permissionsOf(row.role_permissions),
    creatorPermissions: row.creator_is_member ? new Set(permissionsOf(row.creator_permissions)) : null,
  };
}
