import { createHash, createHmac } from "node:crypto";
import { randomBase62 } from "@/lib/crypto/random";

export const SHARED_SECRET_PREFIX = "ss_";
const SHARED_SECRET_RANDOM_LENGTH = 43;
const SHARED_SECRET_PATTERN = /^ss_[0-9A-Za-z]{43}$/;

/** Allowed distance between X-Timestamp and the server clock, both ways (SPEC §5.1). */
export const SIGNATURE_WINDOW_SECONDS = 300;
export const SIGNATURE_VERSION = "v1";
export const TIMESTAMP_HEADER = "x-timestamp";
export const SIGNATURE_HEADER = "x-signature";

/** `ss_` + 43 base62 characters from a CSPRNG (≈256 bits). */
export function generateSharedSecret(): string {
  return SHARED_SECRET_PREFIX + randomBase62(SHARED_SECRET_RANDOM_LENGTH);
}

export function isSharedSecret(value: string): boolean {
  return SHARED_SECRET_PATTERN.test(value);
}

/** What the settings page shows: `ss_` + first 4 random characters + `…` + last 4. */
export function sharedSecretHint(secret: string): string {
  return `${secret.slice(0, SHARED_SECRET_PREFIX.length + 4)}…${secret.slice(-4)}`;
}

export function sha256Hex(body: Buffer | string): string {
  return createHash("sha256").update(body).digest("hex");
}

/**
 * The signed text: timestamp, method, path with query and body hash, one per line. The
 * timestamp is the header's text as sent and the path is the request target as sent, so
 * the client and the server never disagree about a normalisation.
 */
export function signatureBaseString(parts: {
  timestamp: string;
  method: string;
  pathWithQuery: string;
  body: Buffer | string;
}): string {
  return [parts.timestamp, parts.method.toUpperCase(), parts.pathWithQuery, sha256Hex(parts.body)].join("\n");
}

/** Hex HMAC-SHA256 of the base string under the shared secret. */
export function computeSignature(
  secret: string,
  parts: { timestamp: string; method: string; pathWithQuery: string; body: Buffer | string },
): string {
  return createHmac("sha256", secret).update(signatureBaseString(parts)).digest("hex");
}

/**
 * The two headers of a signed Open API request. `timestamp` defaults to now (Unix seconds).
 * Used by tests, the README and the e2e; integrations do the same in their own language.
 */
export function signRequest({
  secret,
  method,
  pathWithQuery,
  body = "",
  timestamp = Math.floor(Date.now() / 1000),
}: {
  secret: string;
  method: string;
  pathWithQuery: string;
  body?: Buffer | string;
  timestamp?: number | string;
}): { "X-Timestamp": string; "X-Signature": string } {
  const ts = String(timestamp);
  const signature = computeSignature(secret, { timestamp: ts, method, pathWithQuery, body });
  return { "X-Timestamp": ts, "X-Signature": `${SIGNATURE_VERSION}=${signature}` };
}
