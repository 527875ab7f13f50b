/**
 * What each workspace section says to a member who may not open it (SPEC §3–4): its entry in
 * `Shell.forbidden` (title and message), by the section's path.
 */
export const FORBIDDEN_COPY = {
  "api-keys": "apiKeys",
  usage: "usage",
  members: "members",
  roles: "roles",
  "audit-log": "auditLog",
  settings: "settings",
} as const;

export type ForbiddenCopy = (typeof FORBIDDEN_COPY)[keyof typeof FORBIDDEN_COPY] | "other";

/** The 403 page body's entry of a workspace section, e.g. `forbiddenCopyFor("api-keys")` → "apiKeys". */
export const forbiddenCopyFor = (section: string | undefined): ForbiddenCopy =>
  (section && Object.hasOwn(FORBIDDEN_COPY, section) && FORBIDDEN_COPY[section as keyof typeof FORBIDDEN_COPY]) || "other";

/** A page body for members who may not see the page (rendered by `forbidden()`, HTTP 403). */
export function Forbidden({ title, message, children }: { title: string; message: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white px-6 py-12 text-center dark:border-zinc-800 dark:bg-zinc-900">
      <p className="text-sm font-semibold text-red-600 dark:text-red-400">403</p>
      <h1 className="mt-2 text-xl font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{message}</p>
      {children}
    </div>
  );
}
