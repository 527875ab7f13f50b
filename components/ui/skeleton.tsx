import { cn } from "./cn";

/** A grey placeholder block with the size of what it stands for (loading states). */
export function Skeleton({ className }: { className?: string }) {
  return <span aria-hidden="true" className={cn("block animate-pulse rounded bg-zinc-200 dark:bg-zinc-800", className)} />;
}
