import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { requireWorkspaceContext } from "@/lib/auth/context";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage({ params }: { params: Promise<{ slug: string }> }) {
  await requireWorkspaceContext((await params).slug);
  return (
    <>
      <PageHeader title="Roles" />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Coming soon.</p>
    </>
  );
}
