"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Plan } from "@/db/schema";
import { Menu, MenuItem, MenuLabel } from "@/components/ui/menu";

export type WorkspaceOption = { slug: string; name: string; plan: Plan };

export function WorkspaceSwitcher({ current, workspaces }: { current: WorkspaceOption; workspaces: WorkspaceOption[] }) {
  const t = useTranslations("Header");
  const tc = useTranslations("Common");
  return (
    <Menu
      align="start"
      modal
      triggerClassName="inline-flex min-w-0 items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800"
      contentClassName="z-50 min-w-56 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
      trigger={
        <>
          <span className="truncate">{current.name}</span>
          <span className="shrink-0 rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-normal whitespace-nowrap text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">
            {tc(`plans.${current.plan}`)}
          </span>
          <span aria-hidden="true" className="text-zinc-400">
            ▾
          </span>
          {/* The accessible name starts with the visible text (axe: label-content-name-mismatch). */}
          <span className="sr-only">{t("switchWorkspace")}</span>
        </>
      }
    >
      <MenuLabel>{t("workspaces")}</MenuLabel>
      {workspaces.map((w) => (
        <MenuItem key={w.slug} asChild className="justify-between">
          <Link href={`/w/${w.slug}/api-keys`} aria-current={w.slug === current.slug ? "page" : undefined}>
            <span className="flex items-center gap-2">
              {/* The check marks the current workspace, so it sits by the name, not the plan. */}
              <span aria-hidden="true" className="w-3 text-indigo-600 dark:text-indigo-400">
                {w.slug === current.slug ? "✓" : ""}
              </span>
              {w.name}
            </span>
            <span className="text-xs text-zinc-500 dark:text-zinc-400">{tc(`plans.${w.plan}`)}</span>
          </Link>
        </MenuItem>
      ))}
    </Menu>
  );
}
