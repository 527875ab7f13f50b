/**
 * For e2e/process.spec.ts, on the embedded database in DATA_DIR (never while a server holds it):
 * `prepare` migrates and seeds it as `npm start` would and prints one demo key as {"id","secret"};
 * `last-used <id>` prints that key's {"lastUsedAt"}.
 */
import { and, eq, isNotNull, isNull, ne } from "drizzle-orm";
import { getDatabaseHandle } from "@/db/client";
import { prepareDatabase } from "@/lib/seed/prepare";
import { apiKeys, workspaces } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto/aes";

const [command, keyId] = process.argv.slice(2);
const handle = getDatabaseHandle();
if (command === "prepare") {
  await prepareDatabase();
  const [key] = await handle.db
    .select({ id: apiKeys.id, sealed: apiKeys.secretCiphertext })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .where(and(eq(apiKeys.isOwnerKey, false), isNotNull(apiKeys.secretCiphertext), isNull(apiKeys.expiresAt), ne(workspaces.plan, "free")))
    .limit(1);
  if (!key?.sealed) throw new Error("no demo key with a stored secret");
  process.stdout.write(JSON.stringify({ id: key.id, secret: decryptSecret(key.sealed, key.id) }) + "\n");
} else if (command === "last-used" && keyId) {
  const [key] = await handle.db.select({ lastUsedAt: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, keyId));
  process.stdout.write(JSON.stringify({ lastUsedAt: key?.lastUsedAt ?? null }) + "\n");
} else {
  throw new Error("usage: process-db.ts prepare | last-used <key id>");
}
await handle.close();
