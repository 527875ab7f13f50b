/**
 * Seeds the e2e database: SPEC §7's demo data, then workspaces only the e2e suite uses (see
 * E2E_USERS). Runs before the server starts, on DATABASE_URL or on the embedded DATA_DIR.
 */
import { getDatabaseHandle, migrateDatabase } from "@/db/client";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { DEMO_PASSWORD, seedDemoData, seedKey, seedWorkspace } from "@/lib/seed/seed";
import { hashPassword } from "@/lib/auth/password";
import { E2E_USERS, PAGING_KEYS, pagingKeyName } from "./users";

const handle = getDatabaseHandle();
await migrateDatabase(handle);
if (!(await seedDemoData(handle.db))) throw new Error("The e2e database must be fresh");

const passwordHash = await hashPassword(DEMO_PASSWORD);
await handle.db.transaction(async (tx) => {
  const addUser = async (email: string, name: string) => {
    const [row] = await tx.insert(users).values({ email, name, passwordHash }).returning({ id: users.id });
    return row!.id;
  };

  // "Paging": 120 keys, 10 per Administrator (the limit), one minute apart, newest first.
  const pager = await addUser(E2E_USERS.pager, "Paige Pager");
  const admins: string[] = [];
  for (let i = 1; i <= PAGING_KEYS / 10; i++) admins.push(await addUser(`pager-admin-${i}@e2e.test`, `Pager Admin ${i}`));
  const paging = await seedWorkspace(tx, { name: "Paging", slug: "paging", plan: "small" }, [
    [pager, "owner"],
    ...admins.map((id): [string, "administrator"] => [id, "administrator"]),
  ]);
  const newest = Date.UTC(2025, 5, 1, 12);
  for (let i = 1; i <= PAGING_KEYS; i++) {
    await seedKey(tx, {
      workspaceId: paging.workspaceId,
      name: pagingKeyName(i),
      roleId: paging.roleIds.read_only,
      creatorId: admins[(i - 1) % admins.length]!,
      createdAt: new Date(newest - i * 60_000),
    });
  }

  // "Once": secrets are shown only once, so none is stored.
  const onceOwner = await addUser(E2E_USERS.onceOwner, "Oona Once");
  const newcomer = await addUser(E2E_USERS.newcomer, "Ned Newcomer");
  const once = await seedWorkspace(tx, { name: "Once", slug: "once", plan: "small", showSecretsOnce: true }, [
    [onceOwner, "owner"],
    [newcomer, "standard"],
  ]);
  await seedKey(tx, {
    workspaceId: once.workspaceId,
    name: "once-seeded",
    roleId: once.roleIds.read_only,
    creatorId: onceOwner,
    createdAt: new Date(newest),
    storeSecret: false,
  });

  // "Lifecycle": SPEC §9 (roll, disable, bulk, expiring) on keys of its own; one expires in 3 days.
  const lifecycleAdmin = await addUser(E2E_USERS.lifecycleAdmin, "Lena Lifecycle");
  const lifecycle = await seedWorkspace(tx, { name: "Lifecycle", slug: "lifecycle", plan: "small" }, [
    [await addUser(E2E_USERS.lifecycleOwner, "Lars Lifecycle"), "owner"],
    [lifecycleAdmin, "administrator"],
  ]);
  const seeded = (name: string, expiresAt: Date | null, minutesAgo: number) =>
    seedKey(tx, {
      workspaceId: lifecycle.workspaceId,
      name,
      roleId: lifecycle.roleIds.read_only,
      creatorId: lifecycleAdmin,
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
      expiresAt,
    });
  await seeded("expires-soon", new Date(Date.now() + 3 * 86_400_000 + 3_600_000), 10);
  await seeded("permanent-one", null, 9);

  // "Lingua": its Owner switches the console's language (e2e/i18n-language.spec.ts); nobody else signs in as them.
  const polyglot = await addUser(E2E_USERS.polyglot, "Polly Glot");
  const lingua = await seedWorkspace(tx, { name: "Lingua", slug: "lingua", plan: "small" }, [[polyglot, "owner"]]);
  await seedKey(tx, { workspaceId: lingua.workspaceId, name: "lingua-key", roleId: lingua.roleIds.read_only, creatorId: polyglot, createdAt: new Date(newest) });

  // "Signed": Acme's Owner requires signed requests here (e2e/shared-secret.spec.ts), so that no
  // other spec calling the Open API with an Acme key meets that switch turned on.
  const [acmeOwner] = await tx.select({ id: users.id }).from(users).where(eq(users.email, "owner@acme.test"));
  await seedWorkspace(tx, { name: "Signed", slug: "signed", plan: "small" }, [[acmeOwner!.id, "owner"]]);

  // "Quiet": a paid workspace without keys, whose key settings the Settings spec may toggle.
  await seedWorkspace(tx, { name: "Quiet", slug: "quiet", plan: "small" }, [[pager, "owner"]]);
});
await handle.close();
console.log("e2e database seeded: demo data, Paging, Once, Lifecycle, Lingua, Signed and Quiet.");
