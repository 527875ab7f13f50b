import { useErrorMessage } from "@/lib/client/use-error-message";

/**
 * A form-wide error (not tied to one field, e.g. a refusal by the server), announced to screen
 * readers, in the reader's language.
 */
export function FormError({ message }: { message: string | null }) {
  const say = useErrorMessage();
  if (!message) return null;
  return (
    <p
      role="alert"
      className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700 dark:border-red-900 dark:bg-red-950 dark:text-red-300"
    >
      {say(message)}
    </p>
  );
}
