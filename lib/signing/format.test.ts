import { describe, expect, it } from "vitest";
import {
  computeSignature,
  generateSharedSecret,
  isSharedSecret,
  sharedSecretHint,
  signatureBaseString,
  signRequest,
} from "./format";

// Vectors computed independently with OpenSSL, e.g. for the first:
//   B=$(printf '' | openssl dgst -sha256 -r | cut -d' ' -f1)
//   printf '%s\n%s\n%s\n%s' 1700000000 GET '/api/v1/keys?q=prod&limit=5' "$B" \
//     | openssl dgst -sha256 -hmac 'ss_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg' -r
const SECRET = "ss_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg";
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const VECTORS = [
  {
    timestamp: "1700000000",
    method: "GET",
    pathWithQuery: "/api/v1/keys?q=prod&limit=5",
    body: "",
    bodySha256: EMPTY_SHA256,
    signature: "84c9a0a442c96d84978c71635542117ecac2fca84b1fbaa03c8a7436cc5466cc",
  },
  {
    timestamp: "1700000123",
    method: "POST",
    pathWithQuery: "/api/v1/keys",
    body: '{"name":"ci deploy","roleIds":["5f0c6a1e-8d3b-4c2a-9e7f-1a2b3c4d5e6f"]}',
    bodySha256: "97b1bd766ee75de9e3f862219c3819183337e4ab843428586462a87900983d16",
    signature: "30806d0d0286c7d7d730ee4c8571a43c0442a5e06b270c0481b4742c2388f807",
  },
  {
    // printf 'h\xc3\xa9llo': the body's bytes are hashed, not its characters.
    timestamp: "1700000200",
    method: "PATCH",
    pathWithQuery: "/api/v1/keys/key_AbCdEfGhIjKlMnOp",
    body: Buffer.from("héllo", "utf8"),
    bodySha256: "3c48591d8d098a4538f5e013dfcf406e948eac4d3277b10bf614e295d6068179",
    signature: "df2de02e8b797d9b45cab1ec7528f516cf2ea283afe0fa9d94d90552b10bc113",
  },
];

describe("signature base string and HMAC (SPEC §5.1)", () => {
  it("joins timestamp, METHOD, path with query and the body's hex SHA-256 with newlines", () => {
    const v = VECTORS[0]!;
    expect(signatureBaseString(v)).toBe(`1700000000\nGET\n/api/v1/keys?q=prod&limit=5\n${EMPTY_SHA256}`);
    expect(signatureBaseString({ ...v, method: "get" })).toBe(signatureBaseString(v));
  });

  for (const v of VECTORS) {
    it(`matches the OpenSSL vector for ${v.method} ${v.pathWithQuery}`, () => {
      expect(signatureBaseString(v).split("\n")[3]).toBe(v.bodySha256);
      expect(computeSignature(SECRET, v)).toBe(v.signature);
      expect(signRequest({ secret: SECRET, ...v })).toEqual({ "X-Timestamp": v.timestamp, "X-Signature": `v1=${v.signature}` });
    });
  }

  it("changes with every signed part", () => {
    const v = VECTORS[1]!;
    const variants = [
      { ...v, timestamp: "1700000124" },
      { ...v, method: "PUT" },
      { ...v, pathWithQuery: "/api/v1/keys?" },
      { ...v, body: v.body + " " },
    ];
    for (const variant of variants) expect(computeSignature(SECRET, variant)).not.toBe(v.signature);
    expect(computeSignature(SECRET.slice(0, -1) + "h", v)).not.toBe(v.signature);
  });

  it("signs with the current time by default", () => {
    const before = Math.floor(Date.now() / 1000);
    const headers = signRequest({ secret: SECRET, method: "GET", pathWithQuery: "/api/v1/me" });
    expect(Number(headers["X-Timestamp"])).toBeGreaterThanOrEqual(before);
    expect(headers["X-Signature"]).toMatch(/^v1=[0-9a-f]{64}$/);
  });
});

describe("shared secrets", () => {
  it("are ss_ + 43 base62 characters, different every time", () => {
    const secrets = new Set(Array.from({ length: 1000 }, generateSharedSecret));
    expect(secrets.size).toBe(1000);
    for (const s of secrets) expect(isSharedSecret(s)).toBe(true);
    expect(isSharedSecret(SECRET)).toBe(true);
    expect(isSharedSecret(SECRET.slice(0, -1))).toBe(false);
    expect(isSharedSecret("ak_" + SECRET.slice(3))).toBe(false);
  });

  it("show a hint of the first and last 4 characters", () => {
    expect(sharedSecretHint(SECRET)).toBe("ss_0123…defg");
  });
});
