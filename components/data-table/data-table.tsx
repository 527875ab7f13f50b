"use client";

import { createColumnHelper, tableFeatures, useTable, type ColumnDef, type RowData, type TableOptions_Columns } from "@tanstack/react-table";
import { cn } from "@/components/ui/cn";

/** Per-column presentation, set in each entity's columns.tsx. */
export type DataTableColumnMeta = {
  headerClassName?: string;
  cellClassName?: string;
  /** Render the cell as a row header (`<th scope="row">`): the column that names the row. */
  rowHeader?: boolean;
  /** Keep the column in view while the table scrolls sideways (the row's name). */
  sticky?: boolean;
  /** The rows are ordered by this column (`aria-sort` of its header); unset when it cannot order them. */
  sorted?: "ascending" | "descending" | "none";
};

// Only on narrow screens, where the table scrolls sideways.
const STICKY =
  "max-sm:sticky max-sm:left-0 max-sm:z-[1] max-sm:shadow-[inset_-1px_0_0_var(--color-zinc-200)] dark:max-sm:shadow-[inset_-1px_0_0_var(--color-zinc-800)]";

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
 * A table of server-resolved rows inside a card that scrolls horizontally on narrow screens.
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
          className={cn("w-full border-collapse text-left text-sm transition-opacity", busy && "opacity-60")}
        >
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={header.column.columnDef.meta?.sorted}
                    className={cn(
                      "px-3 py-2.5 font-medium whitespace-nowrap first:pl-4 last:pr-4",
                      header.column.columnDef.meta?.sticky && `${STICKY} max-sm:bg-zinc-50 dark:max-sm:bg-zinc-900`,
                      header.column.columnDef.meta?.headerClassName,
                    )}
                  >
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {rows.map((row) => (
              <tr key={row.id} className="align-top hover:bg-zinc-50/70 dark:hover:bg-zinc-800/30">
                {row.getAllCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  const Cell = meta?.rowHeader ? "th" : "td";
                  return (
                    <Cell
                      key={cell.id}
                      scope={meta?.rowHeader ? "row" : undefined}
                      className={cn(
                        "px-3 py-3 text-left font-normal first:pl-4 last:pr-4",
                        meta?.sticky && `${STICKY} max-sm:bg-white dark:max-sm:bg-zinc-900`,
                        meta?.cellClassName,
                      )}
                    >
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
