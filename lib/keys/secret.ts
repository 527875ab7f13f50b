import { createHash, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const SECRET_PREFIX = "ak_";
export const SECRET_LENGTH = 35;
const RANDOM_LENGTH = 26;
const CHECKSUM_LENGTH = 6;
const SECRET_PATTERN = /^ak_[0-9A-Za-z]{32}$/;
const KEY_ID_PATTERN = /^key_[0-9A-Za-z]{16}$/;

/** Uniform base62 from a CSPRNG: bytes ≥ 248 are rejected so no character is favoured. */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

function toBase62Fixed(value: number, width: number): string {
  let out = "";
  let rest = value;
  for (let i = 0; i < width; i++) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

function checksumOf(body: string): string {
  return toBase62Fixed(crc32(body), CHECKSUM_LENGTH);
}

/** `ak_` + 26 random base62 (≈155 bits) + 6 base62 of the CRC32 of the first 29 characters. */
export function generateSecret(): string {
  const body = SECRET_PREFIX + randomBase62(RANDOM_LENGTH);
  return body + checksumOf(body);
}

/** Format and checksum only: lets garbage be refused before any database work. */
export function isWellFormedSecret(value: string): boolean {
  if (value.length !== SECRET_LENGTH || !SECRET_PATTERN.test(value)) return false;
  const body = value.slice(0, SECRET_LENGTH - CHECKSUM_LENGTH);
  return checksumOf(body) === value.slice(SECRET_LENGTH - CHECKSUM_LENGTH);
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** What lists show: `ak_` + first 4 random chars + `…` + last 4 chars. */
export function secretHint(secret: string): string {
  return `${secret.slice(0, SECRET_PREFIX.length + 4)}…${secret.slice(-4)}`;
}

export function generateKeyId(): string {
  return `key_${randomBase62(16)}`;
}

export function isKeyId(value: string): boolean {
  return KEY_ID_PATTERN.test(value);
}
