import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { ApiKeyView } from "@/lib/keys/types";

/** SPEC §13: "Decoy" and "Leaked" beside a key's name, in the list and on its page. */
export function LeakBadges({ apiKey }: { apiKey: Pick<ApiKeyView, "isDecoy" | "leaked"> }) {
  return (
    <>
      {apiKey.isDecoy && <Badge tone="amber">Decoy</Badge>}
      {apiKey.leaked && <Badge tone="red">Leaked</Badge>}
    </>
  );
}

/** When the key was reported leaked and by what: under its name in the list. */
export function LeakedNote({ leaked }: { leaked: ApiKeyView["leaked"] }) {
  if (!leaked) return null;
  return (
    <p className="mt-0.5 text-xs break-words text-red-700 dark:text-red-300">
      Reported leaked <LocalTime iso={leaked.at} />
      {leaked.source ? ` by ${leaked.source}` : ""}
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
