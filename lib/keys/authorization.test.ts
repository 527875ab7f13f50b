import { beforeAll, describe, expect, it } from "vitest";
import { runWorkspaceAction } from "@/lib/auth/action";
import type { Result } from "@/lib/result";
import {
  createApiKey,
  deleteApiKey,
  getApiKey,
  listApiKeyAuditTrail,
  listApiKeys,
  modifyApiKey,
  revealApiKeySecret,
} from "./rules";
import { createTestRole } from "@/lib/testing/database";
import { createKey, createTeam, mustOk, setMemberRoles, snapshotWorkspace, uniqueName, withTestDatabase, type Team } from "@/lib/testing";
import type { KeyActor } from "./types";

// SPEC §3, as a table: every key operation, run the way the server actions run it (session →
// membership of the URL's workspace → domain function), by each kind of caller, against the
// owner key and another member's key.
withTestDatabase();

type Outcome = "ok" | "listed" | "not listed" | "not_found" | "forbidden" | "unauthenticated";
type Target = "ownerKey" | "memberKey";
type Op = "list" | "get" | "create" | "modify" | "reveal" | "copy" | "auditTrail" | "delete";
type Who = "Owner" | "Administrator" | "Standard" | "Read-only" | "member of another workspace" | "no session";

// [owner key, another member's key]; create has no target, so one outcome.
type Row = Record<Exclude<Op, "create">, [Outcome, Outcome]> & { create: Outcome };

const every = (o: Outcome): Row => ({
  list: [o, o],
  get: [o, o],
  create: o,
  modify: [o, o],
  reveal: [o, o],
  copy: [o, o],
  auditTrail: [o, o],
  delete: [o, o],
});

const MATRIX: Record<Who, Row> = {
  Owner: { ...every("ok"), list: ["listed", "listed"] },
  Administrator: {
    list: ["not listed", "listed"],
    get: ["not_found", "ok"],
    create: "ok",
    modify: ["not_found", "ok"],
    reveal: ["not_found", "ok"],
    copy: ["not_found", "ok"],
    auditTrail: ["not_found", "ok"],
    delete: ["not_found", "ok"],
  },
  // Standard sees and changes its own keys only (tested below); others' do not exist for it.
  Standard: { ...every("not_found"), list: ["not listed", "not listed"], create: "ok" },
  "Read-only": every("forbidden"),
  // The workspace itself is not found: its existence is not revealed.
  "member of another workspace": every("not_found"),
  "no session": every("unauthenticated"),
};

// Delete runs last: it is the one operation that removes its target.
const OPS: Op[] = ["list", "get", "create", "modify", "reveal", "copy", "auditTrail", "delete"];

type World = Team & { outsider: KeyActor; outsiderSlug: string; targets: Record<Target, string> };

async function createWorld(): Promise<World> {
  const team = await createTeam();
  const bob = await team.join(["standard"], "Bob Builder");
  const ownerKey = await createKey(team.owner, { name: "Owner key", roleIds: [team.ws.roleIds.owner] });
  const memberKey = await createKey(bob, { name: "bob's key" });
  // The outsider is the Owner of their own workspace: the most anyone outside can hold.
  const outside = await createTeam();
  return {
    ...team,
    outsider: outside.owner,
    outsiderSlug: outside.ws.slug,
    targets: { ownerKey: ownerKey.key.id, memberKey: memberKey.key.id },
  };
}

async function perform(actor: KeyActor, op: Op, keyId: string, world: World): Promise<Result<unknown>> {
  switch (op) {
    case "list":
      return listApiKeys(actor, { limit: 100 });
    case "get":
      return getApiKey(actor, keyId);
    case "create":
      return createApiKey(actor, { name: uniqueName("created"), roleIds: [world.ws.roleIds.read_only] });
    case "modify":
      return modifyApiKey(actor, keyId, { name: uniqueName("renamed") });
    case "reveal":
      return revealApiKeySecret(actor, keyId, "reveal");
    case "copy":
      return revealApiKeySecret(actor, keyId, "copy");
    case "auditTrail":
      return listApiKeyAuditTrail(actor, keyId);
    case "delete":
      return deleteApiKey(actor, keyId);
  }
}

