import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { RANGE_TABS } from "@/components/usage/ranges";
import { TopKeysTable } from "@/components/usage/top-keys-table";
import { UsagePanel } from "@/components/usage/usage-panel";
import { UsageTabs } from "@/components/usage/usage-tabs";
import { actorFromMembership } from "@/lib/auth/actor";
import { requireWorkspaceContext } from "@/lib/auth/context";
import { getWorkspaceUsageOverview } from "@/lib/usage/read";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Usage");
  return { title: t("title") };
}

const card = "min-w-0 rounded-xl border border-zinc-200 bg-white px-4 py-4 sm:px-6 dark:border-zinc-800 dark:bg-zinc-900";

/** SPEC §11: the workspace's requests over time and its top keys (`api_keys:read`). */
export default async function UsagePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, membership } = await requireWorkspaceContext(slug);
  const actor = actorFromMembership(membership, user);
  const overview = await getWorkspaceUsageOverview(actor);
  if (!overview.ok) forbidden();
  const { usage, top } = overview.data;
  const t = await getTranslations("Usage");

  return (
    <>
      <PageHeader title={t("title")} description={t("description", { name: membership.workspace.name })} />
      <UsageTabs
        label={t("period")}
        tabs={RANGE_TABS.map((tab) => ({
          ...tab,
          label: t(`ranges.${tab.value}`),
          content: (
            <div className="grid gap-6">
              <section aria-labelledby={`requests-${tab.value}`} className={card}>
                <h2 id={`requests-${tab.value}`} className="mb-3 text-lg font-semibold">
                  {t("requests")}
                </h2>
                <UsagePanel series={usage[tab.value]} label={t("requestsInLast", { period: t(`ranges.${tab.value}`) })} />
              </section>
              <div className="grid gap-6 lg:grid-cols-2">
                <TopKeysTable slug={slug} title={t("topKeys.byRequests")} keys={top[tab.value].byRequests} by="requests" />
                <TopKeysTable slug={slug} title={t("topKeys.byRefusals")} keys={top[tab.value].byRefusals} by="refused" />
              </div>
            </div>
          ),
        }))}
      />
    </>
  );
}
