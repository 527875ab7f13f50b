"use client";

import { useTranslations } from "next-intl";
import { useKeyDialogs } from "@/components/api-keys/key-dialogs";
import type { ApiKeyView } from "@/lib/keys/types";

/** "Modify roles": opens the Modify dialog of the key (the link works as a plain reload without script). */
export function ModifyRolesLink({ slug, apiKey }: { slug: string; apiKey: ApiKeyView }) {
  const t = useTranslations("Usage.key");
  const dialogs = useKeyDialogs();
  return (
    <a
      href={`/w/${slug}/api-keys/${apiKey.id}`}
      onClick={(e) => {
        e.preventDefault();
        dialogs.openModify(apiKey, e.currentTarget);
      }}
      className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
    >
      {t("modifyRoles")}
    </a>
  );
}
