import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiKeyRoles, apiKeys, memberRoles, members, roles, users, workspaces, type BuiltInRole } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { encryptSecret } from "@/lib/crypto/aes";
import { recordKeyEvent } from "@/lib/keys/events";
import { generateKeyId, generateSecret, hashSecret, secretHint } from "@/lib/keys/format";
import { createBuiltInRoles } from "@/lib/workspaces/roles";

export const DEMO_PASSWORD = "demo-password";

export const DEMO_USERS = [
  { email: "owner@acme.test", name: "Olivia Owner" },
  { email: "admin@acme.test", name: "Adam Admin" },
  { email: "member@acme.test", name: "Mia Member" },
  { email: "viewer@acme.test", name: "Victor Viewer" },
  { email: "owner@globex.test", name: "Gloria Globex" },
] as const;

type DemoEmail = (typeof DEMO_USERS)[number]["email"];

const DEMO_WORKSPACES: {
  name: string;
  slug: string;
  plan: "free" | "small";
  members: [DemoEmail, BuiltInRole][];
}[] = [
  {
    name: "Acme",
    slug: "acme",
    plan: "small",
    members: [
      ["owner@acme.test", "owner"],
      ["admin@acme.test", "administrator"],
      ["member@acme.test", "standard"],
      ["viewer@acme.test", "read_only"],
    ],
  },
  {
    name: "Globex",
    slug: "globex",
    plan: "free",
    members: [
      ["owner@globex.test", "owner"],
      ["admin@acme.test", "administrator"],
    ],
  },
];

// SPEC §7, in list order (newest first). Times are UTC.
const ACME_KEYS: {
  name: string;
  role: BuiltInRole;
  creator?: DemoEmail;
  lastUsed?: string;
  expires?: string;
  description?: string;
}[] = [
  { name: "tcross_ro", role: "read_only", lastUsed: "2024-07-29T18:59:11Z", description: "Reporting dashboards (read-only)" },
  { name: "srdkn", role: "administrator", lastUsed: "2024-12-12T19:51:30Z" },
  { name: "rharman_automation_rw", role: "administrator", description: "Provisioning automation" },
  { name: "rharman_automation_ro", role: "read_only", lastUsed: "2024-12-16T13:00:02Z" },
  {
    name: "productreport",
    role: "read_only",
    lastUsed: "2024-12-09T16:21:36Z",
    expires: "2025-01-31T00:00:00Z",
    description: "Monthly product report",
  },
  { name: "djm_dash", role: "administrator", lastUsed: "2024-09-27T20:02:11Z" },
  { name: "chris_ro", role: "read_only", creator: "member@acme.test", lastUsed: "2024-01-08T23:07:29Z" },
  { name: "accountd", role: "administrator", lastUsed: "2024-12-16T19:47:38Z" },
];

