import { getDatabaseHandle, migrateDatabase } from "./client";

const handle = getDatabaseHandle();
await migrateDatabase(handle);
await handle.close();
console.log(JSON.stringify({ level: "info", msg: "migrations applied", driver: handle.kind }));
