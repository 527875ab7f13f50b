"use client";

import { Toaster as Sonner } from "sonner";

// Sonner's light rich colours miss WCAG AA (about 4.3:1 for success and error text): darker
// text on the same backgrounds passes; its dark-theme colours already do and are kept.
const READABLE_RICH_COLORS = [
  "[--success-text:var(--color-green-800)] dark:[--success-text:hsl(150_86%_65%)]",
  "[--error-text:var(--color-red-700)] dark:[--error-text:hsl(358_100%_81%)]",
  "[--info-text:var(--color-blue-800)] dark:[--info-text:hsl(216_87%_65%)]",
  "[--warning-text:var(--color-amber-800)] dark:[--warning-text:hsl(46_87%_65%)]",
].join(" ");

export function Toaster() {
  return (
    <Sonner
      position="bottom-right"
      theme="system"
      richColors
      closeButton
      duration={4000}
      toastOptions={{ className: READABLE_RICH_COLORS }}
    />
  );
}
