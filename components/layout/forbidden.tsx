/** What each workspace section says to a member who may not open it (SPEC §3–4). */
export const FORBIDDEN_COPY: Record<string, { title: string; message: string }> = {
  "api-keys": {
    title: "You don't have permission to manage API keys",
    message: "Ask an owner or administrator of this workspace for a role that can create or read API keys.",
  },
  usage: { title: "You don't have permission to see usage", message: "Ask an owner or administrator of this workspace for the api_keys:read permission." },
  members: { title: "You don't have permission to view members", message: "Ask the workspace Owner for the members:read permission." },
  roles: { title: "You don't have permission to view roles", message: "Ask the workspace Owner for the members:read permission." },
  "audit-log": { title: "You don't have permission to read the audit log", message: "Ask the workspace Owner for the audit:read permission." },
  settings: { title: "You don't have permission to view settings", message: "Ask the workspace Owner for the workspace:read permission." },
};

const FALLBACK = { title: "You don't have permission to view this page", message: "Ask the workspace Owner for access." };

/** The 403 page body of a workspace section, e.g. `forbiddenCopyFor("api-keys")`. */
export const forbiddenCopyFor = (section: string | undefined) => (section && FORBIDDEN_COPY[section]) || FALLBACK;

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
