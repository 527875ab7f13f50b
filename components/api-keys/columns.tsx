"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { BuiltInRole } from "@/db/schema";
import { createDataTableColumnHelper, type DataTableColumns } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { Breakable } from "@/components/ui/breakable";
import { RoleName } from "@/components/ui/role-name";
import { LocalTime } from "@/components/ui/local-time";
import type { ApiKeyView } from "@/lib/keys/types";
import type { ApiKeySort } from "@/lib/validations/api-keys";
import { NavigationPending } from "@/components/layout/navigation-pending";
import { CopyKeyButton, SecretNotStored } from "./copy-key-button";
import { LeakBadges, LeakedNote } from "./leak-badges";
import { SortIcon } from "./icons";
import { useListQuery } from "./list-query";
import { ExpiresInBadge } from "./expiring-notice";
import { SelectAllCheckbox, SelectKeyCheckbox } from "./key-selection";
import { RowActions } from "./row-actions";
import { RequestCount } from "@/components/usage/request-counts";

const KEY_COLUMN = {
  select: "select",
  name: "name",
  key: "key",
  roles: "roles",
  created: "created",
  expires: "expires",
  lastUsed: "lastUsed",
  requests24h: "requests24h",
  createdBy: "createdBy",
  actions: "actions",
} as const;

const helper = createDataTableColumnHelper<ApiKeyView>();
const muted = "text-zinc-500 dark:text-zinc-400";

/** The t of the "ApiKeys" namespace, for code that builds the columns outside a component. */
export type ApiKeysT = ReturnType<typeof useTranslations<"ApiKeys">>;

/** A key's role badges; `builtInRoles` (role id → built-in kind) shows built-in roles in the reader's language. */
export function KeyRoles({ roles, builtInRoles = {} }: { roles: ApiKeyView["roles"]; builtInRoles?: Record<string, BuiltInRole> }) {
  return (
    <ul className="flex max-w-56 flex-wrap gap-1">
      {roles.map((role) => (
        <li key={role.id}>
          <Badge>
            <RoleName name={role.name} builtIn={builtInRoles[role.id]} />
          </Badge>
        </li>
      ))}
    </ul>
  );
}

/** The server decides whether a key has expired (`status`), so both renders agree. */
export function KeyExpiry({ apiKey, wrap = false }: { apiKey: ApiKeyView; wrap?: boolean }) {
  const t = useTranslations("ApiKeys.badges");
  if (!apiKey.expiresAt) return <span className={muted}>{t("permanent")}</span>;
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <LocalTime iso={apiKey.expiresAt} relative="under" wrap={wrap} />
      {apiKey.status === "expired" && <Badge tone="red">{t("expired")}</Badge>}
      {apiKey.status !== "expired" && <ExpiresInBadge expiresAt={apiKey.expiresAt} />}
    </span>
  );
}

export function KeyCreator({ createdBy }: { createdBy: ApiKeyView["createdBy"] }) {
  const t = useTranslations("ApiKeys.badges");
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <span className="whitespace-nowrap" title={createdBy.email}>
        {createdBy.name}
      </span>
      {!createdBy.active && <Badge tone="amber">{t("creatorRemoved")}</Badge>}
    </span>
  );
}

type Sortable = "name" | "created";

type Direction = "ascending" | "descending" | "none";

const direction = (sort: ApiKeySort | null, column: Sortable): Direction =>
  sort === column ? "ascending" : sort === `-${column}` ? "descending" : "none";

// The header last used to sort, and the order it asked for: the table re-renders with the new
// rows, and focus must come back to that header rather than fall to <body>.
let refocus: { column: Sortable; sort: ApiKeySort } | null = null;

/** A header that orders the list by its column: Name A→Z then Z→A; Created newest then oldest. */
function SortHeader({ label, column, sort }: { label: string; column: Sortable; sort: ApiKeySort }) {
  const t = useTranslations("ApiKeys.sort");
  const { setParams } = useListQuery();
  const button = useRef<HTMLButtonElement>(null);
  const current = direction(sort, column);
  useEffect(() => {
    if (refocus?.column !== column || refocus.sort !== sort) return;
    refocus = null;
    if (!document.activeElement || document.activeElement === document.body) button.current?.focus();
  }, [column, sort]);
  // The default order (newest first) leaves the URL clean.
  const next = column === "created" ? (sort === "-created" ? "created" : null) : sort === "name" ? "-name" : "name";
  const title = column === "created" ? (next ? t("oldestFirst") : t("newestFirst")) : next === "-name" ? t("zToA") : t("aToZ");
  return (
    <button
      type="button"
      ref={button}
      title={title}
      onClick={() => {
        refocus = { column, sort: next ?? "-created" };
        setParams({ sort: next });
      }}
      className={`-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-zinc-100 ${current === "none" ? "" : "text-zinc-900 dark:text-zinc-100"}`}
    >
      {label}
      <SortIcon direction={current} />
    </button>
  );
}

/**
 * The API keys table; "Created by" only for viewers who see others' keys. Name and Created
 * order the list when `sort` is given (not while searching: matches are ranked by relevance).
 */
