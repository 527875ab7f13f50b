"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { CursorPagination } from "@/components/data-table/cursor-pagination";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Breakable } from "@/components/ui/breakable";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditEventView } from "@/lib/audit/queries";
import { actionLabel, targetTypeLabel, type AuditLogTranslator } from "./action-labels";
import { AuditDetails } from "./audit-details-view";

/** A key's events link to its page (a deleted key's page says it no longer exists). */
function Target({ event: e, slug }: { event: AuditEventView; slug: string }) {
  const name = e.targetName ?? e.targetId ?? "—";
  const className = "break-words text-zinc-900 dark:text-zinc-100";
  if (e.targetType !== "api_key" || !e.targetId || e.action === "api_key.delete")
    return (
      <span className={className}>
        <Breakable text={name} />
      </span>
    );
  return (
    <Link href={`/w/${slug}/api-keys/${e.targetId}`} prefetch={false} className={`${className} underline decoration-zinc-400 underline-offset-2 hover:decoration-current`}>
      <Breakable text={name} />
    </Link>
  );
}

const columnsFor = (slug: string, t: AuditLogTranslator): DataTableColumn<AuditEventView>[] => [
  {
    id: "time",
    header: t("table.time"),
    meta: { cellClassName: "whitespace-nowrap", mobile: "half" },
    cell: ({ row: { original: e } }) => <LocalTime iso={e.createdAt} relative="under" />,
  },
  {
    id: "actor",
    header: t("table.actor"),
    meta: { cellClassName: "sm:min-w-40", mobile: "half" },
    cell: ({ row: { original: e } }) => (
      <div>
        <span className="text-zinc-900 dark:text-zinc-100">{e.actorName}</span>
        {e.actorKeyId && <div className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{t("table.via", { keyId: e.actorKeyId })}</div>}
      </div>
    ),
  },
  {
    id: "action",
    header: t("table.action"),
    meta: { rowHeader: true, cellClassName: "sm:min-w-44" },
    cell: ({ row: { original: e } }) => (
      <div>
        <span className="font-medium text-zinc-900 dark:text-zinc-100">{actionLabel(e.action, t)}</span>
        <div className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{e.action}</div>
      </div>
    ),
  },
  {
    id: "target",
    header: t("table.target"),
    meta: { cellClassName: "sm:min-w-56 sm:max-w-md" },
    cell: ({ row: { original: e } }) => (
      <div>
        <Target event={e} slug={slug} />
        <span className="ml-1.5 text-xs text-zinc-500 dark:text-zinc-400">{targetTypeLabel(e.targetType, t)}</span>
        <AuditDetails action={e.action} details={e.details} className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400" />
      </div>
    ),
  },
  {
    id: "ip",
    header: t("table.ip"),
    meta: { cellClassName: "font-mono text-xs whitespace-nowrap", mobile: "half" },
    cell: ({ row: { original: e } }) => e.ip || "—",
  },
];

export function AuditTable({
  slug,
  events,
  filtered,
  newerHref,
  olderHref,
}: {
  slug: string;
  events: AuditEventView[];
  filtered: boolean;
  newerHref: string | null;
  olderHref: string | null;
}) {
  const t = useTranslations("AuditLog");
  return (
    <DataTable
      label={t("table.label")}
      columns={columnsFor(slug, t)}
      data={events}
      getRowId={(e) => e.id}
      empty={
        <p className="px-4 py-10 text-center text-sm text-zinc-600 dark:text-zinc-400">
          {filtered ? t("table.noMatches") : t("table.noEvents")}
        </p>
      }
      footer={
        (newerHref || olderHref) && (
          <CursorPagination
            summary={t("table.newestFirst")}
            previousHref={newerHref}
            previousLabel={t("table.newer")}
            nextHref={olderHref}
            nextLabel={t("table.older")}
          />
        )
      }
    />
  );
}
