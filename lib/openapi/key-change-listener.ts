import type { DatabaseHandle } from "@/db/client";
import { emitKeyChange, KEY_CHANGE_CHANNEL, type KeyChange } from "@/lib/keys/revocation";
import { log } from "@/lib/log";

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
