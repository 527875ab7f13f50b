"use client";

import { Dialog as RadixDialog } from "radix-ui";
import { cn } from "./cn";

/**
 * Modal dialog (Radix: focus trap, Escape closes, focus returns to the trigger). Controlled:
 * pass `open` and `onOpenChange`.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
  className,
  role = "dialog",
  onCloseAutoFocus,
  dismissOnOutsideClick = true,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: React.ReactNode;
  children?: React.ReactNode;
  footer?: React.ReactNode;
  className?: string;
  /** "alertdialog" for confirmations of destructive actions. */
  role?: "dialog" | "alertdialog";
  /** Where focus goes on close when the dialog was not opened by a trigger (e.g. from a menu item). */
  onCloseAutoFocus?: (event: Event) => void;
  /** False keeps the dialog open on a click outside (e.g. while it shows a secret seen only once). */
  dismissOnOutsideClick?: boolean;
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/50 backdrop-blur-[1px]" />
        <RadixDialog.Content
          role={role}
          onCloseAutoFocus={onCloseAutoFocus}
          onInteractOutside={dismissOnOutsideClick ? undefined : (event) => event.preventDefault()}
          className={cn(
            "fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col rounded-xl border border-zinc-200 bg-white shadow-xl dark:border-zinc-800 dark:bg-zinc-900",
            className,
          )}
        >
          <div className="border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
            <RadixDialog.Title className="text-lg font-semibold break-words">{title}</RadixDialog.Title>
            {description ? (
              <RadixDialog.Description className="mt-1 text-sm break-words text-zinc-600 dark:text-zinc-400">
                {description}
              </RadixDialog.Description>
            ) : (
              <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
            )}
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
          {footer && (
            <div className="flex flex-wrap justify-end gap-2 border-t border-zinc-200 px-5 py-3 dark:border-zinc-800">
              {footer}
            </div>
          )}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
