import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listUserWorkspaces, loadMembershipBySlug } from "@/lib/auth/membership";
import { landingPath } from "@/lib/auth/sections";
import { getSessionUser } from "@/lib/auth/session";

export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const [first] = await listUserWorkspaces(user.id);
  if (!first) {
    const t = await getTranslations("Shell.home");
    return (
      <main className="mx-auto max-w-md px-4 py-24 text-center">
        <h1 className="text-xl font-semibold">{t("noWorkspace")}</h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t("notAMember", { email: user.email })}</p>
      </main>
    );
  }
  const membership = await loadMembershipBySlug(user.id, first.slug);
  redirect(landingPath(first.slug, membership?.permissions ?? new Set()));
}
