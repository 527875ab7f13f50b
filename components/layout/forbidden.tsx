import { sectionKey, type SectionKey } from "@/lib/auth/section-keys";

/** The 403 page body's entry in `Shell.forbidden` for a workspace section, e.g. "api-keys" → "apiKeys"; "other" elsewhere. */
export type ForbiddenCopy = SectionKey | "other";
export const forbiddenCopyFor = (section: string | undefined): ForbiddenCopy => sectionKey(section) ?? "other";

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
