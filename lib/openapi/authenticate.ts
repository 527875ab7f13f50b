import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { Permission } from "@/lib/auth/permissions";
import type { LastUsedRecorder } from "@/lib/keys/last-used";
import { screenDecoy } from "@/lib/leaks/decoy-uses";
import type { LeakServices } from "@/lib/leaks/services";
import type { UsageRecorder } from "@/lib/usage/recorder";
import { hashSecret, isWellFormedSecret, SECRET_LENGTH } from "@/lib/keys/format";
import { actorFromKey, type Actor } from "@/lib/auth/actor";
import { refusalOf, type KeyVerifier, type VerifiedKey } from "@/lib/keys/verify";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from "@/lib/signing/format";
import type { SignatureCheck, SignatureVerifier } from "@/lib/signing/verify";
import { clientAddress } from "./client-address";
import { AUTH_MESSAGES, apiError, forbidden, type ApiResponse } from "./errors";
import type { FailureThrottle } from "./failure-throttle";
import type { RateLimiter } from "@/lib/ratelimit";
import { restrict, withLimitHeaders } from "./restrict";

/** A request whose key was verified: the key, the caller's address, and the actor the key rules see. */
export type ApiCaller = {
  key: VerifiedKey;
  ip: string;
  readonly actor: Actor;
  /** RateLimit-* of a key with a rate limit (SPEC §10), for every response to this request. */
  headers?: Record<string, string>;
};

const headerValue = (value: string | string[] | undefined) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

/** The secret from X-Api-Key, DF-API-KEY or Authorization: Bearer, in that order; null when none is sent. */
export function presentedSecret(headers: IncomingHttpHeaders): string | null {
  const apiKey = headerValue(headers["x-api-key"]) ?? headerValue(headers["df-api-key"]);
  if (apiKey) return apiKey;
  const authorization = headers.authorization;
  if (typeof authorization === "string") {
    const match = /^Bearer[ \t]+(\S.*)$/i.exec(authorization.trim());
    if (match?.[1]) return match[1].trim();
  }
  return null;
}

export type AuthenticatorDeps = {
  verifier: KeyVerifier;
  throttle: FailureThrottle;
  lastUsed: LastUsedRecorder;
  trustProxy: boolean;
  /** Checks X-Timestamp and X-Signature for workspaces that require signed requests (SPEC §5.1). */
  signatures: SignatureVerifier;
  /** Per-key rate limits (SPEC §10): in process, or shared through Redis. */
  limiter: RateLimiter;
  /** Leak report limits, GitHub's keys, decoy use recording (SPEC §13). */
  leaks: LeakServices;
  /** Counts every request naming an existing key (SPEC §11); none when counting is off. */
  usage?: UsageRecorder;
};

export type AuthOutcome = ApiCaller | ApiResponse;

const EMPTY_BODY = Buffer.alloc(0);

const headerOf = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
};

/**
 * SPEC §5. Malformed secrets (length, format, checksum) are refused before any database work;
 * every other refusal comes from the hash look-up. The key is checked first: a valid key always
 * gets through, wherever it comes from. Only failures spend the address's throttle (shared by
 * every instance); once it is empty, every failure from that address gets 429 instead of 401.
 *
 * Answers synchronously when the cache knows the key (the hot path), with a promise on a miss.
 */
export function authenticate(
  req: IncomingMessage,
  deps: AuthenticatorDeps,
  rawBody: Buffer = EMPTY_BODY,
): AuthOutcome | Promise<AuthOutcome> {
  const secret = presentedSecret(req.headers);
  if (secret === null) return apiError(401, "missing_api_key", AUTH_MESSAGES.missing_api_key);
  const ip = clientAddress(req, deps.trustProxy);
  const now = Date.now();
  const wait = deps.throttle.retryAfter(ip);
  if (secret.length !== SECRET_LENGTH) return decide(null, ip, now, wait, deps);
  // A verified key's secret was well formed when created: the checksum is checked before the
  // database is asked, not before the in-memory cache.
  const hash = hashSecret(secret);
  const cached = deps.verifier.get(hash);
  // A decoy is answered exactly as an unknown key, on the same path; its use is only queued.
  if (cached) {
    const key = screenDecoy(cached, deps.leaks.decoys, ip, wait, req);
    return naming(cached, admit(key, decide(key, ip, now, wait, deps), req, rawBody, now, deps));
  }
  if (cached === null || !isWellFormedSecret(secret)) return decide(null, ip, now, wait, deps);
  return deps.verifier.fetch(hash).then((found) => {
    if (!found) return decide(null, ip, now, wait, deps);
    const key = screenDecoy(found, deps.leaks.decoys, ip, wait, req);
    return naming(found, admit(key, decide(key, ip, now, wait, deps), req, rawBody, now, deps));
  });
}

