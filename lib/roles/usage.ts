import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { apiKeyRoles, apiKeys, memberRoles, members, users } from "@/db/schema";

export const ROLE_USAGE_SAMPLE = 10;

export type RoleUsage = {
  memberCount: number;
  members: { userId: string; name: string; email: string }[];
  keyCount: number;
  keys: { id: string; name: string }[];
};

/**
 * Who holds a role: members and keys (first few names, and totals). The owner key is part of
 * it only for the Owner; to everyone else it does not exist.
 */
export async function roleUsage(
  workspaceId: string,
  roleId: string,
  { includeOwnerKey = false }: { includeOwnerKey?: boolean } = {},
  db: Executor = getDb(),
): Promise<RoleUsage> {
  const memberWhere = and(eq(memberRoles.roleId, roleId), eq(members.workspaceId, workspaceId));
  const ownerKeyFilter = includeOwnerKey ? undefined : eq(apiKeys.isOwnerKey, false);
  const [memberRows, [memberTotal], keyRows, [keyTotal], [ownerKeyHolds]] = await Promise.all([
    db
      .select({ userId: users.id, name: users.name, email: users.email })
      .from(memberRoles)
      .innerJoin(members, eq(members.id, memberRoles.memberId))
      .innerJoin(users, eq(users.id, members.userId))
      .where(memberWhere)
      .orderBy(asc(users.name))
      .limit(ROLE_USAGE_SAMPLE),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(memberRoles)
      .innerJoin(members, eq(members.id, memberRoles.memberId))
      .where(memberWhere),
    // A sample, in no particular order: sorting a role's 50,000 keys by name to show ten costs
    // more than the page is worth.
    db
      .select({ id: apiKeys.id, name: apiKeys.name })
      .from(apiKeyRoles)
      .innerJoin(apiKeys, eq(apiKeys.id, apiKeyRoles.apiKeyId))
      .where(and(eq(apiKeyRoles.roleId, roleId), eq(apiKeys.workspaceId, workspaceId), ownerKeyFilter))
      .limit(ROLE_USAGE_SAMPLE),
    db.select({ n: sql<number>`count(*)::int` }).from(apiKeyRoles).where(eq(apiKeyRoles.roleId, roleId)),
    includeOwnerKey
      ? Promise.resolve([{ n: 0 }])
      : db
          .select({ n: sql<number>`count(*)::int` })
          .from(apiKeys)
          .innerJoin(apiKeyRoles, and(eq(apiKeyRoles.apiKeyId, apiKeys.id), eq(apiKeyRoles.roleId, roleId)))
          .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.isOwnerKey, true))),
  ]);
  keyRows.sort((a, b) => a.name.localeCompare(b.name));
  const keyCount = (keyTotal?.n ?? 0) - (ownerKeyHolds?.n ?? 0);
  return { memberCount: memberTotal?.n ?? 0, members: memberRows, keyCount, keys: keyRows };
}

export function describeUsage(name: string, usage: RoleUsage): string {
  const parts: string[] = [];
  const more = (total: number, shown: number) => (total > shown ? ` and ${total - shown} more` : "");
  if (usage.memberCount) {
    parts.push(
      `${usage.memberCount} member${usage.memberCount === 1 ? "" : "s"} (${usage.members.map((m) => m.name).join(", ")}${more(usage.memberCount, usage.members.length)})`,
    );
  }
  if (usage.keyCount) {
    parts.push(
      `${usage.keyCount} API key${usage.keyCount === 1 ? "" : "s"} (${usage.keys.map((k) => k.name).join(", ")}${more(usage.keyCount, usage.keys.length)})`,
    );
  }
  return `“${name}” is in use by ${parts.join(" and ")}. Remove it from them first.`;
}
