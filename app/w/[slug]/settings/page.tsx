import type { Metadata } from "next";
import { PageHeader } from "@/components/layout/page-header";
import { SharedSecretSection } from "@/components/settings/shared-secret-section";
import { requireWorkspaceContext } from "@/lib/auth/context";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  await requireWorkspaceContext((await params).slug);
  return (
    <>
      <PageHeader title="Settings" />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Coming soon.</p>
      <SharedSecretSection slug={(await params).slug} />
    </>
  );
}
