import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { API_KEYS_TITLE, ApiKeysPageHeader } from "@/components/api-keys/api-keys-list-header";
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
import { canCreateKeys, canUseKeys, keysAllowedOn, PLAN_REQUIRED_MESSAGE, seesAllKeys } from "@/lib/keys/policy";
import { getCreateKeyOptions, listApiKeys } from "@/lib/keys/rules";
import { countExpiringKeys } from "@/lib/keys/status-filter";
import { listApiKeysSchema } from "@/lib/validations/api-keys";
import { parseUrlQuery } from "@/lib/validations/url-query";
import { RequestCountsProvider } from "@/components/usage/request-counts";
import { getRequestsLast24h } from "@/lib/usage/read";

export const metadata: Metadata = { title: API_KEYS_TITLE };

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

  if (!keysAllowedOn(workspace.plan)) {
    return (
      <>
        <ApiKeysPageHeader />
        <EmptyState
          title={PLAN_REQUIRED_MESSAGE}
          action={
            permissions.has("workspace:manage") ? (
              <Link
                href={`/w/${slug}/settings`}
                className="inline-flex h-9 items-center rounded-md bg-indigo-600 px-3.5 text-sm font-medium text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400"
              >
                See plans in Settings
              </Link>
            ) : undefined
          }
        >
          {workspace.name} is on the Free plan, so no API keys can be created here.
          {permissions.has("workspace:manage") ? "" : " Ask the workspace owner to upgrade."}
        </EmptyState>
      </>
    );
  }

  const { q, cursor, sort, status, ...query } = parseUrlQuery(listApiKeysSchema, await searchParams);
  const createdBy = seesAll ? query.createdBy : "anyone";
  const [listed, options, expiring] = await Promise.all([
    listApiKeys(actor, { q, createdBy, cursor, sort, status }),
    getCreateKeyOptions(actor),
    countExpiringKeys(actor),
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
                  API shared secret
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
          title="No API keys yet"
          action={canCreate && options.canCreate ? <CreateKeyButton options={options} label="Create your first key" /> : undefined}
        >
          Create a key to let a script, a service or a partner call the Open API on this workspace&apos;s behalf.
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
                selectable={canCreate}
              />
            </RequestCountsProvider>
          </KeySelectionProvider>
        </ListQueryProvider>
      )}
    </KeyDialogsProvider>
  );
}
