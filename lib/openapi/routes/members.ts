import { listMembers } from "@/lib/members/queries";
import { EXAMPLES } from "../examples";
import { defineRoute } from "../route";
import { memberListSchema } from "../schemas";

export const membersRoute = defineRoute({
  method: "GET",
  path: "/api/v1/members",
  operationId: "listMembers",
  summary: "List members",
  description: "Members of the key's workspace with their roles, the Owner first.",
  tag: "Workspace",
  permissions: ["members:read"],
  responses: { 200: { description: "Members", schema: memberListSchema, example: EXAMPLES.members } },
  handle: async ({ caller, db }) => ({
    status: 200,
    body: { items: await listMembers(caller.key.workspace.id, db()) },
  }),
});
