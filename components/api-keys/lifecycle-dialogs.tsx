"use client";

import dynamic from "next/dynamic";
import { createContext, use, useCallback, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { setApiKeyEnabledAction } from "@/lib/actions/api-keys";
import type { ApiKeyView } from "@/lib/keys/types";
import { KEY_SEARCH_INPUT_ID } from "./key-search";

// Loaded when first opened: the list page's first load does not grow (SPEC §9 dialogs are rare).
const RollKeyDialog = dynamic(() => import("./roll-key-dialog").then((m) => m.RollKeyDialog), { ssr: false });
const DisableKeyDialog = dynamic(() => import("./disable-key-dialog").then((m) => m.DisableKeyDialog), { ssr: false });
const BulkDeleteDialog = dynamic(() => import("./bulk-delete-dialog").then((m) => m.BulkDeleteDialog), { ssr: false });

type KeyRef = Pick<ApiKeyView, "id" | "name">;
type Request =
  | { kind: "roll"; key: KeyRef }
  | { kind: "disable"; key: KeyRef }
  | { kind: "bulkDelete"; keys: KeyRef[]; onDone?: (deleted: string[]) => void };

type LifecycleDialogs = {
  openRoll: (key: KeyRef, returnFocusTo?: HTMLElement | null) => void;
  openDisable: (key: KeyRef, returnFocusTo?: HTMLElement | null) => void;
  openBulkDelete: (keys: KeyRef[], onDone?: (deleted: string[]) => void, returnFocusTo?: HTMLElement | null) => void;
  /** Enabling does not ask (SPEC §9.2). */
  enable: (key: KeyRef) => Promise<void>;
};

const LifecycleDialogsContext = createContext<LifecycleDialogs | null>(null);

export function useLifecycleDialogs(): LifecycleDialogs {
  const dialogs = use(LifecycleDialogsContext);
  if (!dialogs) throw new Error("useLifecycleDialogs needs a LifecycleDialogsProvider");
  return dialogs;
}

/** Roll, disable and bulk-delete dialogs of one page; one open at a time, each opening a fresh one. */
export function LifecycleDialogsProvider({ slug, children }: { slug: string; children: React.ReactNode }) {
  const t = useTranslations("KeyDialogs.enable");
  const [dialog, setDialog] = useState<(Request & { instance: number }) | null>(null);
  const [open, setOpen] = useState(false);
  const counter = useRef(0);
  const returnFocus = useRef<HTMLElement | null>(null);

  const show = useCallback((request: Request, returnFocusTo?: HTMLElement | null) => {
    returnFocus.current = returnFocusTo ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    counter.current += 1;
    setDialog({ ...request, instance: counter.current });
    setOpen(true);
  }, []);

  const dialogs = useMemo<LifecycleDialogs>(
    () => ({
      openRoll: (key, el) => show({ kind: "roll", key }, el),
      openDisable: (key, el) => show({ kind: "disable", key }, el),
      openBulkDelete: (keys, onDone, el) => show({ kind: "bulkDelete", keys, onDone }, el),
      enable: async (key) => {
        const result = await setApiKeyEnabledAction(slug, key.id, true).catch(() => null);
        if (result?.ok) toast.success(t("toast"));
        else toast.error(result && !result.ok ? result.error : t("failed"));
      },
    }),
    [show, slug, t],
  );

  const restoreFocus = (event: Event) => {
    event.preventDefault();
    const target = returnFocus.current;
    if (target?.isConnected) target.focus();
    else document.getElementById(KEY_SEARCH_INPUT_ID)?.focus();
  };
  const props = { open, onOpenChange: (value: boolean) => setOpen(value), slug, onCloseAutoFocus: restoreFocus };

  return (
    <LifecycleDialogsContext value={dialogs}>
      {children}
      {dialog?.kind === "roll" && <RollKeyDialog key={dialog.instance} {...props} apiKey={dialog.key} />}
      {dialog?.kind === "disable" && <DisableKeyDialog key={dialog.instance} {...props} apiKey={dialog.key} />}
      {dialog?.kind === "bulkDelete" && <BulkDeleteDialog key={dialog.instance} {...props} keys={dialog.keys} onDone={dialog.onDone} />}
    </LifecycleDialogsContext>
  );
}
