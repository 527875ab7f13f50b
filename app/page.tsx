import { redirect } from "next/navigation";
import { listUserWorkspaces } from "@/lib/auth/membership";
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
  redirect(`/w/${first.slug}/api-keys`);
}
