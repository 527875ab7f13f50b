import type { VerifiedKey } from "@/lib/keys/verify";
import { EXAMPLES } from "../examples";
import { defineRoute } from "../route";
import { meSchema, workspaceSummarySchema } from "../schemas";
import type { z } from "zod";

export const workspaceSummary = (key: VerifiedKey): z.output<typeof workspaceSummarySchema> => ({
  id: key.workspace.id,
  slug: key.workspace.slug,
  name: key.workspace.name,
  plan: key.workspace.plan,
});

function meOf(key: VerifiedKey): z.output<typeof meSchema> {
  return {
    id: key.keyId,
    name: key.name,
    isOwnerKey: key.isOwnerKey,
    workspace: workspaceSummary(key),
    permissions: key.permissions,
    expiresAt: key.expiresAt === null ? null : new Date(key.expiresAt).toISOString(),
  };
}

// A verified key never changes (a change replaces it in the cache), so neither does its answer.
const serialized = new WeakMap<VerifiedKey, string>();

export const meRoute = defineRoute({
  method: "GET",
  path: "/api/v1/me",
  operationId: "getMe",
  summary: "The calling key",
  description: "The key that authenticated this request: its id, name, workspace, effective permissions and expiry.",
  tag: "Keys",
  permissions: [],
  responses: { 200: { description: "The calling key", schema: meSchema, example: EXAMPLES.me } },
  handle: ({ caller: { key } }) => {
    let json = serialized.get(key);
    if (json === undefined) {
      json = JSON.stringify(meOf(key));
      serialized.set(key, json);
    }
    return { status: 200, body: undefined, json };
  },
});
