"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { SECTION_KEYS } from "@/lib/auth/section-keys";
import { NavigationPending } from "./navigation-pending";
import { useAllowedSections } from "./allowed-sections";

const ITEMS = Object.entries(SECTION_KEYS).map(([path, key]) => ({ path: path as keyof typeof SECTION_KEYS, key }));

export function WorkspaceNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  const allowed = useAllowedSections();
  const t = useTranslations("Shell.nav");
  return (
    <nav aria-label={t("label")} className="lg:w-44 lg:shrink-0">
      {/* Two rows on phones rather than a tab strip that scrolls "Settings" out of sight. */}
      <ul className="-mx-1 grid grid-cols-3 gap-1 sm:flex sm:flex-wrap lg:flex-col">
        {ITEMS.map((item) => {
          const href = `/w/${slug}/${item.path}`;
          const active = pathname === href || pathname.startsWith(`${href}/`);
          // Kept in the list (SPEC §4 names every item) but not a link for a member who may not open it.
          if (allowed && !allowed.includes(item.path)) {
            return (
              <li key={item.path}>
                <span
                  aria-disabled="true"
                  title={t("lockedTitle")}
                  className="flex items-center gap-1.5 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap text-zinc-500 max-sm:justify-center max-sm:px-1 max-sm:text-center max-sm:leading-tight max-sm:whitespace-normal dark:text-zinc-400"
                >
                  {t(item.key)}
                  <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-3.5 w-3.5">
                    <path fillRule="evenodd" d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z" clipRule="evenodd" />
                  </svg>
                  <span className="sr-only">{t("noAccess")}</span>
                </span>
              </li>
            );
          }
          return (
            <li key={item.path}>
              <Link
                href={href}
                prefetch={false}
                aria-current={active ? "page" : undefined}
                className={cn(
                  // Phones: three to a row; a long name ("Журнал аудиту") wraps inside its cell instead of
                  // running into the next one.
                  "block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap max-sm:px-1 max-sm:text-center max-sm:leading-tight max-sm:whitespace-normal",
                  active
                    ? "bg-zinc-200/70 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100"
                    : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100",
                )}
              >
                {t(item.key)}
                <NavigationPending />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
