import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type Config = {
  /** postgres://… of an external server; undefined means embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  authSecret: string;
  keyEncryptionKey: Buffer;
  lastUsedFlushMs: number;
  production: boolean;
};

type StoredSecrets = { authSecret: string; keyEncryptionKey: string };

export class ConfigError extends Error {}

function parseEncryptionKey(raw: string): Buffer {
  const trimmed = raw.trim();
  const buf = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (buf.length !== 32) {
    throw new ConfigError(
      "KEY_ENCRYPTION_KEY must be 32 bytes, as 64 hex characters or base64 (e.g. `openssl rand -base64 32`).",
    );
  }
  return buf;
}

/** Secrets of the embedded default: generated once, kept in DATA_DIR, readable by the owner only. */
function loadOrCreateStoredSecrets(dataDir: string): StoredSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as StoredSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: StoredSecrets = {
    authSecret: randomBytes(32).toString("base64url"),
    keyEncryptionKey: randomBytes(32).toString("base64"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
  return secrets;
}

function readConfig(env: NodeJS.ProcessEnv): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR?.trim() || ".data");
  const production = env.NODE_ENV === "production";
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}".`);
  const flush = Number(env.LAST_USED_FLUSH_MS ?? 60_000);
  if (!Number.isFinite(flush) || flush < 10) throw new ConfigError("LAST_USED_FLUSH_MS must be a number of milliseconds ≥ 10.");

  let authSecret = env.AUTH_SECRET?.trim() || env.NEXTAUTH_SECRET?.trim();
  let keyEncryptionKey = env.KEY_ENCRYPTION_KEY?.trim();
  if (!authSecret || !keyEncryptionKey) {
    if (databaseUrl && production) {
      const missing = [!authSecret && "AUTH_SECRET", !keyEncryptionKey && "KEY_ENCRYPTION_KEY"].filter(Boolean);
      throw new ConfigError(
        `${missing.join(" and ")} must be set when NODE_ENV=production with an external database (DATABASE_URL). ` +
          "Generate each with `openssl rand -base64 32`.",
      );
    }
    const stored = loadOrCreateStoredSecrets(dataDir);
    authSecret ??= stored.authSecret;
    keyEncryptionKey ??= stored.keyEncryptionKey;
  }
  return {
    databaseUrl,
    dataDir,
    port,
    authSecret,
    keyEncryptionKey: parseEncryptionKey(keyEncryptionKey),
    lastUsedFlushMs: flush,
    production,
  };
}

const holder = globalThis as unknown as { __keywardConfig?: Config };

/** The process's configuration, read once (shared by the custom server and Next's bundles). */
export function getConfig(): Config {
  holder.__keywardConfig ??= readConfig(process.env);
  return holder.__keywardConfig;
}

/** For tests that need another configuration. */
export function resetConfigForTests(): void {
  holder.__keywardConfig = undefined;
}
