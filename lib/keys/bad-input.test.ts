import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Result } from "@/lib/result";
import { createApiKey, deleteApiKey, getApiKey, listApiKeyAuditTrail, listApiKeys, modifyApiKey, revealApiKeySecret } from "./rules";
import { generateKeyId } from "./format";
import { createKey, createTeam, inDays, snapshotWorkspace, withTestDatabase, type Team } from "@/lib/testing";

// Whatever a client sends (server actions and the Open API are public endpoints), bad input gets
// an invalid_request naming the field, and nothing in the database changes.
withTestDatabase();

const TEN_KB = "x".repeat(10 * 1024);

let team: Team;
let keyId: string;
let foreignRoleId: string;
let foreignKeyId: string;
beforeAll(async () => {
  team = await createTeam();
  keyId = (await createKey(team.admin, { name: "untouched", description: "as created" })).key.id;
  const other = await createTeam();
  foreignRoleId = other.ws.roleIds.read_only;
  foreignKeyId = (await createKey(other.admin)).key.id;
});

/** Runs `attempt` and checks the refusal and that the workspace's keys, roles and events are as before. */
async function expectRefused(attempt: () => Promise<Result<unknown>>, expected: Record<string, unknown>) {
  const before = await snapshotWorkspace(team.ws.id);
  expect(await attempt()).toMatchObject({ ok: false, ...expected });
  expect(await snapshotWorkspace(team.ws.id)).toEqual(before);
}

const field = (name: string, message: string) => ({
  code: "invalid_request",
  error: `${name}: ${message}`,
  fieldErrors: { [name]: message },
});
const form = (message: string) => ({ code: "invalid_request", error: message, fieldErrors: { form: message } });

// Valid apart from what each case overrides.
const base = () => ({ name: "valid name", roleIds: [team.ws.roleIds.read_only] });

type Case = [label: string, input: () => Record<string, unknown>, expected: () => Record<string, unknown>];

const FIELD_CASES: Case[] = [
  ["empty name", () => ({ name: "" }), () => field("name", "Name is required")],
  ["51-character name", () => ({ name: "n".repeat(51) }), () => field("name", "Name must be at most 50 characters")],
  ["10 kB name", () => ({ name: TEN_KB }), () => field("name", "Name must be at most 50 characters")],
  ["name with a NUL", () => ({ name: "nul\u0000name" }), () => field("name", "Name must not contain control characters")],
  ["name with a newline", () => ({ name: "two\nlines" }), () => field("name", "Name must not contain control characters")],
  ["number as name", () => ({ name: 42 }), () => field("name", "Name must be text")],
  ["object as name", () => ({ name: { toString: "x" } }), () => field("name", "Name must be text")],
  ["array as name", () => ({ name: ["a", "b"] }), () => field("name", "Name must be text")],
  ["null name", () => ({ name: null }), () => field("name", "Name is required")],
  ["10 kB description", () => ({ description: TEN_KB }), () => field("description", "Description must be at most 200 characters")],
  ["number as description", () => ({ description: 7 }), () => field("description", "Description must be text")],
  ["no roles", () => ({ roleIds: [] }), () => field("roleIds", "Select at least one role")],
  ["a string as roles", () => ({ roleIds: "Administrator" }), () => field("roleIds", "Roles must be a list of role ids")],
  ["a number in roles", () => ({ roleIds: [42] }), () => field("roleIds", "Unknown role")],
  ["a malformed role id", () => ({ roleIds: ["administrator"] }), () => field("roleIds", "Unknown role")],
  ["a 10 kB role id", () => ({ roleIds: [TEN_KB] }), () => field("roleIds", "Unknown role")],
  ["an unknown role id", () => ({ roleIds: [randomUUID()] }), () => field("roleIds", "Unknown role")],
  ["another workspace's role id", () => ({ roleIds: [foreignRoleId] }), () => field("roleIds", "Unknown role")],
  ["21 role ids", () => ({ roleIds: Array.from({ length: 21 }, randomUUID) }), () => field("roleIds", "Select at most 20 roles")],
  ["a past expiry", () => ({ expiresAt: inDays(-1) }), () => field("expiresAt", "Expiry must be in the future")],
  ["an expiry that is not a date", () => ({ expiresAt: "tomorrow" }), () => field("expiresAt", "Expiry must be a date and time")],
  ["an expiry without time zone", () => ({ expiresAt: "2099-01-01T00:00:00" }), () => field("expiresAt", "Expiry must be a date and time")],
  ["an expiry as a number", () => ({ expiresAt: Date.now() + 1e9 }), () => field("expiresAt", "Expiry must be a date and time, or null for Permanent")],
  ["a 10 kB expiry", () => ({ expiresAt: TEN_KB }), () => field("expiresAt", "Expiry must be a date and time")],
  ["an unknown field", () => ({ isOwnerKey: true }), () => field("isOwnerKey", "Unknown field")],
  ["a creator of one's choosing", () => ({ createdByUserId: randomUUID() }), () => field("createdByUserId", "Unknown field")],
  ["a secret of one's choosing", () => ({ secret: `ak_${"A".repeat(32)}` }), () => field("secret", "Unknown field")],
];

