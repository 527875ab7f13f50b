import { listUserWorkspaces } from "@/lib/auth/membership";
import { requireWorkspaceContext } from "@/lib/auth/context";
import { AppHeader } from "@/components/layout/app-header";
import { WorkspaceNav } from "@/components/layout/workspace-nav";
import { AllowedSectionsProvider } from "@/components/layout/allowed-sections";
import { openableSections } from "@/lib/auth/sections";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  const { user, membership } = await requireWorkspaceContext(slug);
  const workspaces = await listUserWorkspaces(user.id);
  return (
    <AllowedSectionsProvider allowed={openableSections(membership.permissions)}>
      <div className="min-h-screen">
        <AppHeader
          user={{ email: user.email, name: user.name }}
          current={{ slug: membership.workspace.slug, name: membership.workspace.name, plan: membership.workspace.plan }}
          workspaces={workspaces.map((w) => ({ slug: w.slug, name: w.name, plan: w.plan }))}
        />
        <div className="mx-auto flex max-w-screen-2xl flex-col gap-6 px-4 py-6 sm:px-6 lg:flex-row lg:gap-8">
          <WorkspaceNav slug={membership.workspace.slug} />
          <main id="main" className="min-w-0 flex-1">
            {children}
          </main>
        </div>
      </div>
    </AllowedSectionsProvider>
  );
}
