"use client";

import { tableFeatures, useTable, type ColumnDef, type RowData } from "@tanstack/react-table";
import { cn } from "@/components/ui/cn";

/** Per-column presentation set in each page's columns. */
export type AdminColumnMeta = {
  headerClassName?: string;
  cellClassName?: string;
  /** The cell names its row: rendered as `<th scope="row">`. */
  rowHeader?: boolean;
};

// Lists are resolved on the server: only the core row model is needed.
export const adminTableFeatures = tableFeatures({ columnMeta: {} as AdminColumnMeta });
export type AdminColumn<TData extends RowData> = ColumnDef<typeof adminTableFeatures, TData>;

/**
 * The admin pages' table (members, roles, audit log) in a card that scrolls sideways on
 * narrow screens. `columns` must be stable (module scope or memoised).
 */
export function AdminTable<TData extends RowData>({
  columns,
  data,
  getRowId,
  label,
  empty,
  footer,
}: {
  columns: AdminColumn<TData>[];
  data: TData[];
  getRowId: (row: TData) => string;
  label: string;
  empty?: React.ReactNode;
  footer?: React.ReactNode;
}) {
  const table = useTable({ features: adminTableFeatures, columns, data, getRowId });
  const rows = table.getRowModel().rows;
  return (
    <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900">
      <div className="relative overflow-x-auto" role="region" aria-label={label} tabIndex={0}>
        <table aria-label={label} className="w-full border-collapse text-left text-sm">
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th
                    key={header.id}
                    scope="col"
                    className={cn("px-3 py-2.5 font-medium whitespace-nowrap first:pl-4 last:pr-4", header.column.columnDef.meta?.headerClassName)}
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
                      className={cn("px-3 py-3 text-left font-normal first:pl-4 last:pr-4", meta?.cellClassName)}
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
