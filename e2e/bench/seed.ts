import path from "node:path";
import { and, eq } from "drizzle-orm";
import { migrateDatabase, openPglite } from "@/db/client";
import { seedDemoData } from "@/lib/seed/seed";
import { apiKeyRoles, apiKeys, memberRoles, members, roles, users, workspaces } from "@/db/schema";
import { generateKeyId, generateSecret, hashSecret, secretHint } from "@/lib/keys/format";

export type BenchData = { warmSecret: string; coldSecrets: string[] };

const chunks = <T>(list: T[], size: number) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * A fresh embedded database in `dataDir` with the demo data, one Administrator key of
 * admin@acme.test (the warm key) and `coldKeys` Read-only keys spread over members of Acme,
 * ten each (the per-member limit), written directly: the benchmark measures verification,
 * not creation.
 */
export async function prepareBenchDatabase(dataDir: string, coldKeys: number): Promise<BenchData> {
  const handle = openPglite(path.join(dataDir, "pgdata"));
  try {
    await migrateDatabase(handle);
    await seedDemoData(handle.db);
    const db = handle.db;
    const [acme] = await db.select().from(workspaces).where(eq(workspaces.slug, "acme"));
    const [admin] = await db.select().from(users).where(eq(users.email, "admin@acme.test"));
    const roleId = async (builtIn: "administrator" | "standard" | "read_only") => {
      const [role] = await db.select({ id: roles.id }).from(roles).where(and(eq(roles.workspaceId, acme!.id), eq(roles.builtIn, builtIn)));
      return role!.id;
    };
    const [administrator, standard, readOnly] = await Promise.all([roleId("administrator"), roleId("standard"), roleId("read_only")]);

    const keyRow = (secret: string, userId: string, name: string) => ({
      id: generateKeyId(),
      workspaceId: acme!.id,
      name,
      secretHash: hashSecret(secret),
      secretCiphertext: null,
      hint: secretHint(secret),
      createdByUserId: userId,
    });

    const warmSecret = generateSecret();
    const warm = keyRow(warmSecret, admin!.id, "bench warm key");
    await db.insert(apiKeys).values(warm);
    await db.insert(apiKeyRoles).values({ apiKeyId: warm.id, roleId: administrator });

    const memberCount = Math.ceil(coldKeys / 10);
    const benchUsers = await db
      .insert(users)
      .values(Array.from({ length: memberCount }, (_, i) => ({ email: `bench-${i}@bench.test`, name: `Bench ${i}`, passwordHash: null })))
      .returning({ id: users.id });
    const benchMembers = await db
      .insert(members)
      .values(benchUsers.map((u) => ({ workspaceId: acme!.id, userId: u.id })))
      .returning({ id: members.id });
    await db.insert(memberRoles).values(benchMembers.map((m) => ({ memberId: m.id, roleId: standard })));

    const coldSecrets = Array.from({ length: coldKeys }, generateSecret);
    const rows = coldSecrets.map((secret, i) => keyRow(secret, benchUsers[Math.floor(i / 10)]!.id, `bench cold ${i}`));
    for (const chunk of chunks(rows, 1_000)) {
      await db.insert(apiKeys).values(chunk);
      await db.insert(apiKeyRoles).values(chunk.map((k) => ({ apiKeyId: k.id, roleId: readOnly })));
    }
    return { warmSecret, coldSecrets };
  } finally {
    await handle.close();
  }
}
