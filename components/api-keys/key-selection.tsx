"use client";

import { createContext, use, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { ApiKeyView } from "@/lib/keys/types";

type Selection = {
  /** The page's keys the viewer may change: the only ones that can be selected. */
  selectable: ApiKeyView[];
  selected: ReadonlySet<string>;
  toggle: (id: string, on: boolean) => void;
  setAll: (on: boolean) => void;
  clear: () => void;
};

const SelectionContext = createContext<Selection | null>(null);

export function useKeySelection(): Selection | null {
  return use(SelectionContext);
}

/** The rows ticked on this page (SPEC §9.3); a new page, search or filter starts with none. */
export function KeySelectionProvider({ keys, children }: { keys: ApiKeyView[]; children: React.ReactNode }) {
  const [ticked, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selectable = useMemo(() => keys.filter((k) => k.can.modify), [keys]);
  // Rows that left the page (deleted, another page) are no longer selected.
  const selected = useMemo(() => new Set(selectable.filter((k) => ticked.has(k.id)).map((k) => k.id)), [selectable, ticked]);
  const value = useMemo<Selection>(
    () => ({
      selectable,
      selected,
      toggle: (id, on) =>
        setSelected((current) => {
          const next = new Set(current);
          if (on) next.add(id);
          else next.delete(id);
          return next;
        }),
      setAll: (on) => setSelected(on ? new Set(selectable.map((k) => k.id)) : new Set()),
      clear: () => setSelected(new Set()),
    }),
    [selectable, selected],
  );
  return <SelectionContext value={value}>{children}</SelectionContext>;
}

const BOX = "size-4 cursor-pointer rounded border-zinc-300 accent-indigo-600 disabled:cursor-not-allowed disabled:opacity-40 dark:border-zinc-600";

/** A row's checkbox "Select <name>"; disabled for a key the viewer may not change. */
export function SelectKeyCheckbox({ apiKey }: { apiKey: ApiKeyView }) {
  const t = useTranslations("ApiKeys.selection");
  const selection = useKeySelection();
  if (!selection) return null;
  return (
    <input
      type="checkbox"
      aria-label={t("selectKey", { name: apiKey.name })}
      disabled={!apiKey.can.modify}
      checked={selection.selected.has(apiKey.id)}
      onChange={(e) => selection.toggle(apiKey.id, e.currentTarget.checked)}
      className={BOX}
    />
  );
}

/** The header checkbox "Select all on this page" (mixed while some are selected). */
export function SelectAllCheckbox({ className }: { className?: string }) {
  const t = useTranslations("ApiKeys.selection");
  const selection = useKeySelection();
  if (!selection) return null;
  const { selectable, selected } = selection;
  const all = selectable.length > 0 && selected.size === selectable.length;
  const some = selected.size > 0 && !all;
  return (
    <input
      type="checkbox"
      aria-label={t("selectAll")}
      disabled={selectable.length === 0}
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = some;
      }}
      onChange={(e) => selection.setAll(e.currentTarget.checked)}
      className={className ? `${BOX} ${className}` : BOX}
    />
  );
}

/**
 * Below `sm` the rows are cards and the table's header row is not shown: "Select all on this
 * page" stands above the cards instead (the header's own checkbox is hidden there, so each
 * layout has exactly one).
 */
export function MobileSelectAll() {
  const t = useTranslations("ApiKeys.selection");
  const selection = useKeySelection();
  if (!selection || selection.selectable.length === 0) return null;
  return (
    <label className="mb-3 flex items-center gap-2 px-1 text-sm text-zinc-700 sm:hidden dark:text-zinc-300">
      <SelectAllCheckbox />
      {t("selectAll")}
    </label>
  );
}
