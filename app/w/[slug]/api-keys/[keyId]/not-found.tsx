"use client";

import Link from "next/link";
import { useParams } from "next/navigation";

/** An unknown key, or one the viewer may not see (the owner key for everyone but the Owner). */
export default function KeyNotFound() {
  const { slug } = useParams<{ slug: string }>();
  return (
    <div className="rounded-xl border border-zinc-200 bg-white px-6 py-12 text-center dark:border-zinc-800 dark:bg-zinc-900">
      <p className="text-sm font-semibold text-zinc-500">404</p>
      <h1 className="mt-2 text-xl font-semibold">API key not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">It may have been deleted, or the link is wrong.</p>
      <Link
        href={`/w/${slug}/api-keys`}
        className="mt-6 inline-flex h-9 items-center rounded-md border border-zinc-300 bg-white px-3.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
      >
        Back to API keys
      </Link>
    </div>
  );
}
