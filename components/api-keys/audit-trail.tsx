"use client";

import { createDataTableColumnHelper, DataTable } from "@/components/data-table/data-table";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditEventView } from "@/lib/audit/queries";

type AuditTrailEvent = AuditEventView;

const ACTIONS: Record<string, string> = {
  "api_key.create": "Created",
  "api_key.modify": "Modified",
  "api_key.update": "Modified",
  "api_key.delete": "Deleted",
  "api_key.reveal": "Secret revealed",
  "api_key.copy": "Secret copied",
};

export function describeAction(action: string): string {
  return ACTIONS[action] ?? action.replace(/^api_key\./, "").replace(/[._]/g, " ");
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.map(show).join(", ");
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("from" in v || "to" in v) return `${show(v.from)} → ${show(v.to)}`;
    if ("name" in v) return show(v.name);
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${show(x)}`)
      .join("; ");
  }
  return String(value);
}

/** What changed, in one line: never a secret (the server never records one). */
export function describeDetails(details: Record<string, unknown>): string {
  const entries = Object.entries(details.changes && typeof details.changes === "object" ? details.changes : details);
  return entries.map(([key, value]) => `${key}: ${show(value)}`).join(" · ");
}

const helper = createDataTableColumnHelper<AuditTrailEvent>();
const columns = helper.columns([
  helper.accessor("createdAt", {
    id: "when",
    header: "When",
    cell: ({ row }) => <LocalTime iso={row.original.createdAt} />,
  }),
  helper.accessor("action", {
    id: "action",
    header: "Action",
    meta: { rowHeader: true },
    cell: ({ row }) => <span className="font-medium whitespace-nowrap">{describeAction(row.original.action)}</span>,
  }),
  helper.accessor("actorName", { id: "actor", header: "By", cell: ({ row }) => row.original.actorName }),
  helper.accessor("ip", {
    id: "ip",
    header: "IP address",
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.ip ?? "—"}</span>,
  }),
  helper.accessor("details", {
    id: "details",
    header: "Details",
    meta: { cellClassName: "min-w-56 text-zinc-600 dark:text-zinc-400" },
    cell: ({ row }) => <span className="break-words">{describeDetails(row.original.details) || "—"}</span>,
  }),
]);

const eventId = (event: AuditTrailEvent) => String(event.id);

export function AuditTrail({ events }: { events: AuditTrailEvent[] }) {
  return (
    <DataTable
      columns={columns}
      data={events}
      getRowId={eventId}
      label="Audit trail"
      empty={<p className="px-4 py-8 text-center text-sm text-zinc-600 dark:text-zinc-400">No events recorded yet.</p>}
    />
  );
}
