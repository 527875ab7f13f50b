"use client";

import { useTranslations } from "next-intl";
import type { BuiltInRole } from "@/db/schema";

/** A role's name as the reader's language says it: built-in roles are translated, custom ones are the name their creator gave. */
export function RoleName({ name, builtIn }: { name: string; builtIn?: BuiltInRole | null }) {
  const t = useTranslations("Common.roles");
  return builtIn ? t(builtIn) : name;
}
