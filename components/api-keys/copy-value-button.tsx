"use client";

import { CopyButton } from "@/components/ui/copy-button";

/** Copies a value already on the page (not a secret), for server components. */
export function CopyValueButton({ value, label }: { value: string; label: string }) {
  return <CopyButton label={label} getText={() => value} />;
}
