import { sql } from "drizzle-orm";
import type { DatabaseHandle, Executor } from "@/db/client";
import { log } from "@/lib/log";

/**
 * Revocation: how a change that alters what a verified key may do reaches every cache of every
 * instance. A writing transaction announces the change with NOTIFY (`KeyChanges.add`, delivered
 * by PostgreSQL only if it commits); after the commit this instance's own caches hear it at once
 * (`KeyChanges.emitAll`); other instances hear it through LISTEN (`listenForKeyChanges`).
 *
 * A change is one key (`keyId`), the keys of one creator (`userId`: removed, roles changed), or
 * every key of a workspace (a role's permissions, the plan, signing settings).
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

/** Changes announced inside one transaction, delivered to this process once it has committed. */
export class KeyChanges {
  private readonly pending: KeyChange[] = [];

  constructor(private readonly tx: Executor) {}

  /** NOTIFY from inside the transaction: every instance hears it when (and only if) it commits. */
  async add(change: KeyChange): Promise<void> {
    await this.tx.execute(sql`select pg_notify(${KEY_CHANGE_CHANNEL}, ${JSON.stringify(change)})`);
    this.pending.push(change);
  }

  /** After the commit: this instance need not wait for its own notification. */
  emitAll(): void {
    for (const change of this.pending) emitKeyChange(change);
  }
}

function parseChange(payload: string): KeyChange | null {
  try {
    const value = JSON.parse(payload) as Partial<KeyChange>;
    if (typeof value.workspaceId !== "string") return null;
    return {
      workspaceId: value.workspaceId,
      ...(typeof value.keyId === "string" ? { keyId: value.keyId } : {}),
      ...(typeof value.userId === "string" ? { userId: value.userId } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * Delivers key changes announced by any instance sharing the database (NOTIFY on
 * KEY_CHANGE_CHANNEL) to this process's listeners. `onSubscribed` runs each time the LISTEN
 * connection is (re)established: notifications sent while it was down are lost, so caches
 * must start over. Returns a function that stops listening.
 */
export async function listenForKeyChanges(
  handle: DatabaseHandle,
  onSubscribed: () => void = () => {},
): Promise<() => Promise<void>> {
  const deliver = (payload: string) => {
    const change = parseChange(payload);
    if (change) emitKeyChange(change);
    else log("warn", "ignored a malformed key change notification");
  };
  if (handle.kind === "postgres") {
    const { unlisten } = await handle.client.listen(KEY_CHANGE_CHANNEL, deliver, onSubscribed);
    return () => unlisten();
  }
  const unsubscribe = await handle.client.listen(KEY_CHANGE_CHANNEL, deliver);
  onSubscribed();
  return () => unsubscribe();
}
