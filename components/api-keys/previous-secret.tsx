"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { expirePreviousSecretAction } from "@/lib/actions/api-keys";
import { useServerAction } from "@/lib/client/use-server-action";
import type { ApiKeyView, PreviousSecretView } from "@/lib/keys/types";

const muted = "text-zinc-600 dark:text-zinc-400";

/** SPEC §9.1: the previous secret while it still works: hint, "works until …", its own "Last used", "Expire now". */
export function PreviousSecret({
  slug,
  apiKey,
  previous,
}: {
  slug: string;
  apiKey: Pick<ApiKeyView, "id" | "can">;
  previous: PreviousSecretView;
}) {
  const t = useTranslations("KeyDetails.previousSecret");
  const expire = useServerAction(expirePreviousSecretAction);
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
      <div className="grid gap-1 text-sm">
        <p className="flex flex-wrap items-baseline gap-x-2">
          <code className="font-mono text-xs">{previous.hint}</code>
          <span>
            {t.rich("worksUntil", { time: () => <LocalTime iso={previous.validUntil} /> })}
          </span>
        </p>
        <p className="flex flex-wrap items-baseline gap-x-2">
          <span className={muted}>{t("lastUsed")}</span>
          {previous.lastUsedAt ? <LocalTime iso={previous.lastUsedAt} /> : <span className={muted}>{t("never")}</span>}
        </p>
        {expire.error && (
          <p role="alert" className="text-red-600 dark:text-red-400">
            {expire.error}
          </p>
        )}
      </div>
      {apiKey.can.modify && (
        <Button
          size="sm"
          variant="secondary"
          pending={expire.pending}
          onClick={async () => {
            const result = await expire.run(slug, apiKey.id);
            if (result.ok) toast.success(t("toast"));
          }}
        >
          {t("expireNow")}
        </Button>
      )}
    </div>
  );
}
