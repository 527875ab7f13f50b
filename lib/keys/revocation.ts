import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

/**
 * Something changed that may alter what a verified key may do: one key (`keyId`), the keys of
 * one creator (`userId`: removed, roles changed), or every key of a workspace (a role's
 * permissions, the plan, signing settings).
 */
export type KeyChange = { workspaceId: string; keyId?: string; userId?: string };

export const KEY_CHANGE_CHANNEL = "keyward_key_changes";

type Listener = (change: KeyChange) => void;
const holder = globalThis as unknown as { __keywardKeyListeners?: Set<Listener> };
const listeners = () => (holder.__keywardKeyListeners ??= new Set());

/** Subscribes to key changes of this process and (through LISTEN/NOTIFY) of other instances. */
export function onKeyChange(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Delivers a change to this process's listeners (caches) at once. */
export function emitKeyChange(change: KeyChange): void {
  for (const listener of listeners()) listener(change);
}

/**
 * Announces a change from inside the writing transaction: NOTIFY reaches every instance
 * sharing the database when the transaction commits. Call `emitKeyChange` after the commit
 * too, so this instance does not wait for its own notification.
 */
export async function notifyKeyChange(tx: Executor, change: KeyChange): Promise<void> {
  await tx.execute(sql`select pg_notify(${KEY_CHANGE_CHANNEL}, ${JSON.stringify(change)})`);
}
