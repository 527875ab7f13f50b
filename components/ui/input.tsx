import { forwardRef } from "react";
import { cn } from "./cn";
import { useErrorMessage } from "@/lib/client/use-error-message";

export const inputClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 placeholder:text-zinc-400 aria-[invalid=true]:border-red-500 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

export const Input = forwardRef<HTMLInputElement, React.InputHTMLAttributes<HTMLInputElement>>(function Input(
  { className, ...props },
  ref,
) {
  return <input ref={ref} className={cn(inputClass, className)} {...props} />;
});

export function Label({ className, ...props }: React.LabelHTMLAttributes<HTMLLabelElement>) {
  return <label className={cn("mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200", className)} {...props} />;
}

/** A field's error, in the reader's language (lib/'s English messages are translated here). */
export function FieldError({ id, message }: { id: string; message?: string }) {
  const say = useErrorMessage();
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
      {say(message)}
    </p>
  );
}
