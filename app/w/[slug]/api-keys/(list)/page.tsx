import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { ApiKeysPageHeader } from "@/components/api-keys/api-keys-list-header";
import { CreateKeyButton } from "@/components/api-keys/create-key-button";
import { EmptyState } from "@/components/api-keys/empty-state";
import { BulkToolbar } from "@/components/api-keys/bulk-toolbar";
import { ExpiringNotice } from "@/components/api-keys/expiring-notice";
import { KeyDialogsProvider } from "@/components/api-keys/key-dialogs";
import { KeySelectionProvider, MobileSelectAll } from "@/components/api-keys/key-selection";
import { StatusFilter } from "@/components/api-keys/status-filter";
import { CreatedByFilter, KeySearch } from "@/components/api-keys/key-search";
import { ListQueryProvider } from "@/components/api-keys/list-query";
import { requireWorkspaceContext } from "@/lib/auth/context";
import { actorFromMembership } from "@/lib/auth/actor";
import { canCreateKeys, canUseKeys, keysAllowedOn, seesAllKeys } from "@/lib/keys/policy";
import { getCreateKeyOptions, listApiKeys } from "@/lib/keys/rules";
import { countExpiringKeys } from "@/lib/keys/status-filter";
import { listApiKeysSchema } from "@/lib/validations/api-keys";
import { parseUrlQuery } from "@/lib/validations/url-query";
import { RequestCountsProvider } from "@/components/usage/request-counts";
import { getRequestsLast24h } from "@/lib/usage/read";
import { getDb } from "@/db/client";
import { builtInRoleIds } from "@/lib/roles/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ApiKeys");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ApiKeysPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const { user, membership } = await requireWorkspaceContext(slug);
  const { permissions, workspace } = membership;
  const actor = actorFromMembership(membership, user);
  const seesAll = seesAllKeys(actor);
  if (!canUseKeys(actor)) forbidden();
  const t = await getTranslations("ApiKeys");

  if (!keysAllowedOn(workspace.plan)) {
    return (
      <>
        <ApiKeysPageHeader />
        <EmptyState
          title={t("plan.title")}
          action={
            permissions.has("workspace:manage") ? (
              <Link
                href={`/w/${slug}/settings`}
                className="inline-flex h-9 items-center rounded-md bg-indigo-600 px-3.5 text-sm font-medium text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400"
              >
                {t("plan.seePlans")}
              </Link>
            ) : undefined
          }
        >
          {t("plan.body", { workspace: workspace.name })}
          {permissions.has("workspace:manage") ? "" : ` ${t("plan.askOwner")}`}
        </EmptyState>
      </>
    );
  }

  const { q, cursor, sort, status, ...query } = parseUrlQuery(listApiKeysSchema, await searchParams);
  const createdBy = seesAll ? query.createdBy : "anyone";
  const [listed, options, expiring, builtInRoles] = await Promise.all([
    listApiKeys(actor, { q, createdBy, cursor, sort, status }),
    getCreateKeyOptions(actor),
    countExpiringKeys(actor),
    // Built-in roles are shown in the reader's language (a custom role as its creator named it).
    builtInRoleIds(getDb(), workspace.id),
  ]);
  // A stale or tampered cursor: show the first page rather than an error.
  const result = listed.ok || !cursor ? listed : await listApiKeys(actor, { q, createdBy, sort, status });
  const requests24h = result.ok ? await getRequestsLast24h(actor, result.data.items.map((k) => k.id)) : {};
  const canCreate = canCreateKeys(actor);
  const canManageWorkspace = permissions.has("workspace:manage");

  return (
    <KeyDialogsProvider slug={slug} options={options}>
      <ApiKeysPageHeader
        actions={
          canCreate || canManageWorkspace ? (
            <div className="flex flex-wrap gap-2">
              {/* Seed 002: "API shared secret" beside the add button, leading to its Settings section. */}
              {canManageWorkspace && (
                <Link
                  href={`/w/${slug}/settings#shared-secret`}
                  prefetch={false}
                  className="inline-flex h-9 items-center rounded-md border border-zinc-300 bg-white px-3.5 text-sm font-medium text-zinc-900 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
                >
                  {t("sharedSecret")}
                </Link>
              )}
              {canCreate && <CreateKeyButton options={options} />}
            </div>
          ) : undefined
        }
      />
      {!result.ok ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {result.error}
        </p>
      ) : result.data.total === 0 && !q && createdBy === "anyone" && status === "all" ? (
        <EmptyState
          title={t("empty.title")}
          action={canCreate && options.canCreate ? <CreateKeyButton options={options} label={t("empty.createFirst")} /> : undefined}
        >
          {t("empty.body")}
        </EmptyState>
      ) : (
        <ListQueryProvider>
          <ExpiringNotice count={expiring} href={`/w/${slug}/api-keys?status=expiring`} />
          <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <KeySearch initialQuery={q} />
            <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
              <StatusFilter value={status} />
              {seesAll && <CreatedByFilter value={createdBy} />}
            </div>
          </div>
          <KeySelectionProvider keys={result.data.items}>
            {canCreate && <BulkToolbar slug={slug} />}
            {canCreate && <MobileSelectAll />}
            <RequestCountsProvider counts={requests24h}>
              <ApiKeysTable
                slug={slug}
                page={result.data}
                query={{ q, createdBy, sort, status }}
                showCreatedBy={seesAll}
                builtInRoles={builtInRoles}
                selectable={canCreate}
              />
            </RequestCountsProvider>
          </KeySelectionProvider>
        </ListQueryProvider>
      )}
    </KeyDialogsProvider>
  );
}
