"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Menu, MenuItem, MenuLabel } from "@/components/ui/menu";
import { setLanguageAction } from "@/lib/actions/language";
import { settle } from "@/lib/client/action-result";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

function GlobeIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" className="size-4 shrink-0">
      <circle cx="10" cy="10" r="7.5" />
      <path d="M2.5 10h15M10 2.5c2 2.2 3 4.7 3 7.5s-1 5.3-3 7.5M10 2.5c-2 2.2-3 4.7-3 7.5s1 5.3 3 7.5" />
    </svg>
  );
}

/** The header's "Language" menu: the choice is kept on the user and every page re-renders in it. */
export function LanguageMenu() {
  const t = useTranslations("Header");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const choose = (locale: (typeof LOCALES)[number]) => {
    if (locale === current) return;
    startTransition(async () => {
      const result = await settle(() => setLanguageAction({ locale }));
      if (result.ok) router.refresh();
      else toast.error(t("languageFailed"));
    });
  };
  return (
    <Menu
      modal
      triggerClassName="inline-flex h-8 items-center gap-1.5 rounded-md px-2 text-sm text-zinc-700 hover:bg-zinc-100 data-[state=open]:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:data-[state=open]:bg-zinc-800"
      trigger={
        <>
          <GlobeIcon />
          {/* Phones: the globe alone; the name is still "Language" for screen readers. */}
          <span className={pending ? "sr-only opacity-60 sm:not-sr-only" : "sr-only sm:not-sr-only"}>
            {t("language")}
          </span>
        </>
      }
    >
      <MenuLabel>{t("language")}</MenuLabel>
      {LOCALES.map((locale) => (
        <MenuItem key={locale} onSelect={() => choose(locale)}>
          <span aria-hidden="true" className="w-3 text-indigo-600 dark:text-indigo-400">
            {locale === current ? "✓" : ""}
          </span>
          <span lang={locale}>{LOCALE_NAMES[locale]}</span>
          {locale === current && <span className="sr-only">{t("current")}</span>}
        </MenuItem>
      ))}
    </Menu>
  );
}
