import { listAuditEvents } from "@/lib/audit/queries";
import { seesOwnerKey } from "@/lib/keys/policy";
import { auditLogApiQuerySchema } from "@/lib/validations/openapi";
import { EXAMPLES } from "../examples";
import { defineRoute } from "../route";
import { auditLogPageSchema } from "../schemas";

// Events about the owner key exist only for the owner key itself.
export const auditLogRoute = defineRoute({
  method: "GET",
  path: "/api/v1/audit-log",
  operationId: "listAuditEvents",
  summary: "Read the audit log",
  description: "Newest first, `limit` at a time; `cursor` continues (nextCursor: older, prevCursor: newer).",
  tag: "Workspace",
  permissions: ["audit:read"],
  query: auditLogApiQuerySchema,
  responses: { 200: { description: "A page of audit events", schema: auditLogPageSchema, example: EXAMPLES.auditLog } },
  handle: async ({ caller, query, db }) => ({
    status: 200,
    body: await listAuditEvents(
      {
        workspaceId: caller.key.workspace.id,
        includeOwnerOnly: seesOwnerKey(caller.actor),
        action: query.action,
        actorUserId: query.actor,
        cursor: query.cursor,
        limit: query.limit,
      },
      db(),
    ),
  }),
});
