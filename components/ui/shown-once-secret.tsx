"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "./copy-button";
import { Input, Label } from "./input";

/**
 * A secret the server hands over once (a new key's secret, a new member's initial password):
 * a read-only field that selects itself on focus, a copy button, and a note saying how to keep it.
 */
export function ShownOnceSecret({
  id,
  label,
  value,
  copyLabel,
  autoFocus,
  children,
}: {
  id: string;
  label: string;
  value: string;
  /** The copy button's accessible name (default: "Copy"); its text is always "Copy", in the reader's language. */
  copyLabel?: string;
  autoFocus?: boolean;
  children: React.ReactNode;
}) {
  const t = useTranslations("KeyDialogs");
  return (
    <>
      <Label htmlFor={id}>{label}</Label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input
          id={id}
          readOnly
          autoFocus={autoFocus}
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="font-mono text-[13px]"
          spellCheck={false}
        />
        <CopyButton getText={() => value} label={copyLabel ?? t("copy")} size="md" className="justify-center">
          {t("copy")}
        </CopyButton>
      </div>
      <div
        role="note"
        className="mt-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
      >
        {children}
      </div>
    </>
  );
}
