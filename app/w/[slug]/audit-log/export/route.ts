import { auditCsvStream } from "@/lib/audit/csv";
import { iterateAuditEvents } from "@/lib/audit/queries";
import { recordAuditEvent } from "@/lib/audit/record";
import { loadMembershipBySlug } from "@/lib/auth/membership";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/db/client";
import { CLIENT_IP_HEADER } from "@/lib/server/client-ip";
import { auditLogQuerySchema, firstValues } from "@/lib/validations/audit-log";

export const dynamic = "force-dynamic";

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** The audit log as CSV, with the page's filters, streamed (GET /w/[slug]/audit-log/export). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await getSessionUser();
  if (!user) return text(401, "Sign in to export the audit log.");
  const membership = await loadMembershipBySlug(user.id, slug);
  if (!membership) return text(404, "Workspace not found.");
  if (!membership.permissions.has("audit:read")) return text(403, "You don't have permission to read the audit log.");
  const parsed = auditLogQuerySchema.safeParse(firstValues(Object.fromEntries(new URL(request.url).searchParams)));
  if (!parsed.success) return text(400, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));

  const { workspace, isOwner } = membership;
  const filter = { workspaceId: workspace.id, includeOwnerOnly: isOwner, action: parsed.data.action, actorUserId: parsed.data.actor };
  await recordAuditEvent(getDb(), {
    workspaceId: workspace.id,
    actor: { userId: user.id, name: user.name ? `${user.name} (${user.email})` : user.email, ip: request.headers.get(CLIENT_IP_HEADER) },
    action: "audit_log.export",
    targetType: "workspace",
    targetId: workspace.id,
    targetName: workspace.name,
    details: { action: parsed.data.action ?? null, actor: parsed.data.actor ?? null },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(auditCsvStream(iterateAuditEvents(filter)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${workspace.slug}-${date}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
