"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import {
  createSharedSecretAction,
  revealSharedSecretAction,
  setRequireSignedRequestsAction,
} from "@/lib/actions/shared-secret";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { LocalTime } from "@/components/ui/local-time";
import { Switch } from "@/components/ui/switch";
import { useServerAction } from "@/lib/client/use-server-action";
import type { SharedSecretStatus } from "@/lib/signing/shared-secret";
import { RotateSharedSecretDialog } from "./rotate-shared-secret-dialog";
import { SettingsSection } from "./settings-section";

const muted = "text-sm text-zinc-600 dark:text-zinc-400";
const term = "font-medium text-zinc-800 dark:text-zinc-200";

export function SharedSecretPanel({ slug, initialStatus }: { slug: string; initialStatus: SharedSecretStatus }) {
  const t = useTranslations("Settings.sharedSecret");
  const [status, setStatus] = useState(initialStatus);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [rotateOpen, setRotateOpen] = useState(false);
  const creation = useServerAction(createSharedSecretAction);
  const reveal = useServerAction(revealSharedSecretAction);
  const copy = useServerAction(revealSharedSecretAction);
  const requirement = useServerAction(setRequireSignedRequestsAction);
  const { current, previous } = status;

  async function create() {
    const result = await creation.run(slug);
    if (!result.ok) return void toast.error(result.error);
    setStatus(result.data);
    requirement.clearError();
    toast.success(t("createdToast"));
  }

  async function toggleReveal() {
    if (revealed) return setRevealed(null);
    const result = await reveal.run(slug, "reveal");
    if (!result.ok) return void toast.error(result.error);
    setRevealed(result.data.secret);
  }

  async function copySecret() {
    const result = await copy.run(slug, "copy");
    if (!result.ok) {
      toast.error(result.error);
      return null;
    }
    return result.data.secret;
  }

  async function setRequired(enabled: boolean) {
    const result = await requirement.run(slug, { enabled });
    // Shown beside the switch (an alert), not as a toast: it says what to do first.
    if (!result.ok) return;
    setStatus(result.data);
    toast.success(enabled ? t("requiredOn") : t("requiredOff"));
  }

  return (
    <SettingsSection
      id="shared-secret"
      title={t("title")}
      description={t("description")}
    >
      {current ? (
        <>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-y-3">
            <dt className={term}>{t("secret")}</dt>
            <dd className="mb-2 min-w-0 sm:mb-0">
              <code
                data-testid="shared-secret-value"
                className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-sm break-all dark:bg-zinc-800"
              >
                {revealed ?? current.hint}
              </code>
            </dd>
            <dt className={term}>{t("created")}</dt>
            <dd className="mb-2 sm:mb-0">
              <LocalTime iso={current.createdAt} />
            </dd>
            {previous && (
              <>
                <dt className={term}>{t("previous")}</dt>
                <dd data-testid="previous-shared-secret">
                  {t.rich("previousUntil", {
                    hint: previous.hint,
                    code: (chunks) => <code className="font-mono">{chunks}</code>,
                    time: () => <LocalTime iso={previous.validUntil} />,
                  })}
                </dd>
              </>
            )}
          </dl>
          <div className="mt-4 flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" pending={reveal.pending} onClick={toggleReveal}>
              {revealed ? t("hide") : t("reveal")}
            </Button>
            <CopyButton label={t("copy")} getText={copySecret} />
            <Button variant="secondary" size="sm" onClick={() => setRotateOpen(true)}>
              {t("rotate")}
            </Button>
          </div>
          <RotateSharedSecretDialog
            slug={slug}
            open={rotateOpen}
            onOpenChange={setRotateOpen}
            onRotated={(next) => {
              setStatus(next);
              setRevealed(null);
            }}
          />
        </>
      ) : (
        <div className="flex flex-col items-start gap-3">
          <p className={muted}>{t("none")}</p>
          <Button pending={creation.pending} onClick={create}>
            {t("create")}
          </Button>
        </div>
      )}

      <div className="mt-5 flex items-start justify-between gap-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <div className="min-w-0">
          <p id="require-signed-label" className="text-sm font-medium">
            {t("require.label")}
          </p>
          <p id="require-signed-description" className={`mt-1 ${muted}`}>
            {t.rich("require.description", {
              code: (chunks) => <code className="font-mono whitespace-nowrap">{chunks}</code>,
            })}
            {!current && ` ${t("require.createFirst")}`}
          </p>
          {requirement.error && (
            <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
              {requirement.error}
            </p>
          )}
        </div>
        <Switch
          aria-labelledby="require-signed-label"
          aria-describedby="require-signed-description"
          checked={status.requireSignedRequests}
          pending={requirement.pending}
          onCheckedChange={setRequired}
        />
      </div>
    </SettingsSection>
  );
}
