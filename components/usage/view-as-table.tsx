"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";

/** "View as table": the chart's numbers as a table, the accessible alternative to the bars. */
export function ViewAsTable({ children }: { children: React.ReactNode }) {
  const t = useTranslations("Usage");
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="mt-3">
      <Button variant="secondary" size="sm" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {t("viewAsTable")}
      </Button>
      <div id={id} hidden={!open} className="mt-3">
        {children}
      </div>
    </div>
  );
}
