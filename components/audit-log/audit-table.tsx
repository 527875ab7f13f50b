"use client";

import { CursorPagination } from "@/components/data-table/cursor-pagination";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Breakable } from "@/components/ui/breakable";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditEventView } from "@/lib/audit/queries";
import { actionLabel } from "./action-labels";

function detailText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== "" && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => {
      if (v && typeof v === "object" && !Array.isArray(v) && "from" in v && "to" in v) {
        const { from, to } = v as { from: unknown; to: unknown };
        return `${k}: ${JSON.stringify(from)} → ${JSON.stringify(to)}`;
      }
      return `${k}: ${Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : String(v)}`;
    })
    .join(" · ");
}

const columns: DataTableColumn<AuditEventView>[] = [
  {
    id: "time",
    header: "Time",
    meta: { cellClassName: "whitespace-nowrap", mobile: "half" },
    cell: ({ row: { original: e } }) => <LocalTime iso={e.createdAt} relative="under" />,
  },
  {
    id: "actor",
    header: "Actor",
    meta: { cellClassName: "sm:min-w-40", mobile: "half" },
    cell: ({ row: { original: e } }) => (
      <div>
        <span className="text-zinc-900 dark:text-zinc-100">{e.actorName}</span>
        {e.actorKeyId && <div className="font-mono text-xs text-zinc-600 dark:text-zinc-400">via {e.actorKeyId}</div>}
      </div>
    ),
  },
  {
    id: "action",
    header: "Action",
    meta: { rowHeader: true, cellClassName: "sm:min-w-44" },
    cell: ({ row: { original: e } }) => (
      <div>
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{actionLabel(e.action)}</span>
        <div className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{e.action}</div>
      </div>
    ),
  },
  {
    id: "target",
    header: "Target",
    meta: { cellClassName: "sm:min-w-56 sm:max-w-md" },
    cell: ({ row: { original: e } }) => (
      <div>
        <span className="break-words text-zinc-900 dark:text-zinc-100">
          <Breakable text={e.targetName ?? e.targetId ?? "—"} />
        </span>
        <span className="ml-1.5 text-xs text-zinc-500 dark:text-zinc-400">{e.targetType.replace("_", " ")}</span>
        {Object.keys(e.details).length > 0 && (
          <p className="mt-0.5 text-xs break-words text-zinc-600 dark:text-zinc-400">{detailText(e.details)}</p>
        )}
      </div>
    ),
  },
  {
    id: "ip",
    header: "IP",
    meta: { cellClassName: "font-mono text-xs whitespace-nowrap", mobile: "half" },
    cell: ({ row: { original: e } }) => e.ip || "—",
  },
];

export function AuditTable({
  events,
  filtered,
  newerHref,
  olderHref,
}: {
  events: AuditEventView[];
  filtered: boolean;
  newerHref: string | null;
  olderHref: string | null;
}) {
  return (
    <DataTable
      label="Audit events"
      columns={columns}
      data={events}
      getRowId={(e) => e.id}
      empty={
        <p className="px-4 py-10 text-center text-sm text-zinc-600 dark:text-zinc-400">
          {filtered ? "No events match these filters." : "No events yet."}
        </p>
      }
      footer={
        (newerHref || olderHref) && (
          <CursorPagination summary="Newest first" previousHref={newerHref} previousLabel="Newer" nextHref={olderHref} nextLabel="Older" />
        )
      }
    />
  );
}
