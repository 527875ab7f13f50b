import { getWorkspaceDetails } from "@/lib/workspaces/queries";
import { apiError } from "../errors";
import { EXAMPLES } from "../examples";
import { defineRoute } from "../route";
import { workspaceDetailsSchema } from "../schemas";

export const workspaceRoute = defineRoute({
  method: "GET",
  path: "/api/v1/workspace",
  operationId: "getWorkspace",
  summary: "The key's workspace",
  description: "Name, slug, plan, and whether requests must be signed with the API shared secret (never the secret itself).",
  tag: "Workspace",
  permissions: ["workspace:read"],
  responses: {
    404: { description: "not_found: the workspace no longer exists", codes: ["not_found"] },
    200: { description: "The workspace", schema: workspaceDetailsSchema, example: EXAMPLES.workspace } },
  handle: async ({ caller, db }) => {
    // Read afresh: a cached key's copy of the workspace may predate a rename.
    const details = await getWorkspaceDetails(caller.key.workspace.id, db());
    return details ? { status: 200, body: details } : apiError(404, "not_found", "The workspace no longer exists.");
  },
});