/** Seeds SPEC §7's demo data; does nothing when the database already has users. Returns whether it seeded. */
export async function seedDemoData(db: Database): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    // Two instances starting at once must not both seed.
    await tx.execute(sql`select pg_advisory_xact_lock(72410002)`);
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
    if ((existing?.n ?? 0) > 0) return false;

    const userIds = {} as Record<DemoEmail, string>;
    for (const u of DEMO_USERS) {
      const [row] = await tx.insert(users).values({ email: u.email, name: u.name, passwordHash }).returning();
      userIds[u.email] = row!.id;
    }

    for (const ws of DEMO_WORKSPACES) {
      const { workspaceId, roleIds } = await seedWorkspace(
        tx,
        ws,
        ws.members.map(([email, role]) => [userIds[email], role]),
      );
      if (ws.slug !== "acme") continue;
      const keys = [
        ...ACME_KEYS.map((k, i) => ({ ...k, createdAt: new Date(Date.UTC(2024, 0, 2, 9) - i * 3_600_000) })),
        {
          name: "Owner key",
          role: "owner" as const,
          creator: "owner@acme.test" as const,
          createdAt: new Date(Date.UTC(2023, 11, 1, 9)),
          description: "Workspace owner's key",
        },
      ];
      for (const k of keys) {
        await seedKey(tx, {
          workspaceId,
          name: k.name,
          description: k.description,
          roleId: roleIds[k.role],
          isOwnerKey: k.role === "owner",
          creatorId: userIds[k.creator ?? "admin@acme.test"],
          createdAt: k.createdAt,
          expiresAt: "expires" in k && k.expires ? new Date(k.expires) : null,
          lastUsedAt: "lastUsed" in k && k.lastUsed ? new Date(k.lastUsed) : null,
        });
      }
    }
    return true;
  });
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** A workspace with its built-in roles and members (exactly one of them "owner"). */
export async function seedWorkspace(
  tx: Tx,
  ws: { name: string; slug: string; plan: "free" | "small" | "business"; showSecretsOnce?: boolean },
  memberList: [userId: string, role: BuiltInRole][],
): Promise<{ workspaceId: string; roleIds: Record<BuiltInRole, string> }> {
  const [workspace] = await tx
    .insert(workspaces)
    .values({ name: ws.name, slug: ws.slug, plan: ws.plan, showSecretsOnce: ws.showSecretsOnce ?? false })
    .returning();
  const roleIds = await createBuiltInRoles(tx, workspace!.id);
  for (const [userId, role] of memberList) {
    const [member] = await tx.insert(members).values({ workspaceId: workspace!.id, userId }).returning();
    await tx.insert(memberRoles).values({ memberId: member!.id, roleId: roleIds[role], isOwner: role === "owner" });
  }
  return { workspaceId: workspace!.id, roleIds };
}

/**
 * A key with a fresh secret, stored encrypted unless the workspace shows secrets only once.
 * Bypasses the key rules (the limit of 10): for seeding only. Its "created" event is recorded as
 * createApiKey records it, by its creator at its creation time, so the audit log and the key's
 * trail begin where every other key's do.
 */
export async function seedKey(
  tx: Tx,
  k: {
    workspaceId: string;
    name: string;
    description?: string;
    roleId: string;
    isOwnerKey?: boolean;
    creatorId: string;
    createdAt: Date;
    expiresAt?: Date | null;
    lastUsedAt?: Date | null;
    storeSecret?: boolean;
  },
): Promise<string> {
  const id = generateKeyId();
  const secret = generateSecret();
  await tx.insert(apiKeys).values({
    id,
    workspaceId: k.workspaceId,
    name: k.name,
    description: k.description ?? "",
    secretHash: hashSecret(secret),
    secretCiphertext: k.storeSecret === false ? null : encryptSecret(secret, id),
    hint: secretHint(secret),
    isOwnerKey: k.isOwnerKey ?? false,
    createdByUserId: k.creatorId,
    createdAt: k.createdAt,
    updatedAt: k.createdAt,
    expiresAt: k.expiresAt ?? null,
    lastUsedAt: k.lastUsedAt ?? null,
  });
  await tx.insert(apiKeyRoles).values({ apiKeyId: id, roleId: k.roleId });
  const [creator] = await tx.select({ name: users.name }).from(users).where(eq(users.id, k.creatorId));
  const [role] = await tx.select({ name: roles.name }).from(roles).where(eq(roles.id, k.roleId));
  const expiresAt = k.expiresAt ?? null;
  await recordKeyEvent(tx, {
    workspaceId: k.workspaceId,
    type: "api_key.created",
    key: { id, name: k.name, hint: secretHint(secret), isOwnerKey: k.isOwnerKey ?? false, createdByUserId: k.creatorId, expiresAt },
    audit: {
      actor: { userId: k.creatorId, name: creator?.name ?? "", ip: null },
      action: "api_key.create",
      details: { roles: role ? [role.name] : [], expiresAt: expiresAt?.toISOString() ?? null },
      at: k.createdAt,
    },
  });
  return id;
}
