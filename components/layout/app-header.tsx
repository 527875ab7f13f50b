import Link from "next/link";
import { SignOutButton } from "./sign-out-button";
import { WorkspaceSwitcher, type WorkspaceOption } from "./workspace-switcher";

export function AppHeader({
  user,
  current,
  workspaces,
}: {
  user: { email: string; name: string };
  current: WorkspaceOption;
  workspaces: WorkspaceOption[];
}) {
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4 sm:px-6">
        <Link href="/" prefetch={false} className="flex items-center gap-1.5 font-semibold tracking-tight">
          <span aria-hidden="true" className="text-indigo-600 dark:text-indigo-400">
            ◆
          </span>
          <span className="hidden sm:inline">Keyward</span>
        </Link>
        <span aria-hidden="true" className="text-zinc-300 dark:text-zinc-700">
          /
        </span>
        <WorkspaceSwitcher current={current} workspaces={workspaces} />
        <div className="ml-auto flex items-center gap-3">
          <span className="hidden text-sm text-zinc-600 md:inline dark:text-zinc-400" title={user.name}>
            {user.email}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
