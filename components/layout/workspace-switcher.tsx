"use client";

import { DropdownMenu } from "radix-ui";
import Link from "next/link";

export type WorkspaceOption = { slug: string; name: string; plan: string };

export function WorkspaceSwitcher({ current, workspaces }: { current: WorkspaceOption; workspaces: WorkspaceOption[] }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="inline-flex min-w-0 items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        <span className="truncate">{current.name}</span>
        <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-normal text-zinc-600 capitalize dark:bg-zinc-800 dark:text-zinc-400">
          {current.plan}
        </span>
        <span aria-hidden="true" className="text-zinc-400">
          ▾
        </span>
        {/* The accessible name starts with the visible text (axe: label-content-name-mismatch). */}
        <span className="sr-only">Switch workspace</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={6}
          className="z-50 min-w-56 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
        >
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-medium text-zinc-500">Workspaces</DropdownMenu.Label>
          {workspaces.map((w) => (
            <DropdownMenu.Item key={w.slug} asChild>
              <Link
                href={`/w/${w.slug}/api-keys`}
                aria-current={w.slug === current.slug ? "page" : undefined}
                className="flex cursor-pointer items-center justify-between gap-4 rounded-md px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800"
              >
                <span className="flex items-center gap-2">
                  {/* The check marks the current workspace, so it sits by the name, not the plan. */}
                  <span aria-hidden="true" className="w-3 text-indigo-600 dark:text-indigo-400">
                    {w.slug === current.slug ? "✓" : ""}
                  </span>
                  {w.name}
                </span>
                <span className="text-xs text-zinc-500 capitalize dark:text-zinc-400">{w.plan}</span>
              </Link>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
