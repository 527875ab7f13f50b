import type { IncomingMessage, ServerResponse } from "node:http";
import type { Executor } from "@/db/client";
import { getConfig } from "@/lib/config";
import { onKeyChange } from "@/lib/keys/revocation";
import { LastUsedRecorder, type LastUsedStats } from "@/lib/keys/last-used";
import { KeyVerifier, type VerifierOptions, type VerifierStats } from "@/lib/keys/verify";
import { closeLeakServices, createLeakServices, type LeakServiceOptions } from "@/lib/leaks/services";
import { SignatureVerifier } from "@/lib/signing/verify";
import { UsageRecorder, type UsageStats } from "@/lib/usage/recorder";
import { usageCountingFromEnv, usageFlushMsFromEnv } from "@/lib/usage/config";
import { buildOpenApiApp } from "./app";
import { fastPath } from "./fast-path";
import type { AuthenticatorDeps } from "./authenticate";
import { trustProxyFromEnv } from "./client-address";
import { FailureThrottle, type ThrottleOptions } from "./failure-throttle";
import { ROUTES } from "./routes";
import { createRateLimiter, type LimiterHooks, type RateLimiter } from "@/lib/ratelimit";
import { rateLimitedWebhooks } from "@/lib/webhooks/rate-limited";
import { setBaselineHeaders } from "@/lib/server/http-guards";

export type OpenApiOptions = {
  /**
   * The process's database, from its start-up: the verifier, "last used", signatures and the read
   * routes query through it (the key rules in lib/keys still reach the process handle themselves).
   */
  db: () => Executor;
  /** "Last used" flush interval; default LAST_USED_FLUSH_MS. */
  lastUsedFlushMs?: number;
  trustProxy?: boolean;
  throttle?: ThrottleOptions;
  cache?: Omit<VerifierOptions, "db">;
  /** Default: from REDIS_URL (shared across instances), else in process. Closed with the handler. */
  limiter?: RateLimiter;
  /** Default: the webhook `api_key.rate_limited` (SPEC §12, at most once per key per hour). */
  rateLimitHooks?: LimiterHooks;
  /** Leak report limits, GitHub's keys (default: from the environment), the decoy use queue. */
  leaks?: LeakServiceOptions;
  /** Usage counting (SPEC §11): flush interval (default USAGE_FLUSH_MS), or false for none. */
  usage?: { flushMs?: number } | false;
};

export type OpenApiStats = { verifier: VerifierStats; lastUsed: LastUsedStats; cachedKeys: number; usage?: UsageStats };

export type OpenApiHandler = {
  /** Answers one /api/v1/* request, with the baseline security headers (lib/server/http-guards.ts). */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  services: AuthenticatorDeps;
  stats: () => OpenApiStats;
  /** Forgets every verified key (e.g. after notifications from other instances may have been lost). */
  clearCache: () => void;
  /** Writes pending "last used" and usage counts now. */
  flush: () => Promise<void>;
  /** Stops following key changes and writes pending "last used". */
  close: () => Promise<void>;
};

/** The Open API fast path: verified-key cache, "last used" coalescing and failure throttling around the routes. */
export async function createOpenApiHandler(options: OpenApiOptions): Promise<OpenApiHandler> {
  const { db } = options;
  const verifier = new KeyVerifier({ db, ...options.cache });
  const lastUsed = new LastUsedRecorder({ db, flushMs: options.lastUsedFlushMs ?? getConfig().lastUsedFlushMs });
  const usageOption = options.usage ?? (usageCountingFromEnv() ? {} : false);
  const usage = usageOption ? new UsageRecorder({ db, flushMs: usageOption.flushMs ?? usageFlushMsFromEnv() }) : undefined;
  const services: AuthenticatorDeps = {
    usage,
    verifier,
    lastUsed,
    throttle: new FailureThrottle({ db, ...options.throttle }),
    trustProxy: options.trustProxy ?? trustProxyFromEnv(),
    signatures: new SignatureVerifier({ db }),
    limiter: options.limiter ?? createRateLimiter(options.rateLimitHooks ?? rateLimitedWebhooks(db)),
    leaks: createLeakServices(db, options.leaks),
  };
  await services.limiter.ready?.().catch(() => undefined); // Logged by the limiter; requests fall back meanwhile.
  const app = await buildOpenApiApp(ROUTES, services, db);
  const answeredFast = fastPath(ROUTES, services, db);
  const stopFollowing = onKeyChange((change) => verifier.invalidate(change));
  lastUsed.start();
  usage?.start();

  return {
    handle: (req, res) => {
      if (answeredFast(req, res)) return;
      setBaselineHeaders(res, true);
      app.routing(req, res);
    },
    services,
    stats: () => ({ verifier: { ...verifier.stats }, lastUsed: { ...lastUsed.stats }, cachedKeys: verifier.cachedKeys, usage: usage && { ...usage.stats } }),
    clearCache: () => {
      verifier.clear();
      services.signatures.invalidate();
    },
    flush: async () => {
      await Promise.all([lastUsed.flush(), services.leaks.decoys.flush(), usage?.flush()]);
    },
    close: async () => {
      stopFollowing();
      services.throttle.close();
      await closeLeakServices(services.leaks);
      await lastUsed.close();
      await usage?.close();
      await app.close();
      await services.signatures.close();
      await services.limiter.close();
    },
  };
}
