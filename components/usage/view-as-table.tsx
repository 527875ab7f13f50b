"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";

/** "View as table": the chart's numbers as a table, the accessible alternative to the bars. */
export function ViewAsTable({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="mt-3">
      <Button variant="secondary" size="sm" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        View as table
      </Button>
      <div id={id} hidden={!open} className="mt-3">
        {children}
      </div>
    </div>
  );
}
