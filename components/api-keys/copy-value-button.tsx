"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { ClipboardIcon } from "./icons";

/**
 * Copies a value already on the page (not a secret), for server components: the clipboard icon
 * beside the value, as "Copy key" sits beside the hint in the list.
 */
export function CopyValueButton({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton label={label} title={label} variant="ghost" size="icon" getText={() => value}>
      <ClipboardIcon />
    </CopyButton>
  );
}
