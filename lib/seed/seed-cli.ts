import { getDatabaseHandle, migrateDatabase } from "@/db/client";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from "./seed";

const handle = getDatabaseHandle();
await migrateDatabase(handle);
const seeded = await seedDemoData(handle.db);
await handle.close();
console.log(
  seeded
    ? `Demo data seeded. Sign in with ${DEMO_USERS.map((u) => u.email).join(", ")} and the password "${DEMO_PASSWORD}".`
    : "The database already has users: demo data not seeded.",
);
