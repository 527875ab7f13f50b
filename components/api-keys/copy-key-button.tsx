"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { revealApiKeySecretAction } from "@/lib/actions/api-keys";
import { CopyButton } from "@/components/ui/copy-button";
import type { ApiKeyView } from "@/lib/keys/types";
import { ClipboardIcon } from "./icons";
import { useServerAction } from "@/lib/client/use-server-action";

/**
 * "Copy key": fetches the full secret on click (the server checks the permission and audits
 * the copy), so no page ever carries a secret. Offered only for keys whose secret is stored.
 */
export function CopyKeyButton({ slug, apiKey }: { slug: string; apiKey: Pick<ApiKeyView, "id"> }) {
  const t = useTranslations("ApiKeys.secret");
  const copy = useServerAction(revealApiKeySecretAction);
  return (
    <CopyButton
      label={t("copyKey")}
      variant="ghost"
      size="icon"
      title={t("copyKeyTitle")}
      getText={async () => {
        const result = await copy.run(slug, apiKey.id, "copy");
        if (!result.ok) {
          toast.error(result.error);
          return null;
        }
        // The workspace switched to showing secrets only once since the list was loaded.
        if (result.data.secret === null) {
          toast.info(t("shownOnce"));
          return null;
        }
        return result.data.secret;
      }}
    >
      <ClipboardIcon />
    </CopyButton>
  );
}

/** In place of "Copy key" where no secret is stored: nothing to copy, and why. */
export function SecretNotStored() {
  const t = useTranslations("ApiKeys.secret");
  return (
    <span className="text-xs text-zinc-500 dark:text-zinc-400" title={t("notStoredTitle")}>
      {t("notStored")}
    </span>
  );
}
