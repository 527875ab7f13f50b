"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import type { ApiKeyView, CreateKeyOptions } from "@/lib/keys/types";
import { KeyDialogsProvider, useKeyDialogs } from "./key-dialogs";
import { useLifecycleDialogs } from "./lifecycle-dialogs";

/** The details page's dialogs: after a change the page reloads; after a deletion it goes back to the list. */
export function KeyDetailsDialogs({
  slug,
  options,
  children,
}: {
  slug: string;
  options: CreateKeyOptions;
  children: React.ReactNode;
}) {
  const router = useRouter();
  return (
    <KeyDialogsProvider
      slug={slug}
      options={options}
      onSaved={() => router.refresh()}
      onDeleted={() => router.replace(`/w/${slug}/api-keys`)}
    >
      {children}
    </KeyDialogsProvider>
  );
}

/** "Modify", "Roll key", "Disable"/"Enable" and "Delete", when the viewer may. */
export function KeyDetailsActions({ apiKey }: { apiKey: ApiKeyView }) {
  const t = useTranslations("KeyDetails.actions");
  const dialogs = useKeyDialogs();
  const lifecycle = useLifecycleDialogs();
  return (
    <>
      {apiKey.can.modify && (
        <Button variant="secondary" onClick={(e) => dialogs.openModify(apiKey, e.currentTarget)}>
          {t("modify")}
        </Button>
      )}
      {apiKey.can.modify && (
        <Button variant="secondary" onClick={(e) => lifecycle.openRoll(apiKey, e.currentTarget)}>
          {t("roll")}
        </Button>
      )}
      {apiKey.can.modify &&
        (apiKey.enabled ? (
          <Button variant="secondary" onClick={(e) => lifecycle.openDisable(apiKey, e.currentTarget)}>
            {t("disable")}
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => void lifecycle.enable(apiKey)}>
            {t("enable")}
          </Button>
        ))}
      {apiKey.can.delete && (
        <Button variant="destructive" onClick={(e) => dialogs.openDelete(apiKey, e.currentTarget)}>
          {t("delete")}
        </Button>
      )}
    </>
  );
}
