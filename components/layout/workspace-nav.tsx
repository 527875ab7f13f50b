"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { NavigationPending } from "./navigation-pending";

const ITEMS = [
  { label: "API Keys", path: "api-keys" },
  { label: "Members", path: "members" },
  { label: "Roles", path: "roles" },
  { label: "Audit log", path: "audit-log" },
  { label: "Settings", path: "settings" },
] as const;

export function WorkspaceNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Workspace" className="lg:w-44 lg:shrink-0">
      {/* Two rows on phones rather than a tab strip that scrolls "Settings" out of sight. */}
      <ul className="-mx-1 grid grid-cols-3 gap-1 sm:flex sm:flex-wrap lg:flex-col">
        {ITEMS.map((item) => {
          const href = `/w/${slug}/${item.path}`;
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={item.path}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap max-sm:text-center",
                  active
                    ? "bg-zinc-200/70 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100"
                    : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100",
                )}
              >
                {item.label}
                <NavigationPending />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
