"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Button, type ButtonProps } from "./button";

/** Writes to the clipboard; falls back to a hidden textarea where the Clipboard API is missing. */
export async function copyToClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // fall through: permission denied or insecure context
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  if (!copied) throw new Error("copy failed");
}

/**
 * Copies the text `getText` resolves to (a value, or a server action fetching a secret), then
 * toasts "Copied" (in the reader's language). `getText` returning null means there is nothing to copy; it shows its own message.
 */
export function CopyButton({
  getText,
  label,
  children,
  ...props
}: Omit<ButtonProps, "onClick" | "pending"> & {
  getText: () => Promise<string | null> | string | null;
  label?: string;
}) {
  const t = useTranslations("Ui");
  const name = label ?? t("copy");
  const [pending, setPending] = useState(false);
  const self = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  // Pending disables the button, which drops its focus (to the dialog, or <body>): once it is
  // enabled again, give the focus back to it.
  useEffect(() => {
    if (pending || !refocus.current) return;
    refocus.current = false;
    self.current?.focus();
  }, [pending]);
  return (
    <Button
      ref={self}
      variant="secondary"
      size="sm"
      aria-label={name}
      pending={pending}
      {...props}
      onClick={async (event) => {
        refocus.current = document.activeElement === event.currentTarget;
        setPending(true);
        try {
          const text = await getText();
          if (text === null) return;
          await copyToClipboard(text);
          toast.success(t("copied"));
        } catch {
          toast.error(t("copyFailed"));
        } finally {
          setPending(false);
        }
      }}
    >
      {children ?? name}
    </Button>
  );
}
