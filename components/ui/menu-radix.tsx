"use client";

import { DropdownMenu } from "radix-ui";
import { cn } from "./cn";

/**
 * The Radix half of `Menu` (./menu.tsx): loaded the first time a menu is about to open, so the
 * pages that show a menu on every row do not ship Radix's menu, popper and focus code up front.
 */
export function RadixMenu({
  label,
  trigger,
  children,
  align,
  modal,
  open,
  onOpenChange,
  focusFirstItem,
  onFirstItemFocused,
  triggerClassName,
  contentClassName,
}: {
  label?: string;
  trigger: React.ReactNode;
  children: React.ReactNode;
  align: "start" | "end";
  modal: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Opened from the keyboard: the first item gets focus, as Radix does for its own trigger. */
  focusFirstItem: boolean;
  onFirstItemFocused: () => void;
  triggerClassName: string;
  contentClassName: string;
}) {
  return (
    <DropdownMenu.Root modal={modal} open={open} onOpenChange={onOpenChange}>
      <DropdownMenu.Trigger aria-label={label} className={triggerClassName}>
        {trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align={align}
          sideOffset={4}
          loop
          className={contentClassName}
          onFocus={(event) => {
            // Radix focuses the menu itself when it opens; from the keyboard, move on to the first item.
            if (!focusFirstItem || event.target !== event.currentTarget) return;
            onFirstItemFocused();
            event.currentTarget.querySelector<HTMLElement>('[role^="menuitem"]:not([data-disabled])')?.focus({ preventScroll: true });
          }}
        >
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

export const itemClassName =
  "flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none select-none data-[disabled]:cursor-not-allowed data-[disabled]:opacity-50 data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";

export function RadixMenuItem({
  onSelect,
  destructive = false,
  disabled = false,
  asChild = false,
  className,
  children,
}: {
  onSelect?: () => void;
  destructive?: boolean;
  disabled?: boolean;
  asChild?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <DropdownMenu.Item
      disabled={disabled}
      onSelect={onSelect}
      asChild={asChild}
      className={cn(itemClassName, destructive && "text-red-600 dark:text-red-400", className)}
    >
      {children}
    </DropdownMenu.Item>
  );
}

export function RadixMenuLabel({ children }: { children: React.ReactNode }) {
  return <DropdownMenu.Label className="px-2 py-1.5 text-xs font-medium text-zinc-500 dark:text-zinc-400">{children}</DropdownMenu.Label>;
}
