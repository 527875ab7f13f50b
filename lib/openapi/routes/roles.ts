import { listRoles } from "@/lib/roles/queries";
import { EXAMPLES } from "../examples";
import { defineRoute } from "../route";
import { roleListSchema } from "../schemas";

// The owner key counts in a role's keys only for the owner key itself.
export const rolesRoute = defineRoute({
  method: "GET",
  path: "/api/v1/roles",
  operationId: "listRoles",
  summary: "List roles",
  description: "Built-in and custom roles with their permissions and how many members and keys hold each.",
  tag: "Workspace",
  permissions: ["members:read"],
  responses: { 200: { description: "Roles", schema: roleListSchema, example: EXAMPLES.roles } },
  handle: async ({ caller, db }) => ({
    status: 200,
    body: { items: await listRoles(caller.actor, db()) },
  }),
});