/** Runs the operation through the server actions' wrapper, as `who` signed in (or not). */
async function attempt(world: World, who: Who, op: Op, keyId: string): Promise<Outcome> {
  const signedIn: Record<Who, KeyActor | null> = {
    Owner: world.owner,
    Administrator: world.admin,
    Standard: world.standard,
    "Read-only": world.readOnly,
    "member of another workspace": world.outsider,
    "no session": null,
  };
  const user = signedIn[who];
  const request = async () => ({ sessionUserId: user?.userId ?? null, ip: "203.0.113.7" });
  const result = await runWorkspaceAction(request, world.ws.slug, (actor) => perform(actor, op, keyId, world));
  if (!result.ok) return result.code as Outcome;
  if (op !== "list") return "ok";
  const page = result.data as { items: { id: string }[] };
  return page.items.some((k) => k.id === keyId) ? "listed" : "not listed";
}

const cases = (who: Who) =>
  OPS.flatMap((op) => {
    const row = MATRIX[who][op];
    if (typeof row === "string") return [{ op, target: "memberKey" as Target, expected: row }];
    return [
      { op, target: "ownerKey" as Target, expected: row[0] },
      { op, target: "memberKey" as Target, expected: row[1] },
    ];
  });

describe.each(Object.keys(MATRIX) as Who[])("%s", (who) => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  for (const { op, target, expected } of cases(who)) {
    const on = op === "create" ? "" : ` on ${target === "ownerKey" ? "the owner key" : "another member's key"}`;
    it(`${op}${on}: ${expected}`, async () => {
      const before = await snapshotWorkspace(world.ws.id);
      expect(await attempt(world, who, op, world.targets[target])).toBe(expected);
      // A refusal changes nothing: no key, role or audit event is written.
      if (expected !== "ok" && expected !== "listed") expect(await snapshotWorkspace(world.ws.id)).toEqual(before);
    });
  }
});

describe("own keys", () => {
  it("a Standard member gets, modifies, reveals, copies, reads the trail of and deletes their own key", async () => {
    const world = await createWorld();
    const own = await createKey(world.standard);
    for (const op of OPS) {
      expect(await attempt(world, "Standard", op, own.key.id), op).toBe(op === "list" ? "listed" : "ok");
    }
  });

  it("a member demoted to Read-only can no longer touch the key they created", async () => {
    const world = await createWorld();
    const member = await world.join(["standard"], "Demoted");
    const own = await createKey(member);
    const demoted = await setMemberRoles(world.ws, member.userId, [world.ws.roleIds.read_only]);
    const before = await snapshotWorkspace(world.ws.id);
    for (const op of OPS) {
      expect(await perform(demoted, op, own.key.id, world), op).toMatchObject({ code: "forbidden" });
    }
    expect(await snapshotWorkspace(world.ws.id)).toEqual(before);
  });
});

describe("seeing every key is not managing them", () => {
  it("a member with api_keys:read and api_keys:create but not api_keys:manage changes and reveals only their own keys", async () => {
    const world = await createWorld();
    const role = await createTestRole(world.ws.id, "Key reader", ["api_keys:read", "api_keys:create"]);
    const reader = await world.join([role], "Kim Reader");
    const own = await createKey(reader, { roleIds: [role] });
    const before = await snapshotWorkspace(world.ws.id);
    expect((await getApiKey(reader, world.targets.memberKey)).ok).toBe(true);
    expect(await modifyApiKey(reader, world.targets.memberKey, { name: "mine now" })).toMatchObject({ code: "forbidden" });
    expect(await deleteApiKey(reader, world.targets.memberKey)).toMatchObject({ code: "forbidden" });
    expect(await revealApiKeySecret(reader, world.targets.memberKey, "reveal")).toMatchObject({ code: "forbidden" });
    expect(await revealApiKeySecret(reader, world.targets.memberKey, "copy")).toMatchObject({ code: "forbidden" });
    expect(await getApiKey(reader, world.targets.ownerKey)).toMatchObject({ code: "not_found" });
    expect(await snapshotWorkspace(world.ws.id)).toEqual(before);
    expect(mustOk(await getApiKey(reader, world.targets.memberKey)).can).toEqual({ modify: false, delete: false, reveal: false });
    expect(mustOk(await getApiKey(reader, own.key.id)).can).toEqual({ modify: true, delete: true, reveal: true });
    expect((await modifyApiKey(reader, own.key.id, { name: "kim's renamed" })).ok).toBe(true);
    expect((await revealApiKeySecret(reader, own.key.id, "reveal")).ok).toBe(true);
  });
});

