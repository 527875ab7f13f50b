"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { revealApiKeySecretAction } from "@/lib/actions/api-keys";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { LocalTime } from "@/components/ui/local-time";
import type { ApiKeyView } from "@/lib/keys/types";
import { useServerAction } from "@/lib/client/use-server-action";
import type { ShowOnceSwitch } from "@/lib/workspaces/secret-storage";

/** The hint with the hidden middle as dots, as long as the secret (35 characters). */
export function maskedSecret(hint: string): string {
  return hint.replace("…", "•".repeat(24));
}

/**
 * Why a key has no stored secret: it was created while the workspace showed secrets only once,
 * or it is older and its stored secret was deleted when the setting was turned on.
 */
function NotStored({ createdAt, since }: { createdAt: string; since: ShowOnceSwitch | null }) {
  const t = useTranslations("ApiKeys.secret");
  if (!since || Date.parse(createdAt) >= Date.parse(since.at)) return <>{t("shownOnce")}</>;
  return <>{t.rich("deletedWhenShownOnce", { by: since.by, when: () => <LocalTime iso={since.at} relative={false} /> })}</>;
}

/**
 * The secret, masked; "Reveal" and "Copy" fetch it from the server, which checks the
 * permission and records each in the audit trail. Nothing secret is in the page until then.
 */
export function KeySecret({
  slug,
  apiKey,
  shownOnceSince = null,
}: {
  slug: string;
  apiKey: Pick<ApiKeyView, "id" | "hint" | "secretStored" | "can" | "createdAt">;
  /** When "Show secrets only once" was last turned on, for a key without a stored secret. */
  shownOnceSince?: ShowOnceSwitch | null;
}) {
  const t = useTranslations("ApiKeys.secret");
  const [secret, setSecret] = useState<string | null>(null);
  const reveal = useServerAction(revealApiKeySecretAction);
  const copy = useServerAction(revealApiKeySecretAction);
  const router = useRouter();

  const fetchSecret = async (purpose: "reveal" | "copy"): Promise<string | null> => {
    const result = await (purpose === "reveal" ? reveal : copy).run(slug, apiKey.id, purpose);
    if (!result.ok) {
      toast.error(result.error);
      return null;
    }
    if (result.data.secret === null) toast.info(t("shownOnce"));
    // The reveal or copy is now in the key's audit trail below: show it without a reload.
    else router.refresh();
    return result.data.secret;
  };

  const value = (
    <code className="block min-w-0 rounded-md bg-zinc-100 px-2.5 py-1.5 font-mono text-sm text-balance break-all dark:bg-zinc-800">
      {secret ?? maskedSecret(apiKey.hint)}
    </code>
  );

  if (!apiKey.secretStored) {
    return (
      <div className="space-y-2">
        {value}
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <NotStored createdAt={apiKey.createdAt} since={shownOnceSince} />
        </p>
      </div>
    );
  }
  if (!apiKey.can.reveal) {
    return (
      <div className="space-y-2">
        {value}
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("onlyCreator")}
        </p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <div className="min-w-0 sm:flex-1" aria-live="polite">
        {value}
      </div>
      <div className="flex gap-2">
        <Button
          variant="secondary"
          size="sm"
          pending={reveal.pending}
          onClick={async () => {
            if (secret !== null) {
              setSecret(null);
              return;
            }
            setSecret(await fetchSecret("reveal"));
          }}
        >
          {secret !== null ? t("hide") : t("reveal")}
        </Button>
        <CopyButton label={t("copy")} getText={() => fetchSecret("copy")} />
      </div>
    </div>
  );
}
