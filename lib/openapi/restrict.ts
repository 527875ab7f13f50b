import { describeRateLimit } from "@/lib/keys/restrictions";
import type { VerifiedKey } from "@/lib/keys/verify";
import { limitHeaders, type LimitDecision, type RateLimiter } from "@/lib/ratelimit";
import type { ApiCaller } from "./authenticate";
import { apiError, type ApiResponse } from "./errors";

/**
 * SPEC §10, after the key and its signature: the IP allowlist, then the rate limit. A key with
 * neither returns at the first line (no allocation, no promise); the in-process limiter answers
 * synchronously too, so only a Redis-limited key's request waits (for one round trip).
 */
export function restrict(caller: ApiCaller, limiter: RateLimiter): ApiCaller | ApiResponse | Promise<ApiCaller | ApiResponse> {
  const restrictions = caller.key.restrictions;
  if (restrictions === null) return caller;
  if (restrictions.allowlist && !restrictions.allowlist.allows(caller.ip)) {
    const refusal = apiError(403, "ip_not_allowed", `Requests from ${caller.ip} are not allowed for this API key.`);
    return withLimitHeaders(caller.key, refusal, limiter);
  }
  const rule = restrictions.rateLimit;
  if (rule === null) return caller;
  const decided = limiter.consume(caller.key.keyId, rule);
  return decided instanceof Promise ? decided.then((d) => admitWithin(caller, d)) : admitWithin(caller, decided);
}

function admitWithin(caller: ApiCaller, decision: LimitDecision): ApiCaller | ApiResponse {
  const headers = limitHeaders(decision);
  if (decision.allowed) {
    caller.headers = headers;
    return caller;
  }
  const rule = caller.key.restrictions!.rateLimit!;
  const message = `This API key is limited to ${describeRateLimit(rule)}. Retry in ${headers["retry-after"]} s.`;
  return apiError(429, "key_rate_limited", message, {}, headers);
}

/**
 * A key with a limit carries RateLimit-* on every response, also one refused before the limit
 * is asked (expired, bad signature, address not allowed): its state is read without counting.
 */
export function withLimitHeaders(key: VerifiedKey | null, response: ApiResponse, limiter: RateLimiter): ApiResponse | Promise<ApiResponse> {
  const rule = key?.restrictions?.rateLimit;
  if (!key || !rule) return response;
  const add = (d: LimitDecision): ApiResponse => ({
    ...response,
    // Not a refusal for the limit: no Retry-After of its own.
    headers: { ...limitHeaders({ ...d, allowed: true }), ...response.headers },
  });
  const peeked = limiter.peek(key.keyId, rule);
  return peeked instanceof Promise ? peeked.then(add, () => response) : add(peeked);
}

/** The caller's RateLimit-* headers on a response the route (or the permission check) made. */
export function withCallerHeaders(caller: ApiCaller, response: ApiResponse): ApiResponse {
  if (!caller.headers) return response;
  // One literal of one shape, not a spread of whichever response this is: a limited key's every
  // answer passes here, and the spread was a tenth of its CPU in our code (cpu-prof, issue #15).
  // Every field named (a field added to ApiResponse fails to compile here until it is carried).
  const answer: { [K in keyof Required<ApiResponse>]: ApiResponse[K] } = {
    status: response.status,
    body: response.body,
    json: response.json,
    headers: response.headers ? { ...caller.headers, ...response.headers } : caller.headers,
    keyId: response.keyId,
  };
  return answer;
}
