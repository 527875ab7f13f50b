"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { CreateKeyOptions } from "@/lib/keys/types";
import { PlusIcon } from "./icons";
import { useKeyDialogs } from "./key-dialogs";

/** "Create key"; disabled with the reason when the server would refuse (e.g. the limit of 10). */
export function CreateKeyButton({ options, label: given }: { options: CreateKeyOptions; label?: string }) {
  const t = useTranslations("ApiKeys");
  const label = given ?? t("createKey");
  const dialogs = useKeyDialogs();
  if (!options.canCreate) {
    return (
      <div className="flex flex-col items-start gap-1 sm:items-end">
        <Button disabled aria-describedby="create-key-reason">
          <PlusIcon />
          {label}
        </Button>
        <p id="create-key-reason" className="max-w-72 text-xs text-zinc-600 sm:text-right dark:text-zinc-400">
          {options.reason}
        </p>
      </div>
    );
  }
  return (
    <Button onClick={(e) => dialogs.openCreate(e.currentTarget)}>
      <PlusIcon />
      {label}
    </Button>
  );
}
