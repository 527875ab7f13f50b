import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createApiKeySchema, listApiKeysSchema, modifyApiKeySchema } from "./api-keys";
import { auditLogQuerySchema } from "./audit-log";
import { isExactInstant } from "./cursors";
import { addMemberSchema } from "./members";
import { createRoleSchema } from "./roles";
import { renameWorkspaceSchema } from "./settings";
import { parseUrlQuery } from "./url-query";

const ROLE = "3d0b8e4a-7c2f-4f1e-8b6a-5e9d1c2a4b70";
const firstMessage = (schema: z.ZodType, input: unknown, field: string) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? null : (parsed.error.issues.find((i) => i.path[0] === field)?.message ?? null);
};

// Every schema with a display name, and what the rest of a valid input looks like.
const NAMED: [string, z.ZodType, (name: string) => unknown, string][] = [
  ["key", createApiKeySchema, (name) => ({ name, roleIds: [ROLE] }), "Name"],
  ["key change", modifyApiKeySchema, (name) => ({ name }), "Name"],
  ["role", createRoleSchema, (name) => ({ name, permissions: ["members:read"] }), "Name"],
  ["workspace", renameWorkspaceSchema, (name) => ({ name }), "Workspace name"],
  ["member", addMemberSchema, (name) => ({ email: "a@example.test", name, roleIds: [ROLE] }), "Name"],
];

const SPOOFS: [string, string][] = [
  ["a right-to-left override (U+202E)", "admin\u202Egpj.exe"],
  ["a zero-width space (U+200B)", "ad\u200Bmin"],
  ["a byte order mark inside (U+FEFF)", "ad\uFEFFmin"],
  ["a line separator (U+2028)", "ad\u2028min"],
  ["a paragraph separator (U+2029)", "ad\u2029min"],
  ["only a zero-width space", "\u200B"],
  ["a NUL", "ad\u0000min"],
  ["a C1 control character", "ad\u0085min"],
];

describe("display names refuse invisible and control characters, naming the field", () => {
  for (const [kind, schema, input, label] of NAMED) {
    for (const [what, name] of SPOOFS) {
      it(`${kind}: ${what}`, () => {
        const message = firstMessage(schema, input(name), "name");
        expect(message).toMatch(new RegExp(`^${label} (must not contain|is required)`));
      });
    }
    it(`${kind}: an ordinary name with accents and emoji passes`, () => {
      expect(schema.safeParse(input("Café déploiement 🚀")).success).toBe(true);
    });
  }

  it("keeps SPEC's messages and counts code points", () => {
    expect(firstMessage(createApiKeySchema, { name: "   ", roleIds: [ROLE] }, "name")).toBe("Name is required");
    expect(firstMessage(createApiKeySchema, { roleIds: [ROLE] }, "name")).toBe("Name is required");
    expect(createApiKeySchema.safeParse({ name: "🚀".repeat(50), roleIds: [ROLE] }).success).toBe(true);
    expect(firstMessage(createApiKeySchema, { name: "🚀".repeat(51), roleIds: [ROLE] }, "name")).toBe("Name must be at most 50 characters");
    expect(firstMessage(renameWorkspaceSchema, { name: "" }, "name")).toBe("Workspace name is required");
    expect(firstMessage(addMemberSchema, { email: "a@example.test", name: "x".repeat(101), roleIds: [ROLE] }, "name")).toBe(
      "Name must be at most 100 characters",
    );
  });

  it("lets a description keep tabs and newlines but not invisible characters", () => {
    expect(createApiKeySchema.safeParse({ name: "n", roleIds: [ROLE], description: "line one\n\tline two" }).success).toBe(true);
    expect(firstMessage(createApiKeySchema, { name: "n", roleIds: [ROLE], description: "a\u202Eb" }, "description")).toMatch(
      /^Description must not contain invisible/,
    );
    expect(firstMessage(createApiKeySchema, { name: "n", roleIds: [ROLE], description: "x".repeat(201) }, "description")).toBe(
      "Description must be at most 200 characters",
    );
  });
});

describe("list queries", () => {
  it("refuse a NUL in the search and ignore unknown parameters", () => {
    expect(firstMessage(listApiKeysSchema, { q: "a\u0000" }, "q")).toBe("Search must not contain control characters");
    expect(listApiKeysSchema.safeParse({ q: "ok", nonce: "1" }).success).toBe(true);
    expect(auditLogQuerySchema.safeParse({ nonce: "1" }).success).toBe(true);
  });

  it("check cursor instants against the calendar", () => {
    expect(isExactInstant("2026-12-01T21:00:00.123456Z")).toBe(true);
    for (const bad of ["2026-02-30T00:00:00.000000Z", "2026-01-01T24:00:00.000000Z", "0000-01-01T00:00:00.000000Z", "+275760-09-13T00:00:00.000000Z", "12345", 12345]) {
      expect(isExactInstant(bad), String(bad)).toBe(false);
    }
  });
});

describe("the console pages' URL query", () => {
  it("drops only the parameters the schema refuses, so /api-keys?q=%00 and /audit-log?cursor=<bad> render", () => {
    expect(parseUrlQuery(listApiKeysSchema, { q: "\u0000", sort: "name", createdBy: ["me", "anyone"] })).toMatchObject({
      q: "",
      sort: "name",
      createdBy: "me",
    });
    const keys = parseUrlQuery(listApiKeysSchema, { cursor: "garbage", q: "ci" });
    expect([keys.cursor, keys.q]).toEqual([undefined, "ci"]);
    const audit = parseUrlQuery(auditLogQuerySchema, { cursor: Buffer.from("o|2026-13-45T00:00:00.000000Z|1").toString("base64url"), action: "api_key.create" });
    expect(audit).toEqual({ action: "api_key.create", actor: undefined, cursor: undefined });
  });
});
