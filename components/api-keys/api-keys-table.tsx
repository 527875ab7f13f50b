"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import type { BuiltInRole } from "@/db/schema";
import { DataTable } from "@/components/data-table/data-table";
import { CursorPagination } from "@/components/data-table/cursor-pagination";
import { Button } from "@/components/ui/button";
import type { ApiKeyPage, ApiKeyView } from "@/lib/keys/types";
import type { ApiKeySort } from "@/lib/validations/api-keys";
import type { KeyStatusFilter } from "@/lib/validations/key-lifecycle";
import { keyColumns } from "./columns";
import { useListQuery } from "./list-query";

const rowId = (key: ApiKeyView) => key.id;

function pageHref(pathname: string, params: Record<string, string>, cursor: string | null): string | null {
  if (cursor === null) return null;
  const search = new URLSearchParams({ ...params, cursor });
  return `${pathname}?${search.toString()}`;
}

export function ApiKeysTable({
  slug,
  page,
  query,
  showCreatedBy,
  builtInRoles = {},
  selectable = false,
}: {
  slug: string;
  page: ApiKeyPage;
  /** The search, filter and order the page was resolved with (kept when paging). */
  query: { q: string; createdBy: "anyone" | "me"; sort: ApiKeySort; status?: KeyStatusFilter };
  showCreatedBy: boolean;
  /** The workspace's built-in roles by id: their badges are shown in the reader's language. */
  builtInRoles?: Record<string, BuiltInRole>;
  /** Row checkboxes and the bulk toolbar (SPEC §9.3). */
  selectable?: boolean;
}) {
  const t = useTranslations("ApiKeys");
  const { pending, setParams } = useListQuery();
  // While searching, matches are ordered by relevance: the headers do not sort.
  const sort = query.q ? null : query.sort;
  // "Created by: Me" leaves one creator: the column would repeat the viewer's name on every row.
  const creatorColumn = showCreatedBy && query.createdBy !== "me";
  const columns = useMemo(
    () => keyColumns({ slug, showCreatedBy: creatorColumn, sort, selectable, builtInRoles, t }),
    [slug, creatorColumn, sort, selectable, builtInRoles, t],
  );
  const pathname = `/w/${slug}/api-keys`;
  const kept: Record<string, string> = {};
  if (query.q) kept.q = query.q;
  if (query.createdBy === "me") kept.createdBy = "me";
  if (query.sort !== "-created") kept.sort = query.sort;
  if (query.status && query.status !== "all") kept.status = query.status;
  const count = { count: page.total };
  const summary = query.q
    ? page.totalCapped
      ? t("table.matchesCapped", { ...count, q: query.q })
      : t("table.matches", { ...count, q: query.q })
    : page.totalCapped
      ? t("table.countCapped", count)
      : t("table.count", count);

  return (
    <DataTable
      columns={columns}
      data={page.items}
      getRowId={rowId}
      label={t("table.label")}
      busy={pending}
      empty={
        <div className="px-6 py-12 text-center">
          <h2 className="text-base font-semibold">{t("table.noMatch")}</h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {query.q ? t("table.noMatchQuery", { q: query.q }) : t("table.noMatchFilter")}
          </p>
          <Button variant="secondary" size="sm" className="mt-4" onClick={() => setParams({ q: null, createdBy: null, status: null })}>
            {t("table.showAll")}
          </Button>
        </div>
      }
      footer={
        page.total > 0 && (
          <CursorPagination
            summary={
              query.q && page.totalCapped && !page.nextCursor ? t("table.onlyFirst", { summary, count: page.total }) : summary
            }
            previousHref={pageHref(pathname, kept, page.prevCursor)}
            nextHref={pageHref(pathname, kept, page.nextCursor)}
          />
        )
      }
    />
  );
}
