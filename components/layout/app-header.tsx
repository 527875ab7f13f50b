import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageMenu } from "./language-menu";
import { SignOutButton } from "./sign-out-button";
import { WorkspaceSwitcher, type WorkspaceOption } from "./workspace-switcher";

export async function AppHeader({
  user,
  current,
  workspaces,
}: {
  user: { email: string; name: string };
  current: WorkspaceOption;
  workspaces: WorkspaceOption[];
}) {
  const t = await getTranslations("Header");
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900"
      >
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-2 px-4 sm:gap-3 sm:px-6">
        <Link href="/" prefetch={false} className="flex shrink-0 items-center gap-1.5 font-semibold tracking-tight">
          <span aria-hidden="true" className="text-indigo-600 dark:text-indigo-400">
            ◆
          </span>
          Keyward
        </Link>
        <span aria-hidden="true" className="text-zinc-300 dark:text-zinc-700">
          /
        </span>
        <WorkspaceSwitcher current={current} workspaces={workspaces} />
        <div className="ml-auto flex min-w-0 shrink-0 items-center gap-2 sm:gap-3">
          <span className="hidden max-w-64 truncate text-sm text-zinc-600 sm:inline dark:text-zinc-400" title={user.name}>
            {user.email}
          </span>
          <LanguageMenu />
          <SignOutButton />
        </div>
      </div>
      {/* Phones: no room beside the sign-out button, so who is signed in gets a line of its own. */}
      <p className="-mt-2 truncate px-4 pb-2 text-xs text-zinc-600 sm:hidden dark:text-zinc-400" title={user.name}>
        {t("signedInAs", { email: user.email })}
      </p>
    </header>
  );
}
