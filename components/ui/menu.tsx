"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type * as Radix from "./menu-radix";

/*
 * A button opening a menu of actions (Radix: arrow keys, Escape, typeahead, focus return).
 * Until a menu is about to open (pointer over it, focus on it, or pressed) or the page is idle,
 * the button is a plain one and Radix's menu code is not loaded: a page with a menu on every row
 * ships and hydrates light buttons. Pressing it (mouse, touch, Enter, Space, ArrowDown) loads the menu
 * and opens it; from the keyboard the first item gets focus.
 */

let radix: typeof Radix | null = null;
let loading: Promise<typeof Radix> | null = null;
const listeners = new Set<() => void>();

/** Loads the Radix half once; every menu re-renders when it arrives. */
export function loadMenu(): Promise<typeof Radix> {
  loading ??= import("./menu-radix").then((m) => {
    radix = m;
    for (const l of listeners) l();
    return m;
  });
  return loading;
}

let preloadScheduled = false;

/**
 * Once the page is idle after it has hydrated, load the Radix half anyway: it is not part of the
 * first load, but it is there by the time someone clicks (the first click otherwise waited for it,
 * ~300 ms on a cold load). Hover, focus or a press load it sooner.
 */
function usePreloadWhenIdle(): void {
  useEffect(() => {
    if (preloadScheduled || radix) return;
    preloadScheduled = true;
    const load = () => void loadMenu();
    if ("requestIdleCallback" in window) window.requestIdleCallback(load, { timeout: 4000 });
    else setTimeout(load, 1500);
  }, []);
}

function useRadix(): typeof Radix | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => radix,
    () => null,
  );
}

const triggerBase =
  "inline-flex h-8 min-w-8 items-center justify-center rounded-md px-2 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 data-[state=open]:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:data-[state=open]:bg-zinc-800";
const contentBase =
  "z-50 min-w-40 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900";

type Opening = { focusFirstItem: boolean } | null;

export function Menu({
  label,
  trigger,
  children,
  align = "end",
  modal = false,
  triggerClassName = triggerBase,
  contentClassName = contentBase,
}: {
  /** Accessible name of the trigger button (omit when its content names it). */
  label?: string;
  trigger: React.ReactNode;
  children: React.ReactNode;
  align?: "start" | "end";
  /** A modal menu makes the rest of the page inert while open. */
  modal?: boolean;
  triggerClassName?: string;
  contentClassName?: string;
}) {
  const loaded = useRadix();
  usePreloadWhenIdle();
  // Set once this menu was asked to open: from then on it is the Radix menu.
  const [opening, setOpening] = useState<Opening>(null);
  const [open, setOpen] = useState(false);

  const request = (focusFirstItem: boolean) => {
    setOpening({ focusFirstItem });
    setOpen(true);
    void loadMenu();
  };

  if (opening && loaded) {
    return (
      <loaded.RadixMenu
        label={label}
        trigger={trigger}
        align={align}
        modal={modal}
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
        }}
        focusFirstItem={opening.focusFirstItem}
        // Once: later openings come from Radix's own trigger, which moves focus as Radix does.
        onFirstItemFocused={() => setOpening({ focusFirstItem: false })}
        triggerClassName={triggerClassName}
        contentClassName={contentClassName}
      >
        {children}
      </loaded.RadixMenu>
    );
  }
  return (
    <button
      type="button"
      aria-label={label}
      aria-haspopup="menu"
      aria-expanded={false}
      aria-busy={opening ? true : undefined}
      data-state="closed"
      className={triggerClassName}
      onPointerEnter={() => void loadMenu()}
      onFocus={() => void loadMenu()}
      onPointerDown={(event) => {
        // As Radix's trigger: a primary press opens at once (not on release).
        if (event.button !== 0 || event.ctrlKey) return;
        event.preventDefault();
        request(false);
      }}
      onKeyDown={(event) => {
        if (event.key !== "Enter" && event.key !== " " && event.key !== "ArrowDown") return;
        event.preventDefault();
        request(true);
      }}
    >
      {trigger}
    </button>
  );
}

export function MenuItem(props: {
  onSelect?: () => void;
  destructive?: boolean;
  disabled?: boolean;
  /** The item is its only child (a link), as Radix's `asChild`. */
  asChild?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  // Items render only inside an open menu, that is after the Radix half has loaded.
  const loaded = useRadix();
  return loaded ? <loaded.RadixMenuItem {...props} /> : null;
}

export function MenuLabel({ children }: { children: React.ReactNode }) {
  const loaded = useRadix();
  return loaded ? <loaded.RadixMenuLabel>{children}</loaded.RadixMenuLabel> : null;
}
