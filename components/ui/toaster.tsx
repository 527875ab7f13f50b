"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { Toaster as Sonner } from "sonner";

const SMALL = "(max-width: 639px)";
const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(SMALL);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

/**
 * Bottom right on wide screens, beside the centred dialogs. On phones a dialog's footer buttons
 * sit at the bottom, so toasts come from the top, over the dialog's title rather than an action.
 */
export function Toaster() {
  const t = useTranslations("Ui");
  const small = useSyncExternalStore(
    subscribe,
    () => window.matchMedia(SMALL).matches,
    () => false,
  );
  return (
    <Sonner
      position={small ? "top-center" : "bottom-right"}
      theme="system"
      richColors
      closeButton
      duration={4000}
      containerAriaLabel={t("notifications")}
      toastOptions={{ closeButtonAriaLabel: t("closeToast") }}
    />
  );
}
