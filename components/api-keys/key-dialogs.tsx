"use client";

import dynamic from "next/dynamic";
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ApiKeyView, CreateKeyOptions } from "@/lib/keys/types";
import { KEY_SEARCH_INPUT_ID } from "./key-search";
import { LifecycleDialogsProvider } from "./lifecycle-dialogs";

// The forms (react-hook-form, zod and the shared schemas) are not needed to show the list: they
// load once the page is idle, or on the first click if that comes sooner.
const loadCreateDialog = () => import("./create-key-dialog");
const loadModifyDialog = () => import("./modify-key-dialog");
const loadDeleteDialog = () => import("./delete-key-dialog");
const CreateKeyDialog = dynamic(() => loadCreateDialog().then((m) => m.CreateKeyDialog), { ssr: false });
const ModifyKeyDialog = dynamic(() => loadModifyDialog().then((m) => m.ModifyKeyDialog), { ssr: false });
const DeleteKeyDialog = dynamic(() => loadDeleteDialog().then((m) => m.DeleteKeyDialog), { ssr: false });

type DialogRequest = { kind: "create" } | { kind: "modify"; key: ApiKeyView } | { kind: "delete"; key: ApiKeyView };
type OpenDialog = DialogRequest & { instance: number };

type KeyDialogs = {
  /** `returnFocusTo`: what gets focus back when the dialog closes (default: what has it now). */
  openCreate: (returnFocusTo?: HTMLElement | null) => void;
  openModify: (key: ApiKeyView, returnFocusTo?: HTMLElement | null) => void;
  openDelete: (key: ApiKeyView, returnFocusTo?: HTMLElement | null) => void;
};

const KeyDialogsContext = createContext<KeyDialogs | null>(null);

export function useKeyDialogs(): KeyDialogs {
  const dialogs = use(KeyDialogsContext);
  if (!dialogs) throw new Error("useKeyDialogs needs a KeyDialogsProvider");
  return dialogs;
}

/**
 * The create, modify and delete dialogs of one page, opened from the header, the row menus or
 * the details page. One dialog is open at a time; each opening mounts a fresh one.
 */
export function KeyDialogsProvider({
  slug,
  options,
  onDeleted,
  onSaved,
  children,
}: {
  slug: string;
  options: CreateKeyOptions;
  /** After a deletion (the details page leaves for the list). */
  onDeleted?: (key: ApiKeyView) => void;
  /** After a key was created or modified. */
  onSaved?: () => void;
  children: React.ReactNode;
}) {
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  useEffect(() => {
    const preload = () => void Promise.all([loadCreateDialog(), loadModifyDialog(), loadDeleteDialog()]);
    if ("requestIdleCallback" in window) {
      const id = window.requestIdleCallback(preload, { timeout: 3000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = setTimeout(preload, 1000);
    return () => clearTimeout(id);
  }, []);
  const [open, setOpen] = useState(false);
  const counter = useRef(0);
  const returnFocus = useRef<HTMLElement | null>(null);
  // The instance open now, if any: a dialog replaced by another must not pull focus out of it.
  const openInstance = useRef<number | null>(null);

  const show = useCallback((next: DialogRequest, returnFocusTo?: HTMLElement | null) => {
    // A dialog opened from another one (create → "Modify configuration") keeps the first one's target.
    if (returnFocusTo !== undefined) returnFocus.current = returnFocusTo;
    else if (openInstance.current === null)
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    counter.current += 1;
    openInstance.current = counter.current;
    setDialog({ ...next, instance: counter.current });
    setOpen(true);
  }, []);

  const dialogs = useMemo<KeyDialogs>(
    () => ({
      openCreate: (el) => show({ kind: "create" }, el),
      openModify: (key, el) => show({ kind: "modify", key }, el),
      openDelete: (key, el) => show({ kind: "delete", key }, el),
    }),
    [show],
  );

  // Dialogs opened from a menu item have no Radix trigger to return focus to: send it back to
  // the row's "Actions" button (or the search box when the row is gone).
  const restoreFocus = (event: Event) => {
    event.preventDefault();
    if (openInstance.current !== null) return;
    const target = returnFocus.current;
    if (target?.isConnected) target.focus();
    else document.getElementById(KEY_SEARCH_INPUT_ID)?.focus();
  };

  const close = (value: boolean) => {
    if (value) return;
    openInstance.current = null;
    setOpen(false);
  };

  return (
    <KeyDialogsContext value={dialogs}>
      {/* Roll, disable and bulk delete (SPEC §9), wherever these dialogs are. */}
      <LifecycleDialogsProvider slug={slug}>{children}</LifecycleDialogsProvider>
      {dialog?.kind === "create" && (
        <CreateKeyDialog
          key={dialog.instance}
          open={open}
          onOpenChange={close}
          slug={slug}
          options={options}
          onModify={(key) => show({ kind: "modify", key })}
          onCloseAutoFocus={restoreFocus}
        />
      )}
      {dialog?.kind === "modify" && (
        <ModifyKeyDialog
          key={dialog.instance}
          open={open}
          onOpenChange={close}
          slug={slug}
          apiKey={dialog.key}
          roles={options.roles}
          onSaved={onSaved}
          onCloseAutoFocus={restoreFocus}
        />
      )}
      {dialog?.kind === "delete" && (
        <DeleteKeyDialog
          key={dialog.instance}
          open={open}
          onOpenChange={close}
          slug={slug}
          apiKey={dialog.key}
          onDeleted={() => {
            returnFocus.current = null;
            onDeleted?.(dialog.key);
          }}
          onCloseAutoFocus={restoreFocus}
        />
      )}
    </KeyDialogsContext>
  );
}
