import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { log } from "@/lib/log";

/** Where GitHub publishes the keys it signs secret scanning alerts with. */
export const GITHUB_SECRET_SCANNING_KEYS_URL = "https://api.github.com/meta/public_keys/secret_scanning";
export const KEY_IDENTIFIER_HEADER = "github-public-key-identifier";
export const KEY_SIGNATURE_HEADER = "github-public-key-signature";

const publicKeysSchema = z.object({
  public_keys: z.array(z.object({ key_identifier: z.string(), key: z.string(), is_current: z.boolean().optional() })),
});

export type GitHubKeysOptions = {
  /** GITHUB_SECRET_SCANNING_KEYS_URL; GitHub's own by default. */
  url?: string;
  /** GITHUB_SECRET_SCANNING_KEYS_FILE: the same JSON, for closed networks (wins over `url`). */
  file?: string;
  /** How long a fetched set is used before it is fetched again. */
  ttlMs?: number;
  /** An unknown key identifier refetches the set, but not more often than this. */
  refetchAfterMs?: number;
  fetch?: typeof fetch;
};

export type SignatureCheck = { ok: true } | { ok: false };

const FETCH_TIMEOUT_MS = 5_000;

/**
 * GitHub's secret scanning public keys, by identifier: fetched (or read) once, kept about an hour,
 * refetched on an identifier it does not know at most once a minute (so a stream of made-up
 * identifiers costs one fetch a minute). A failed fetch keeps the keys it had.
 */
export class GitHubPublicKeys {
  readonly stats = { loads: 0 };
  private keys = new Map<string, KeyObject>();
  private loadedAt = -Infinity;
  private loading?: Promise<void>;
  private readonly ttlMs: number;
  private readonly refetchAfterMs: number;

  constructor(private readonly options: GitHubKeysOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60 * 60_000;
    this.refetchAfterMs = options.refetchAfterMs ?? 60_000;
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): GitHubPublicKeys {
    return new GitHubPublicKeys({
      url: env.GITHUB_SECRET_SCANNING_KEYS_URL?.trim() || undefined,
      file: env.GITHUB_SECRET_SCANNING_KEYS_FILE?.trim() || undefined,
    });
  }

  /** Whether `signature` (base64 DER, ECDSA P-256 / SHA-256) of `body` verifies under the key `identifier`. */
  async verify(identifier: string | undefined, signature: string | undefined, body: Buffer): Promise<SignatureCheck> {
    if (!identifier || !signature) return { ok: false };
    const key = await this.keyOf(identifier);
    if (!key) return { ok: false };
    try {
      return verify("sha256", body, { key, dsaEncoding: "der" }, Buffer.from(signature, "base64")) ? { ok: true } : { ok: false };
    } catch {
      return { ok: false };
    }
  }

  private async keyOf(identifier: string): Promise<KeyObject | undefined> {
    const age = performance.now() - this.loadedAt;
    if (age >= this.ttlMs || (!this.keys.has(identifier) && age >= this.refetchAfterMs)) await this.load();
    return this.keys.get(identifier);
  }

  private load(): Promise<void> {
    this.loading ??= this.read()
      .then((keys) => {
        this.keys = keys;
      })
      .catch((err: unknown) => log("warn", "could not load GitHub's secret scanning keys", { err }))
      .finally(() => {
        this.loadedAt = performance.now();
        this.loading = undefined;
      });
    return this.loading;
  }

  private async read(): Promise<Map<string, KeyObject>> {
    this.stats.loads++;
    const text = this.options.file ? await readFile(this.options.file, "utf8") : await this.download();
    const parsed = publicKeysSchema.parse(JSON.parse(text));
    const keys = new Map<string, KeyObject>();
    for (const entry of parsed.public_keys) {
      try {
        keys.set(entry.key_identifier, createPublicKey(entry.key));
      } catch {
        log("warn", "ignored a GitHub secret scanning key that is not a public key", { keyIdentifier: entry.key_identifier });
      }
    }
    return keys;
  }

  private async download(): Promise<string> {
    const res = await (this.options.fetch ?? fetch)(this.options.url ?? GITHUB_SECRET_SCANNING_KEYS_URL, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.text();
  }
}
