import { randomUUID } from "node:crypto";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { sharedSecrets, workspaces } from "@/db/schema";
import { auditActorOf, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record";
import { decryptSecret, encryptSecret } from "@/lib/crypto/aes";
import { fail, invalidInput, ok, type Result } from "@/lib/result";
import { refuse, requireCurrentPermission, transact } from "@/lib/transact";
import {
  requireSignedRequestsSchema,
  revealSharedSecretSchema,
  rotateSharedSecretSchema,
  ROTATION_GRACE_MS,
} from "@/lib/validations/signing";
import { generateSharedSecret, sharedSecretHint } from "./format";

/** Who manages the shared secret: a member (console) with their current permissions. */
export type SigningActor = Actor;

export type SharedSecretStatus = {
  /** Null while the workspace has no shared secret. */
  current: { hint: string; createdAt: string } | null;
  /** The rotated-away secret while its grace period lasts. */
  previous: { hint: string; validUntil: string } | null;
  requireSignedRequests: boolean;
};

const FORBIDDEN = "You don't have permission to manage the API shared secret";
const NONE_YET = "This workspace has no API shared secret yet. Create one first.";
const ALREADY_EXISTS = "This workspace already has an API shared secret. Rotate it to replace it.";
const TARGET_NAME = "API shared secret";

/** Bound as associated data: a ciphertext copied onto another row does not decrypt. */
export const sharedSecretContext = (id: string) => `shared_secret:${id}`;

const canManage = (actor: SigningActor) => actor.permissions.has("workspace:manage");


/**
 * Runs a change under a lock on the workspace row, so concurrent creations, rotations and
 * switches of one workspace happen one after the other; then tells every instance's caches.
 */
async function changeWorkspace<T>(actor: SigningActor, body: (tx: Executor) => Promise<T>): Promise<Result<T>> {
  return transact(
    async (tx, keyChanges) => {
      await requireCurrentPermission(tx, actor, "workspace:manage", FORBIDDEN);
      const [ws] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, actor.workspace.id)).for("update");
      if (!ws) refuse(fail("not_found", "Workspace not found"));
      const out = await body(tx);
      await keyChanges.add({ workspaceId: actor.workspace.id });
      return out;
    },
    { constraints: { shared_secrets_one_current_key: () => fail("conflict", ALREADY_EXISTS) } },
  );
}

async function currentSecret(db: Executor, workspaceId: string) {
  const [row] = await db
    .select()
    .from(sharedSecrets)
    .where(and(eq(sharedSecrets.workspaceId, workspaceId), isNull(sharedSecrets.retiredAt)))
    .limit(1);
  return row;
}

async function readStatus(db: Executor, workspaceId: string, now: Date): Promise<SharedSecretStatus> {
  const [ws] = await db
    .select({ requireSignedRequests: workspaces.requireSignedRequests })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const rows = await db
    .select({ hint: sharedSecrets.hint, createdAt: sharedSecrets.createdAt, retiredAt: sharedSecrets.retiredAt, validUntil: sharedSecrets.validUntil })
    .from(sharedSecrets)
    .where(eq(sharedSecrets.workspaceId, workspaceId));
  const current = rows.find((r) => r.retiredAt === null);
  const previous = rows
    .filter((r) => r.retiredAt !== null && r.validUntil !== null && r.validUntil > now)
    .sort((a, b) => b.validUntil!.getTime() - a.validUntil!.getTime())[0];
  return {
    current: current ? { hint: current.hint, createdAt: current.createdAt.toISOString() } : null,
    previous: previous ? { hint: previous.hint, validUntil: previous.validUntil!.toISOString() } : null,
    requireSignedRequests: ws?.requireSignedRequests ?? false,
  };
}

/** What the settings page shows: hints and dates only, never a secret. */
export async function getSharedSecretStatus(actor: SigningActor, now = new Date()): Promise<Result<SharedSecretStatus>> {
  if (!canManage(actor)) return fail("forbidden", FORBIDDEN);
  return ok(await readStatus(getDb(), actor.workspace.id, now));
}

async function insertSecret(tx: Executor, workspaceId: string, createdAt: Date) {
  const id = randomUUID();
  const secret = generateSharedSecret();
  const hint = sharedSecretHint(secret);
  await tx.insert(sharedSecrets).values({
    id,
    workspaceId,
    ciphertext: encryptSecret(secret, sharedSecretContext(id)),
    hint,
    createdAt,
  });
  return { id, hint };
}

/** Creates the workspace's shared secret; refused when it already has one (rotate instead). */
export async function createSharedSecret(actor: SigningActor): Promise<Result<SharedSecretStatus>> {
  if (!canManage(actor)) return fail("forbidden", FORBIDDEN);
  const now = new Date();
  return changeWorkspace(actor, async (tx) => {
    if (await currentSecret(tx, actor.workspace.id)) refuse(fail("conflict", ALREADY_EXISTS));
    const created = await insertSecret(tx, actor.workspace.id, now);
    await recordAuditEvent(tx, {
      workspaceId: actor.workspace.id,
      actor: auditActorOf(actor),
      action: "shared_secret.create",
      targetType: "shared_secret",
      targetId: created.id,
      targetName: TARGET_NAME,
      details: { hint: created.hint },
    });
    return readStatus(tx, actor.workspace.id, now);
  });
}

