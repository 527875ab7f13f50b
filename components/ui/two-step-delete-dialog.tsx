"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-errors";
import { Input, Label } from "@/components/ui/input";

/**
 * A deletion confirmed twice: a warning (`title`, `description`, `children`; "Cancel",
 * "Continue"), then "Confirm deletion", where "Delete permanently" is enabled only once the input
 * labelled `confirmLabel` holds exactly `expected`. Mount it anew for each opening.
 */
export function TwoStepDeleteDialog({
  open,
  onOpenChange,
  onCloseAutoFocus,
  title,
  description,
  children,
  confirmDescription,
  confirmLabel,
  expected,
  pending,
  error,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus?: (event: Event) => void;
  title: string;
  description: ReactNode;
  children: ReactNode;
  confirmDescription: ReactNode;
  confirmLabel: string;
  expected: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
}) {
  const t = useTranslations("KeyDialogs");
  const [step, setStep] = useState<"warn" | "confirm">("warn");
  const [typed, setTyped] = useState("");
  const id = useId();
  const matches = typed === expected;

  if (step === "warn") {
    return (
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        role="alertdialog"
        title={title}
        description={description}
        onCloseAutoFocus={onCloseAutoFocus}
        footer={
          <>
            <Button variant="secondary" onClick={() => onOpenChange(false)} autoFocus>
              {t("cancel")}
            </Button>
            <Button variant="destructive" onClick={() => setStep("confirm")}>
              {t("twoStep.continue")}
            </Button>
          </>
        }
      >
        {children}
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      role="alertdialog"
      title={t("twoStep.confirmTitle")}
      description={confirmDescription}
      onCloseAutoFocus={onCloseAutoFocus}
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {t("cancel")}
          </Button>
          <Button variant="destructive" type="submit" form={`${id}-form`} disabled={!matches} pending={pending}>
            {t("twoStep.deletePermanently")}
          </Button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (matches) onConfirm();
        }}
      >
        <FormError message={error} />
        <Label htmlFor={`${id}-confirm`}>{confirmLabel}</Label>
        <Input
          id={`${id}-confirm`}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          className="font-mono"
        />
      </form>
    </Dialog>
  );
}
