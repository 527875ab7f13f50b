"use client";

import { Switch as SwitchPrimitive } from "radix-ui";
import { cn } from "./cn";

/**
 * An on/off switch (Radix: role="switch", Space toggles); name it with a <label> or
 * aria-labelledby. `pending` disables it while a change is being saved.
 */
export function Switch({
  className,
  pending = false,
  disabled,
  ...props
}: React.ComponentProps<typeof SwitchPrimitive.Root> & { pending?: boolean }) {
  return (
    <SwitchPrimitive.Root
      disabled={disabled || pending}
      className={cn(
        "relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full bg-zinc-300 transition-colors disabled:opacity-60 data-[state=checked]:bg-indigo-600 dark:bg-zinc-700 dark:data-[state=checked]:bg-indigo-500",
        pending ? "disabled:cursor-wait" : "disabled:cursor-not-allowed",
        className,
      )}
      {...props}
    >
      <SwitchPrimitive.Thumb className="block h-5 w-5 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-5.5" />
    </SwitchPrimitive.Root>
  );
}
