"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { createDataTableColumnHelper, DataTable } from "@/components/data-table/data-table";
import { LocalTime } from "@/components/ui/local-time";
import { actionLabel } from "@/components/audit-log/action-labels";
import { AuditDetails } from "@/components/audit-log/audit-details-view";
import type { AuditEventView } from "@/lib/audit/queries";

type AuditTrailEvent = AuditEventView;

const helper = createDataTableColumnHelper<AuditTrailEvent>();
const trailColumns = (t: ReturnType<typeof useTranslations<"KeyDetails.auditTrail">>) =>
  helper.columns([
    helper.accessor("createdAt", {
      id: "time",
      header: t("time"),
      cell: ({ row }) => <LocalTime iso={row.original.createdAt} />,
    }),
    helper.accessor("action", {
      id: "action",
      header: t("action"),
      meta: { rowHeader: true },
      cell: ({ row }) => <span className="font-medium whitespace-nowrap">{actionLabel(row.original.action)}</span>,
    }),
    helper.accessor("actorName", { id: "actor", header: t("actor"), cell: ({ row }) => row.original.actorName }),
    helper.accessor("ip", {
      id: "ip",
      header: t("ip"),
      cell: ({ row }) => <span className="font-mono text-xs">{row.original.ip ?? "—"}</span>,
    }),
    helper.accessor("details", {
      id: "details",
      header: t("details"),
      meta: { cellClassName: "min-w-56 text-zinc-600 dark:text-zinc-400" },
      cell: ({ row }) => <AuditDetails action={row.original.action} details={row.original.details} />,
    }),
  ]);

const eventId = (event: AuditTrailEvent) => String(event.id);

export function AuditTrail({ events }: { events: AuditTrailEvent[] }) {
  const t = useTranslations("KeyDetails.auditTrail");
  const columns = useMemo(() => trailColumns(t), [t]);
  return (
    <DataTable
      columns={columns}
      data={events}
      getRowId={eventId}
      label={t("label")}
      empty={<p className="px-4 py-8 text-center text-sm text-zinc-600 dark:text-zinc-400">{t("empty")}</p>}
    />
  );
}
