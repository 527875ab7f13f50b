import { exportAuditLog } from "@/lib/audit/export";
import { withWorkspaceAction } from "@/lib/auth/action";
import type { ErrorCode } from "@/lib/result";
import { firstValues } from "@/lib/validations/audit-log";

export const dynamic = "force-dynamic";

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

const STATUS: Partial<Record<ErrorCode, number>> = { unauthenticated: 401, not_found: 404, forbidden: 403, invalid_request: 400 };
// A download is not a form: these say what to do in the browser tab it opens in.
const MESSAGES: Partial<Record<ErrorCode, string>> = {
  unauthenticated: "Sign in to export the audit log.",
  not_found: "Workspace not found.",
};

/** The audit log as CSV, with the page's filters, streamed (GET /w/[slug]/audit-log/export). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const query = firstValues(Object.fromEntries(new URL(request.url).searchParams));
  const result = await withWorkspaceAction(slug, (actor) => exportAuditLog(actor, query));
  if (!result.ok) {
    const fields = Object.entries(result.fieldErrors ?? {}).map(([field, message]) => `${field}: ${message}`);
    return text(STATUS[result.code] ?? 500, MESSAGES[result.code] ?? (fields.length ? fields.join("\n") : result.error));
  }
  return new Response(result.data.csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${result.data.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
