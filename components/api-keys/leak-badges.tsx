import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { ApiKeyView } from "@/lib/keys/types";

/** SPEC §13: "Decoy" and "Leaked" beside a key's name, in the list and on its page. */
export function LeakBadges({ apiKey }: { apiKey: Pick<ApiKeyView, "isDecoy" | "leaked"> }) {
  const t = useTranslations("ApiKeys.badges");
  return (
    <>
      {apiKey.isDecoy && <Badge tone="amber">{t("decoy")}</Badge>}
      {apiKey.leaked && <Badge tone="red">{t("leaked")}</Badge>}
    </>
  );
}

/** When the key was reported leaked and by what: under its name in the list. */
export function LeakedNote({ leaked }: { leaked: ApiKeyView["leaked"] }) {
  const t = useTranslations("ApiKeys.badges");
  if (!leaked) return null;
  const when = () => <LocalTime iso={leaked.at} />;
  return (
    <p className="mt-0.5 text-xs break-words text-red-700 dark:text-red-300">
      {leaked.source ? t.rich("reportedLeakedBy", { when, source: leaked.source }) : t.rich("reportedLeaked", { when })}
    </p>
  );
}

/** The details page's "Leaked" field: when, by what, and where (a link only to an http(s) address, as stored). */
export function LeakedDetails({ leaked }: { leaked: NonNullable<ApiKeyView["leaked"]> }) {
  return (
    <div className="space-y-1">
      <p>
        <LocalTime iso={leaked.at} />
        {leaked.source ? ` · ${leaked.source}` : ""}
      </p>
      {leaked.url && /^https?:\/\//i.test(leaked.url) && (
        <a href={leaked.url} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-indigo-700 underline dark:text-indigo-300">
          {leaked.url}
        </a>
      )}
    </div>
  );
}
