"use client";

import { createDataTableColumnHelper, DataTable } from "@/components/data-table/data-table";
import { LocalTime } from "@/components/ui/local-time";
import { actionLabel } from "@/components/audit-log/action-labels";
import { AuditDetails } from "@/components/audit-log/audit-details-view";
import type { AuditEventView } from "@/lib/audit/queries";

type AuditTrailEvent = AuditEventView;

const helper = createDataTableColumnHelper<AuditTrailEvent>();
const columns = helper.columns([
  helper.accessor("createdAt", {
    id: "time",
    header: "Time",
    cell: ({ row }) => <LocalTime iso={row.original.createdAt} />,
  }),
  helper.accessor("action", {
    id: "action",
    header: "Action",
    meta: { rowHeader: true },
    cell: ({ row }) => <span className="font-medium whitespace-nowrap">{actionLabel(row.original.action)}</span>,
  }),
  helper.accessor("actorName", { id: "actor", header: "Actor", cell: ({ row }) => row.original.actorName }),
  helper.accessor("ip", {
    id: "ip",
    header: "IP address",
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.ip ?? "—"}</span>,
  }),
  helper.accessor("details", {
    id: "details",
    header: "Details",
    meta: { cellClassName: "min-w-56 text-zinc-600 dark:text-zinc-400" },
    cell: ({ row }) => <AuditDetails action={row.original.action} details={row.original.details} />,
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
