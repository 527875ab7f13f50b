"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useAllowedSections } from "@/components/layout/allowed-sections";
import { Forbidden, forbiddenCopyFor } from "@/components/layout/forbidden";
import { SECTION_KEYS } from "@/lib/auth/section-keys";
import { SECTIONS } from "@/lib/auth/sections";

/**
 * What `forbidden()` renders (HTTP 403) inside the workspace shell. A forbidden page takes no
 * props, so the section comes from the path: /w/[slug]/<section>/…; the way on is the first
 * section the member may open.
 */
export default function WorkspaceForbidden() {
  const [, , slug, section] = usePathname().split("/");
  const allowed = useAllowedSections();
  const next = SECTIONS.find((s) => s.path !== section && allowed?.includes(s.path));
  const t = useTranslations("Shell");
  const copy = forbiddenCopyFor(section);
  return (
    <Forbidden title={t(`forbidden.${copy}.title`)} message={t(`forbidden.${copy}.message`)}>
      {next && slug && (
        <Link href={`/w/${slug}/${next.path}`} className="mt-4 inline-block text-sm font-medium text-indigo-700 underline hover:no-underline dark:text-indigo-300">
          {t("forbidden.goTo", { section: t(`nav.${SECTION_KEYS[next.path]}`) })}
        </Link>
      )}
    </Forbidden>
  );
}
