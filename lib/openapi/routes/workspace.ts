import { listAuditEvents } from "@/lib/audit/queries";
import { seesOwnerKey } from "@/lib/keys/policy";
import { listMembers } from "@/lib/members/queries";
import { listRoles } from "@/lib/roles/queries";
import { auditLogApiQuerySchema } from "@/lib/validations/openapi";
import { defineRoute } from "../route";
import { auditLogPageSchema, memberListSchema, roleListSchema } from "../schemas";

// Reads of the workspace the key belongs to. Events about the owner key, and the owner key in
// role counts, exist only for the owner key itself.
export const workspaceRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/members",
    operationId: "listMembers",
    summary: "List members",
    description: "Members of the key's workspace with their roles, the Owner first.",
    tag: "Workspace",
    permissions: ["members:read"],
    responses: { 200: { description: "Members", schema: memberListSchema } },
    handle: async ({ caller }) => ({ status: 200, body: { items: await listMembers(caller.key.workspace.id) } }),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/roles",
    operationId: "listRoles",
    summary: "List roles",
    description: "Built-in and custom roles with their permissions and how many members and keys hold each.",
    tag: "Workspace",
    permissions: ["members:read"],
    responses: { 200: { description: "Roles", schema: roleListSchema } },
    handle: async ({ caller }) => ({
      status: 200,
      body: { items: await listRoles(caller.actor) },
    }),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/audit-log",
    operationId: "listAuditEvents",
    summary: "Read the audit log",
    description: "Newest first, `limit` at a time; `cursor` continues (nextCursor: older, prevCursor: newer).",
    tag: "Workspace",
    permissions: ["audit:read"],
    query: auditLogApiQuerySchema,
    responses: { 200: { description: "A page of audit events", schema: auditLogPageSchema } },
    handle: async ({ caller, query }) => ({
      status: 200,
      body: await listAuditEvents({
        workspaceId: caller.key.workspace.id,
        includeOwnerOnly: seesOwnerKey(caller.actor),
        action: query.action,
        actorUserId: query.actor,
        cursor: query.cursor,
        limit: query.limit,
      }),
    }),
  }),
];