/** The current secret for "Reveal" or "Copy"; each one is an audit event. */
export async function revealSharedSecret(actor: SigningActor, purpose: unknown): Promise<Result<{ secret: string }>> {
  const parsed = revealSharedSecretSchema.safeParse({ purpose });
  if (!parsed.success) return invalidInput(parsed.error.issues);
  if (!canManage(actor)) return fail("forbidden", FORBIDDEN);
  // The permission is checked again as of now: a page loaded before a demotion reveals nothing.
  return transact(async (tx) => {
    await requireCurrentPermission(tx, actor, "workspace:manage", FORBIDDEN);
    const row = await currentSecret(tx, actor.workspace.id);
    if (!row) return refuse(fail("not_found", NONE_YET));
    const secret = decryptSecret(row.ciphertext, sharedSecretContext(row.id));
    await recordAuditEvent(tx, {
      workspaceId: actor.workspace.id,
      actor: auditActorOf(actor),
      action: parsed.data.purpose === "reveal" ? "shared_secret.reveal" : "shared_secret.copy",
      targetType: "shared_secret",
      targetId: row.id,
      targetName: TARGET_NAME,
      details: { hint: row.hint },
    });
    return { secret };
  });
}

/**
 * Replaces the current secret by a new one. The replaced one keeps working until the end of
 * the grace period; any older one stops at once, so at most two secrets are ever valid.
 */
export async function rotateSharedSecret(actor: SigningActor, input: unknown): Promise<Result<SharedSecretStatus>> {
  const parsed = rotateSharedSecretSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  if (!canManage(actor)) return fail("forbidden", FORBIDDEN);
  const { grace } = parsed.data;
  const now = new Date();
  const validUntil = new Date(now.getTime() + ROTATION_GRACE_MS[grace]);
  return changeWorkspace(actor, async (tx) => {
    const old = await currentSecret(tx, actor.workspace.id);
    if (!old) return refuse(fail("not_found", NONE_YET));
    await tx
      .delete(sharedSecrets)
      .where(and(eq(sharedSecrets.workspaceId, actor.workspace.id), isNotNull(sharedSecrets.retiredAt)));
    if (grace === "none") {
      await tx.delete(sharedSecrets).where(and(eq(sharedSecrets.id, old.id), eq(sharedSecrets.workspaceId, actor.workspace.id)));
    } else {
      await tx
        .update(sharedSecrets)
        .set({ retiredAt: now, validUntil })
        .where(and(eq(sharedSecrets.id, old.id), eq(sharedSecrets.workspaceId, actor.workspace.id)));
    }
    const created = await insertSecret(tx, actor.workspace.id, now);
    await recordAuditEvent(tx, {
      workspaceId: actor.workspace.id,
      actor: auditActorOf(actor),
      action: "shared_secret.rotate",
      targetType: "shared_secret",
      targetId: created.id,
      targetName: TARGET_NAME,
      details: {
        gracePeriod: grace,
        hint: created.hint,
        previousHint: old.hint,
        previousValidUntil: validUntil.toISOString(),
      },
    });
    return readStatus(tx, actor.workspace.id, now);
  });
}

/** Turns "Require signed requests" on or off; on is refused while there is no shared secret. */
export async function setRequireSignedRequests(actor: SigningActor, input: unknown): Promise<Result<SharedSecretStatus>> {
  const parsed = requireSignedRequestsSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  if (!canManage(actor)) return fail("forbidden", FORBIDDEN);
  const { enabled } = parsed.data;
  const now = new Date();
  return changeWorkspace(actor, async (tx) => {
    if (enabled && !(await currentSecret(tx, actor.workspace.id))) {
      refuse(fail("conflict", "Create an API shared secret before requiring signed requests."));
    }
    const [before] = await tx
      .select({ on: workspaces.requireSignedRequests })
      .from(workspaces)
      .where(eq(workspaces.id, actor.workspace.id));
    if (before?.on !== enabled) {
      await tx.update(workspaces).set({ requireSignedRequests: enabled }).where(eq(workspaces.id, actor.workspace.id));
      await recordAuditEvent(tx, {
        workspaceId: actor.workspace.id,
        actor: auditActorOf(actor),
        action: "workspace.update_settings",
        targetType: "workspace",
        targetId: actor.workspace.id,
        targetName: actor.workspace.name,
        details: { requireSignedRequests: { from: before?.on ?? false, to: enabled } },
      });
    }
    return readStatus(tx, actor.workspace.id, now);
  });
}