describe("create refuses", () => {
  for (const [label, input, expected] of FIELD_CASES) {
    it(label, () => expectRefused(() => createApiKey(team.admin, { ...base(), ...input() }), expected()));
  }
  for (const [label, input] of [["null", null], ["a string", "name"], ["a number", 42], ["an array", []]] as const) {
    it(`${label} as the whole input`, () => expectRefused(() => createApiKey(team.admin, input), { code: "invalid_request", fieldErrors: { form: expect.any(String) } }));
  }
});

describe("modify refuses", () => {
  for (const [label, input, expected] of FIELD_CASES.filter(([label]) => label !== "null name")) {
    it(label, () => expectRefused(() => modifyApiKey(team.admin, keyId, input()), expected()));
  }
  it("an empty change", () => expectRefused(() => modifyApiKey(team.admin, keyId, {}), form("Nothing to change")));
  it("null as the change", () => expectRefused(() => modifyApiKey(team.admin, keyId, null), { code: "invalid_request" }));
});

describe("malformed or foreign key ids are not found, whatever the operation", () => {
  const ids: [string, () => string][] = [
    ["empty", () => ""],
    ["too short", () => "key_abc"],
    ["10 kB", () => `key_${TEN_KB}`],
    ["SQL", () => "key_' or '1'='1"],
    ["LIKE pattern", () => "key_%%%%%%%%%%%%%%%%"],
    ["well-formed but unknown", () => generateKeyId()],
    ["another workspace's key", () => foreignKeyId],
  ];
  for (const [label, id] of ids) {
    it(label, async () => {
      const admin = team.admin;
      for (const attempt of [
        () => getApiKey(admin, id()),
        () => modifyApiKey(admin, id(), { name: "hijacked" }),
        () => deleteApiKey(admin, id()),
        () => revealApiKeySecret(admin, id(), "reveal"),
        () => listApiKeyAuditTrail(admin, id()),
      ]) {
        await expectRefused(attempt, { code: "not_found", error: "API key not found" });
      }
    });
  }
});

describe("other operations refuse", () => {
  it("a reveal for an unknown purpose", () =>
    expectRefused(() => revealApiKeySecret(team.admin, keyId, "steal" as "reveal"), field("purpose", "Must be reveal or copy")));

  const listCases: [string, Record<string, unknown>, string][] = [
    ["a 10 kB search", { q: TEN_KB }, "q"],
    ["an unknown creator filter", { createdBy: "everyone" }, "createdBy"],
    ["a page size of 0", { limit: 0 }, "limit"],
    ["a page size of 1000", { limit: 1000 }, "limit"],
    ["a page size that is not a number", { limit: "all" }, "limit"],
    ["a 10 kB cursor", { cursor: TEN_KB }, "cursor"],
  ];
  for (const [label, input, name] of listCases) {
    it(`a list with ${label}`, async () => {
      const result = await listApiKeys(team.admin, input);
      expect(result).toMatchObject({ ok: false, code: "invalid_request", fieldErrors: { [name]: expect.any(String) } });
      expect(!result.ok && result.error.startsWith(`${name}: `)).toBe(true);
    });
  }
});
