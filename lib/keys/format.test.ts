import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "@/lib/crypto/aes";
import { generateKeyId, generateSecret, hashSecret, isKeyId, isWellFormedSecret, secretHint } from "./format";

describe("API key secrets", () => {
  it("are 35 characters: ak_ + 26 random base62 + 6 base62 checksum", () => {
    const secret = generateSecret();
    expect(secret).toHaveLength(35);
    expect(secret).toMatch(/^ak_[0-9A-Za-z]{32}$/);
    expect(isWellFormedSecret(secret)).toBe(true);
  });

  it("differ every time", () => {
    const seen = new Set(Array.from({ length: 2000 }, generateSecret));
    expect(seen.size).toBe(2000);
  });

  it("refuse a wrong checksum, length, prefix or alphabet", () => {
    const secret = generateSecret();
    const flipped = secret.slice(0, 10) + (secret[10] === "a" ? "b" : "a") + secret.slice(11);
    expect(isWellFormedSecret(flipped)).toBe(false);
    expect(isWellFormedSecret(secret.slice(0, 34))).toBe(false);
    expect(isWellFormedSecret(secret + "0")).toBe(false);
    expect(isWellFormedSecret("bk_" + secret.slice(3))).toBe(false);
    expect(isWellFormedSecret(secret.slice(0, 20) + "-" + secret.slice(21))).toBe(false);
    expect(isWellFormedSecret("")).toBe(false);
  });

  it("hash to hex SHA-256 and show a hint of 4 + 4 characters", () => {
    const secret = "ak_" + "A".repeat(26);
    expect(hashSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    // The FIPS 180-2 test vector: stored hashes stay valid whichever digest API computes them.
    expect(hashSecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const real = generateSecret();
    expect(secretHint(real)).toBe(`${real.slice(0, 7)}…${real.slice(-4)}`);
  });

  it("use key ids of key_ + 16 base62", () => {
    const id = generateKeyId();
    expect(isKeyId(id)).toBe(true);
    expect(isKeyId("key_short")).toBe(false);
  });
});

describe("secret encryption", () => {
  it("round-trips and is bound to the key id", () => {
    const secret = generateSecret();
    const sealed = encryptSecret(secret, "key_a");
    expect(sealed).not.toContain(secret);
    expect(decryptSecret(sealed, "key_a")).toBe(secret);
    expect(() => decryptSecret(sealed, "key_b")).toThrow();
  });

  it("cannot be opened with another encryption key", () => {
    const sealed = encryptSecret("ak_x", "key_a", Buffer.alloc(32, 1));
    expect(() => decryptSecret(sealed, "key_a", Buffer.alloc(32, 2))).toThrow();
  });
});
