"use client";

import { createColumnHelper, tableFeatures, useTable, type ColumnDef, type RowData, type TableOptions_Columns } from "@tanstack/react-table";
import { cn } from "@/components/ui/cn";

/** Per-column presentation, set in each entity's columns.tsx. */
export type DataTableColumnMeta = {
  headerClassName?: string;
  cellClassName?: string;
  /** Render the cell as a row header (`<th scope="row">`): the column that names the row. */
  rowHeader?: boolean;
  /**
   * Where the cell goes in the card each row becomes below `sm` (no sideways scrolling on
   * phones): "full" width (the default), "half" (two side by side), "corner" (top right, for the
   * row's menu). The row header always leads the card.
   */
  mobile?: "full" | "half" | "corner";
  /** The label shown above the value in the card; defaults to a plain-text header. */
  mobileLabel?: string;
  /** The rows are ordered by this column (`aria-sort` of its header); unset when it cannot order them. */
  sorted?: "ascending" | "descending" | "none";
};

// Below `sm` the table is laid out as a list of cards; the markup (and so every role and
// accessible name) stays the same, the column headers only become visually hidden.
const CARD_ROW = "max-sm:relative max-sm:grid max-sm:grid-cols-2 max-sm:gap-x-4 max-sm:gap-y-2.5 max-sm:px-4 max-sm:py-3";
const CARD_CELL = "max-sm:block max-sm:min-w-0 max-sm:p-0 max-sm:first:pl-0 max-sm:last:pr-0";
const CARD_PLACE = {
  header: "max-sm:order-first max-sm:col-span-2 max-sm:pr-10",
  full: "max-sm:col-span-2",
  half: "max-sm:col-span-1",
  corner: "max-sm:absolute max-sm:top-2 max-sm:right-2",
} as const;

// Sorting, filtering and paging happen on the server (lists can be 100,000 long), so the
// table only needs the core row model: no client-side processing features are registered.
export const dataTableFeatures = tableFeatures({ columnMeta: {} as DataTableColumnMeta });
export type DataTableFeatures = typeof dataTableFeatures;
/** Column definitions as `helper.columns([...])` returns them (each column keeps its value type). */
export type DataTableColumns<TData extends RowData> = TableOptions_Columns<DataTableFeatures, TData>["columns"];

/** One column, for lists of columns written out by hand rather than with the helper. */
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData>;

export function createDataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}

/**
 * A table of server-resolved rows inside a card; below `sm` each row is a card of its own.
 * `columns` must be stable (module scope or memoised): a new array rebuilds every row model.
 */
export function DataTable<TData extends RowData>({
  columns,
  data,
  getRowId,
  label,
  busy = false,
  empty,
  footer,
}: {
  columns: DataTableColumns<TData>;
  data: TData[];
  getRowId: (row: TData) => string;
  /** Accessible name of the table. */
  label: string;
  /** True while a new page of rows is loading: the current rows dim. */
  busy?: boolean;
  /** Shown instead of the body when there are no rows. */
  empty?: React.ReactNode;
  footer?: React.ReactNode;
}) {
  const table = useTable({ features: dataTableFeatures, columns, data, getRowId });
  const rows = table.getRowModel().rows;
  return (
    <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900">
      <div className="relative overflow-x-auto" role="region" aria-label={label} tabIndex={0}>
        <table
          aria-label={label}
          aria-busy={busy || undefined}
          className={cn("w-full border-collapse text-left text-sm transition-opacity max-sm:block", busy && "opacity-60")}
        >
          <thead className="max-sm:sr-only border-b border-zinc-200 bg-zinc-50 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={header.column.columnDef.meta?.sorted}
                    className={cn(
                      "px-3 py-2.5 font-medium whitespace-nowrap first:pl-4 last:pr-4",
                      header.column.columnDef.meta?.headerClassName,
                    )}
                  >
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody className="max-sm:block divide-y divide-zinc-200 dark:divide-zinc-800">
            {rows.map((row) => (
              <tr key={row.id} className={cn("align-top hover:bg-zinc-50/70 dark:hover:bg-zinc-800/30", CARD_ROW)}>
                {row.getAllCells().map((cell) => {
                  const { columnDef } = cell.column;
                  const meta = columnDef.meta;
                  const Cell = meta?.rowHeader ? "th" : "td";
                  const place = meta?.rowHeader ? "header" : (meta?.mobile ?? "full");
                  const cardLabel = place === "header" || place === "corner" ? undefined : (meta?.mobileLabel ?? (typeof columnDef.header === "string" ? columnDef.header : undefined));
                  return (
                    <Cell
                      key={cell.id}
                      scope={meta?.rowHeader ? "row" : undefined}
                      className={cn("px-3 py-3 text-left font-normal first:pl-4 last:pr-4", CARD_CELL, CARD_PLACE[place], meta?.cellClassName)}
                    >
                      {cardLabel && (
                        // Drawn by CSS from the attribute, so the cell's text stays its value alone (the
                        // visually hidden column header already names it for screen readers).
                        <span
                          aria-hidden="true"
                          data-label={cardLabel}
                          className="mb-0.5 block text-xs font-medium text-zinc-500 before:content-[attr(data-label)] sm:hidden dark:text-zinc-400"
                        />
                      )}
                      <table.FlexRender cell={cell} />
                    </Cell>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && empty}
      </div>
      {footer}
    </div>
  );
}
