import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { ApiKeyDetails, KeyActor } from "@/lib/keys/types";
import { getKeyUsageByRange, getKeyUseDetails } from "@/lib/usage/read";
import { ModifyRolesLink } from "./modify-roles-link";
import { RANGE_TABS } from "./ranges";
import { UsagePanel } from "./usage-panel";
import { UsageTabs } from "./usage-tabs";

const card = "min-w-0 rounded-xl border border-zinc-200 bg-white px-4 py-4 sm:px-6 dark:border-zinc-800 dark:bg-zinc-900";
const muted = "text-zinc-600 dark:text-zinc-400";

/** SPEC §11 on the details page: "Usage" (three ranges), "Last used from" and "Permissions used". */
export async function KeyUsageSection({ actor, apiKey, slug }: { actor: KeyActor; apiKey: ApiKeyDetails; slug: string }) {
  const [usage, uses] = await Promise.all([getKeyUsageByRange(actor, apiKey.id), getKeyUseDetails(apiKey.id, apiKey.effectivePermissions)]);
  const used = uses.permissions.filter((p) => p.used).length;
  const total = uses.permissions.length;
  const t = await getTranslations("Usage");
  return (
    <>
      <section aria-labelledby="key-usage" className={`mt-6 ${card}`}>
        <h2 id="key-usage" className="mb-3 text-lg font-semibold">
          {t("key.title")}
        </h2>
        <UsageTabs
          label={t("period")}
          tabs={RANGE_TABS.map((tab) => ({
            ...tab,
            label: t(`ranges.${tab.value}`),
            content: <UsagePanel series={usage[tab.value]} label={t("key.requestsInLast", { name: apiKey.name, period: t(`ranges.${tab.value}`) })} />,
          }))}
        />
      </section>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="key-last-used-from" className={card}>
          <h2 id="key-last-used-from" className="mb-2 text-lg font-semibold">
            {t("key.lastUsedFrom")}
          </h2>
          {uses.lastUseFrom ? (
            <dl className="grid gap-2 text-sm">
              <div>
                <dt className={`text-xs font-medium ${muted}`}>{t("key.address")}</dt>
                <dd>
                  <code className="font-mono text-xs break-all">{uses.lastUseFrom.ip ?? t("key.unknown")}</code>
                </dd>
              </div>
              <div>
                <dt className={`text-xs font-medium ${muted}`}>{t("key.userAgent")}</dt>
                <dd className="break-all">{uses.lastUseFrom.userAgent || <span className={muted}>{t("key.noneSent")}</span>}</dd>
              </div>
              <div>
                <dt className={`text-xs font-medium ${muted}`}>{t("key.at")}</dt>
                <dd>
                  <LocalTime iso={uses.lastUseFrom.at} />
                </dd>
              </div>
            </dl>
          ) : (
            <p className={`text-sm ${muted}`}>{t("key.never")}</p>
          )}
        </section>

        <section aria-labelledby="key-permissions-used" className={card}>
          <h2 id="key-permissions-used" className="mb-2 text-lg font-semibold">
            {t("key.permissionsUsed")}
          </h2>
          {total === 0 ? (
            <p className={`text-sm ${muted}`}>{t("key.noPermissions")}</p>
          ) : (
            <>
              <ul className="grid gap-1.5 text-sm">
                {uses.permissions.map(({ permission, used: isUsed }) => (
                  <li key={permission} className="flex items-center justify-between gap-3">
                    <code className="font-mono text-xs">{permission}</code>
                    {isUsed ? <Badge tone="indigo">{t("key.used")}</Badge> : <Badge>{t("key.unused")}</Badge>}
                  </li>
                ))}
              </ul>
              {used < total && (
                <p className={`mt-3 text-sm ${muted}`}>
                  <span>{t("key.usedOf", { used, total })}</span>{" "}
                  {apiKey.can.modify && <ModifyRolesLink slug={slug} apiKey={apiKey} />}
                </p>
              )}
            </>
          )}
        </section>
      </div>
    </>
  );
}