export function keyColumns({
  slug,
  showCreatedBy,
  sort,
  selectable = false,
  builtInRoles = {},
  t,
}: {
  slug: string;
  showCreatedBy: boolean;
  sort: ApiKeySort | null;
  /** Role id → built-in kind, for role badges in the reader's language. */
  builtInRoles?: Record<string, BuiltInRole>;
  t: ApiKeysT;
  /** SPEC §9.3: a first column of checkboxes, for viewers who may change keys. */
  selectable?: boolean;
}): DataTableColumns<ApiKeyView> {
  const sortable = (label: string, column: Sortable): { header: string | (() => React.ReactNode); sorted?: Direction } =>
    sort ? { header: () => <SortHeader label={label} column={column} sort={sort} />, sorted: direction(sort, column) } : { header: label };
  const byName = sortable(t("columns.name"), "name");
  const byCreated = sortable(t("columns.created"), "created");
  const createdBy = helper.accessor("createdBy", {
    id: KEY_COLUMN.createdBy,
    header: t("columns.createdBy"),
    meta: { mobile: "half" },
    cell: ({ row }) => <KeyCreator createdBy={row.original.createdBy} />,
  });
  const select = helper.display({
    id: KEY_COLUMN.select,
    header: () => <SelectAllCheckbox className="max-sm:hidden" />,
    // Below sm: beside the row menu in the card's top right corner.
    meta: { headerClassName: "w-10", cellClassName: "max-sm:absolute max-sm:top-3.5 max-sm:right-12 sm:pt-3.5", mobile: "half" },
    cell: ({ row }) => <SelectKeyCheckbox apiKey={row.original} />,
  });
  return helper.columns([
    ...(selectable ? [select] : []),
    helper.accessor("name", {
      id: KEY_COLUMN.name,
      header: byName.header,
      meta: { rowHeader: true, cellClassName: selectable ? "sm:min-w-44 max-sm:pr-20" : "sm:min-w-44", sorted: byName.sorted },
      cell: ({ row }) => {
        const key = row.original;
        return (
          <div className="max-w-64">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <Link
                href={`/w/${slug}/api-keys/${key.id}`}
                prefetch={false}
                className="font-medium break-words text-zinc-900 hover:underline dark:text-zinc-100"
              >
                <Breakable text={key.name} />
                <NavigationPending />
              </Link>
              {key.isOwnerKey && <Badge tone="indigo">{t("badges.owner")}</Badge>}
              {!key.enabled && <Badge tone="red">{t("badges.disabled")}</Badge>}
              <LeakBadges apiKey={key} />
            </div>
            {key.description && <p className={`mt-0.5 line-clamp-2 text-xs break-words ${muted}`}>{key.description}</p>}
            <LeakedNote leaked={key.leaked} />
          </div>
        );
      },
    }),
    helper.accessor("hint", {
      id: KEY_COLUMN.key,
      header: t("columns.key"),
      cell: ({ row }) => (
        <span className="-my-1 inline-flex items-center gap-1 whitespace-nowrap">
          <code className="font-mono text-xs text-zinc-700 dark:text-zinc-300">{row.original.hint}</code>
          {row.original.can.reveal && row.original.secretStored && <CopyKeyButton slug={slug} apiKey={row.original} />}
          {!row.original.secretStored && <SecretNotStored />}
        </span>
      ),
    }),
    helper.accessor("roles", {
      id: KEY_COLUMN.roles,
      header: t("columns.roles"),
      cell: ({ row }) => <KeyRoles roles={row.original.roles} builtInRoles={builtInRoles} />,
    }),
    helper.accessor("createdAt", {
      id: KEY_COLUMN.created,
      header: byCreated.header,
      meta: { sorted: byCreated.sorted, mobile: "half", mobileLabel: t("columns.created") },
      cell: ({ row }) => <LocalTime iso={row.original.createdAt} relative="under" wrap />,
    }),
    helper.accessor("expiresAt", {
      id: KEY_COLUMN.expires,
      header: t("columns.expires"),
      meta: { mobile: "half" },
      cell: ({ row }) => <KeyExpiry apiKey={row.original} wrap />,
    }),
    helper.accessor("lastUsedAt", {
      id: KEY_COLUMN.lastUsed,
      header: t("columns.lastUsed"),
      meta: { mobile: "half" },
      cell: ({ row }) =>
        row.original.lastUsedAt ? <LocalTime iso={row.original.lastUsedAt} relative="under" wrap /> : <span className={muted}>{t("badges.never")}</span>,
    }),
    helper.display({
      id: KEY_COLUMN.requests24h,
      header: t("columns.requests24h"),
      // Wraps to two lines ("Requests" / "(24 h)") so the list keeps its width at 1440 px.
      meta: { mobile: "half", cellClassName: "sm:text-right", headerClassName: "w-20 text-right whitespace-normal!" },
      cell: ({ row }) => <RequestCount keyId={row.original.id} />,
    }),
    ...(showCreatedBy ? [createdBy] : []),
    helper.display({
      id: KEY_COLUMN.actions,
      header: () => <span className="sr-only">{t("columns.actions")}</span>,
      // Pinned to the right edge while a wide table scrolls sideways: the menu is always in reach.
      meta: {
        headerClassName: "w-12 sm:sticky sm:right-0 sm:bg-zinc-50 sm:dark:bg-zinc-900",
        cellClassName: "py-2 text-right sm:sticky sm:right-0 sm:bg-white sm:dark:bg-zinc-900",
        mobile: "corner",
      },
      cell: ({ row }) => <RowActions slug={slug} apiKey={row.original} />,
    }),
  ]);
}
