import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { TopKey } from "@/lib/usage/queries";

/** Up to 10 keys, each linking to its details. */
export function TopKeysTable({ slug, title, keys, by }: { slug: string; title: string; keys: TopKey[]; by: "requests" | "refused" }) {
  const t = useTranslations("Usage.topKeys");
  const format = useFormatter().number;
  return (
    <section className="rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="px-4 pt-4 pb-2 text-lg font-semibold sm:px-6">{title}</h2>
      {keys.length === 0 ? (
        <p className="px-4 pb-4 text-sm text-zinc-600 sm:px-6 dark:text-zinc-400">
          {by === "requests" ? t("noRequests") : t("noRefusals")}
        </p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">
            {title}
          </caption>
          <thead className="text-left text-xs font-medium text-zinc-600 dark:text-zinc-400">
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th scope="col" className="px-4 py-2 sm:px-6">
                {t("key")}
              </th>
              <th scope="col" className="px-4 py-2 text-right">
                {t("requests")}
              </th>
              <th scope="col" className="px-4 py-2 text-right sm:pr-6">
                {t("refused")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {keys.map((key) => (
              <tr key={key.keyId}>
                <th scope="row" className="max-w-0 px-4 py-2 text-left font-normal sm:px-6">
                  <Link href={`/w/${slug}/api-keys/${key.keyId}`} prefetch={false} className="block truncate font-medium text-zinc-900 hover:underline dark:text-zinc-100">
                    {key.name}
                  </Link>
                </th>
                <td className="w-24 px-4 py-2 text-right tabular-nums">{format(key.requests)}</td>
                <td className="w-24 px-4 py-2 text-right tabular-nums sm:pr-6">{format(key.refused)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