describe("a member of another workspace, acting in their own workspace", () => {
  it("finds none of our keys by id, lists none, and changes nothing", async () => {
    const world = await createWorld();
    const before = await snapshotWorkspace(world.ws.id);
    for (const keyId of Object.values(world.targets)) {
      for (const op of OPS.filter((o) => o !== "create" && o !== "list")) {
        expect(await perform(world.outsider, op, keyId, world), op).toMatchObject({ ok: false, code: "not_found" });
      }
    }
    const page = await listApiKeys(world.outsider, { limit: 100 });
    expect(page.ok && page.data.items.filter((k) => Object.values(world.targets).includes(k.id))).toEqual([]);
    expect(await snapshotWorkspace(world.ws.id)).toEqual(before);
  });
});

describe("the action wrapper", () => {
  it("refuses a session whose user no longer exists, and a malformed session id", async () => {
    const world = await createWorld();
    for (const sessionUserId of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", ""]) {
      const result = await runWorkspaceAction(async () => ({ sessionUserId, ip: null }), world.ws.slug, async () => ({
        ok: true as const,
        data: "ran",
      }));
      expect(result).toEqual({ ok: false, code: "unauthenticated", error: "Your session has ended. Sign in again." });
    }
  });

  it("answers an unknown or malformed workspace slug as not found, without running the action", async () => {
    const world = await createWorld();
    for (const slug of ["no-such-workspace", 42, { slug: world.ws.slug }, "x".repeat(101)]) {
      let ran = false;
      const result = await runWorkspaceAction(async () => ({ sessionUserId: world.admin.userId, ip: null }), slug, async () => {
        ran = true;
        return { ok: true as const, data: null };
      });
      expect(result).toEqual({ ok: false, code: "not_found", error: "Workspace not found" });
      expect(ran).toBe(false);
    }
  });

  it("turns an unexpected error into a generic one instead of throwing", async () => {
    const world = await createWorld();
    const result = await runWorkspaceAction(async () => ({ sessionUserId: world.admin.userId, ip: null }), world.ws.slug, async () => {
      throw new Error("simulated failure inside the action");
    });
    expect(result).toEqual({ ok: false, code: "internal", error: "Something went wrong. Nothing was changed; try again." });
  });

  it("hands the action the signed-in member of the URL's workspace as its actor", async () => {
    const world = await createWorld();
    const request = async () => ({ sessionUserId: world.admin.userId, ip: "198.51.100.9" });
    const result = await runWorkspaceAction(request, world.ws.slug, async (actor) => ({ ok: true as const, data: actor }));
    expect(result.ok && result.data).toMatchObject({
      workspace: { id: world.admin.workspace.id },
      userId: world.admin.userId,
      isOwner: false,
      name: expect.stringMatching(/^Adam Admin \(.+@example\.test\)$/),
      keyId: null,
      ip: "198.51.100.9",
    });
    expect(result.ok && [...result.data.permissions].sort()).toEqual([...world.admin.permissions].sort());
  });

  it("passes the client's address on to the audit trail", async () => {
    const world = await createWorld();
    const request = async () => ({ sessionUserId: world.admin.userId, ip: "198.51.100.23" });
    await runWorkspaceAction(request, world.ws.slug, (actor) => revealApiKeySecret(actor, world.targets.memberKey, "copy"));
    const trail = await listApiKeyAuditTrail(world.admin, world.targets.memberKey);
    expect(trail.ok && trail.data[0]).toMatchObject({ action: "api_key.copy", ip: "198.51.100.23" });
  });
});
