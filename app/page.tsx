import { redirect } from "next/navigation";
import { listUserWorkspaces, loadMembershipBySlug } from "@/lib/auth/membership";
import { landingPath } from "@/lib/auth/sections";
import { getSessionUser } from "@/lib/auth/session";

export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const [first] = await listUserWorkspaces(user.id);
  if (!first) {
    return (
      <main className="mx-auto max-w-md px-4 py-24 text-center">
        <h1 className="text-xl font-semibold">No workspace yet</h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          You are not a member of any workspace. Ask a workspace administrator to add {user.email}.
        </p>
      </main>
    );
  }
  const membership = await loadMembershipBySlug(user.id, first.slug);
  redirect(landingPath(first.slug, membership?.permissions ?? new Set()));
}
