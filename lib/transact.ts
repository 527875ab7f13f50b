import { getDb, type Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import type { Actor } from "@/lib/auth/actor";
import { loadMembership, type Membership } from "@/lib/auth/membership";
import type { Permission } from "@/lib/auth/permissions";
import { KeyChanges } from "@/lib/keys/revocation";
import { fail, ok, type Result } from "@/lib/result";

class Refusal extends Error {
  constructor(readonly result: Result<never>) {
    super(result.ok ? "refused" : result.error);
  }
}

/** Ends the transaction (rolled back) with this failed result. */
export const refuse = (result: Result<never>): never => {
  throw new Refusal(result);
};

export type TransactOptions = {
  /** Unique constraints the body may violate, by name, and the refusal each one means. */
  constraints?: Record<string, () => Result<never>>;
  db?: ReturnType<typeof getDb>;
};

/**
 * Every domain mutation's transaction. The body may `refuse()` with a result and announce key
 * changes with `keyChanges.add()`; those reach this instance's caches after the commit (other
 * instances hear the NOTIFY). A violation of a listed constraint becomes its refusal.
 */
export async function transact<T>(
  body: (tx: Executor, keyChanges: KeyChanges) => Promise<T>,
  { constraints = {}, db = getDb() }: TransactOptions = {},
): Promise<Result<T>> {
  let changes: KeyChanges | undefined;
  let value: T;
  try {
    value = await db.transaction(async (tx) => {
      changes = new KeyChanges(tx);
      return body(tx, changes);
    });
  } catch (err) {
    if (err instanceof Refusal) return err.result;
    for (const [name, refusal] of Object.entries(constraints)) if (isUniqueViolation(err, name)) return refusal();
    throw err;
  }
  changes?.emitAll();
  return ok(value);
}

/**
 * Re-checks inside the transaction that the actor is still a member holding one of `anyOf`,
 * locking their membership row (so a change to it waits for this transaction, and their own
 * concurrent changes run one after the other). Rules must not trust the permissions loaded
 * before the transaction: a page or key may be older than a role change. Returns the actor as
 * of now: a key actor keeps only what its key allows AND its creator still holds.
 */
export async function requireCurrentPermission(
  tx: Executor,
  actor: Actor,
  anyOf: Permission | readonly Permission[] | null,
  refusal: string,
): Promise<Actor & { membership: Membership }> {
  const membership = await loadMembership(actor.userId, { id: actor.workspace.id }, tx, { lock: true });
  if (!membership) return refuse(fail("forbidden", refusal));
  const permissions = actor.keyId
    ? new Set([...actor.permissions].filter((p) => membership.permissions.has(p)))
    : membership.permissions;
  const wanted = anyOf === null ? [] : typeof anyOf === "string" ? [anyOf] : anyOf;
  if (wanted.length > 0 && !wanted.some((p) => permissions.has(p))) refuse(fail("forbidden", refusal));
  const isOwner = actor.keyId ? actor.isOwner && membership.isOwner : membership.isOwner;
  return { ...actor, workspace: membership.workspace, permissions, isOwner, membership };
}
