import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { oidcEnabled } from "@/lib/auth/options";
import { getSessionUser } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Auth");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getSessionUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  // Only same-site paths: never redirect off-site after sign-in.
  const t = await getTranslations("Auth");
  const next = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight">
            <span aria-hidden="true" className="mr-1.5 text-indigo-600 dark:text-indigo-400">
              ◆
            </span>
            Keyward
          </p>
          <h1 className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t("tagline")}</h1>
        </div>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <LoginForm callbackUrl={next} oidc={oidcEnabled()} />
        </div>
      </div>
    </main>
  );
}
