import { useTranslations } from "next-intl";
import type { ApiKeyView } from "@/lib/keys/types";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 px-4 py-3 sm:grid-cols-[11rem_minmax(0,1fr)] sm:gap-4 sm:px-6">
      <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

/** The details page's SPEC §10 rows: "Allowed IP addresses" (or "Any address") and "Rate limit" (or "No limit"). */
export function KeyRestrictions({ apiKey }: { apiKey: Pick<ApiKeyView, "ipAllowlist" | "rateLimit"> }) {
  const t = useTranslations("KeyDetails.restrictions");
  return (
    <>
      <Row label={t("allowlist")}>
        {apiKey.ipAllowlist.length === 0 ? (
          <span className="text-zinc-600 dark:text-zinc-400">{t("anyAddress")}</span>
        ) : (
          <ul className="flex flex-wrap gap-1.5">
            {apiKey.ipAllowlist.map((entry) => (
              <li key={entry}>
                <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs break-all dark:bg-zinc-800">{entry}</code>
              </li>
            ))}
          </ul>
        )}
      </Row>
      <Row label={t("rateLimit")}>
        {apiKey.rateLimit ? (
          <span>{t("rateLimitValue", { limit: apiKey.rateLimit.limit, window: apiKey.rateLimit.window })}</span>
        ) : (
          <span className="text-zinc-600 dark:text-zinc-400">{t("noLimit")}</span>
        )}
      </Row>
    </>
  );
}
