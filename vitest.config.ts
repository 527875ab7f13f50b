import path from "node:path";
import { defineConfig } from "vitest/config";

const external = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["{lib,db,components}/**/*.test.ts"],
    environment: "node",
    globalSetup: ["db/test-global-setup.ts"],
    env: { KEY_ENCRYPTION_KEY: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", AUTH_SECRET: "test-secret" },
    // One server database is shared by every file; each test makes its own workspace, but
    // concurrency tests measure lock contention, so files run one at a time there.
    fileParallelism: !external,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