/** A refusal of an existing key says which key it was, so its usage counts it (never sent to the client). */
function naming(key: VerifiedKey, outcome: AuthOutcome | Promise<AuthOutcome>): AuthOutcome | Promise<AuthOutcome> {
  return outcome instanceof Promise ? outcome.then((o) => named(key, o)) : named(key, outcome);
}

function named(key: VerifiedKey, outcome: AuthOutcome): AuthOutcome {
  return isCaller(outcome) ? outcome : { ...outcome, keyId: key.keyId };
}

/**
 * SPEC §10's order after the key's own state: a workspace that requires signed requests needs a
 * valid signature (SPEC §5.1), then the key's IP allowlist and rate limit. The key counts as
 * "used" only once the route's permission check passes too (lib/openapi/app.ts): refusals never
 * touch "Last used". Keys without signing or restrictions stay on the synchronous path.
 */
function admit(
  key: VerifiedKey | null,
  outcome: AuthOutcome,
  req: IncomingMessage,
  rawBody: Buffer,
  now: number,
  deps: AuthenticatorDeps,
): AuthOutcome | Promise<AuthOutcome> {
  if (!isCaller(outcome)) return withLimitHeaders(key, outcome, deps.limiter);
  if (!outcome.key.workspace.requireSignedRequests) return restrict(outcome, deps.limiter);
  return deps.signatures
    .verify({
      workspaceId: outcome.key.workspace.id,
      method: req.method ?? "GET",
      pathWithQuery: req.url ?? "/",
      rawBody,
      timestamp: headerOf(req, TIMESTAMP_HEADER),
      signature: headerOf(req, SIGNATURE_HEADER),
      now,
      required: true,
    })
    .then((check: SignatureCheck) =>
      check.ok ? restrict(outcome, deps.limiter) : withLimitHeaders(key, apiError(401, check.code, check.message), deps.limiter),
    );
}

/** A class, not an object literal with a getter: this is built on every verified request. */
class KeyCaller implements ApiCaller {
  /** Declared here, not added later: every caller then has one shape, limited or not. */
  headers: Record<string, string> | undefined = undefined;

  constructor(
    readonly key: VerifiedKey,
    readonly ip: string,
  ) {}

  get actor(): Actor {
    return actorFromKey(this.key, this.ip);
  }
}

function decide(key: VerifiedKey | null, ip: string, now: number, wait: number, deps: AuthenticatorDeps): AuthOutcome {
  const refusal = key ? refusalOf(key, now) : "invalid_api_key";
  if (key && refusal === null) return new KeyCaller(key, ip);
  if (refusal === "plan_required") return apiError(402, "plan_required", AUTH_MESSAGES.plan_required);
  if (wait > 0) {
    return apiError(
      429,
      "rate_limited",
      `Too many failed authentication attempts from this address. Retry in ${wait} s.`,
      {},
      { "retry-after": String(wait) },
    );
  }
  deps.throttle.recordFailure(ip);
  const code = refusal ?? "invalid_api_key";
  return apiError(401, code, AUTH_MESSAGES[code]);
}

export function isCaller(value: AuthOutcome): value is ApiCaller {
  return "key" in value;
}

/** 403 unless the key holds one of `anyOf`. */
export function requirePermission(caller: ApiCaller, anyOf: readonly Permission[]): ApiResponse | null {
  return anyOf.some((p) => caller.key.permissionSet.has(p)) ? null : forbidden(anyOf);
}
