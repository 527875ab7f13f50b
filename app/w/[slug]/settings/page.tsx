import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { LeakedKeysSection } from "@/components/settings/leaked-keys-section";
import { SettingsSection } from "@/components/settings/settings-section";
import { SharedSecretPanel } from "@/components/settings/shared-secret-panel";
import { ShowSecretsOnce } from "@/components/settings/show-secrets-once";
import { WorkspaceNameForm } from "@/components/settings/workspace-name-form";
import { WebhooksSection } from "@/components/settings/webhooks/webhooks-section";
import { loadWebhookSection } from "@/lib/webhooks/endpoints";
import { Badge } from "@/components/ui/badge";
import { UpgradePlanButton } from "@/components/settings/upgrade-plan-button";
import { requireWorkspaceContext } from "@/lib/auth/context";
import { actorFromMembership } from "@/lib/auth/actor";
import { getSharedSecretStatus } from "@/lib/signing/shared-secret";
import { countStoredSecrets } from "@/lib/workspaces/secret-storage";
import { keysAllowedOn, seesOwnerKey } from "@/lib/keys/policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Settings");
  return { title: t("title") };
}

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { user, membership } = await requireWorkspaceContext((await params).slug);
  const t = await getTranslations("Settings");
  const plans = await getTranslations("Common.plans");
  const { workspace, permissions } = membership;
  if (!permissions.has("workspace:read")) forbidden();
  const canManage = permissions.has("workspace:manage");
  // "API shared secret" is for workspace:manage only; everyone else gets nothing: not the hint, not whether one exists.
  const sharedSecret = canManage ? await getSharedSecretStatus(actorFromMembership(membership, user)) : null;
  // "Webhooks" (SPEC §12) is for workspace:manage only, like the shared secret.
  const webhooks = canManage ? await loadWebhookSection(actorFromMembership(membership, user)) : null;
  const storedSecrets = canManage ? await countStoredSecrets(workspace.id, seesOwnerKey(membership)) : 0;
  const keySettings = (
    <>
      <SettingsSection id="key-secrets" title={t("keySecrets.title")} description={t("keySecrets.description")}>
        <ShowSecretsOnce slug={workspace.slug} enabled={workspace.showSecretsOnce} canManage={canManage} storedSecrets={storedSecrets} />
      </SettingsSection>
      {sharedSecret?.ok && <SharedSecretPanel slug={workspace.slug} initialStatus={sharedSecret.data} />}
      <LeakedKeysSection slug={workspace.slug} policy={workspace.leakPolicy} canManage={canManage} />
    </>
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { name: workspace.name, slug: workspace.slug })} />
      <div className="space-y-6">
        <SettingsSection id="general" title={t("general")}>
          <WorkspaceNameForm slug={workspace.slug} name={workspace.name} canManage={canManage} />
          <div className="mt-5">
            <h3 className="text-sm font-medium">{t("plan.heading")}</h3>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
              <Badge tone={keysAllowedOn(workspace.plan) ? "indigo" : "neutral"}>{plans(workspace.plan)}</Badge>
              {!keysAllowedOn(workspace.plan) ? t("plan.required", { plan: plans("small") }) : t("plan.included")}
            </p>
            {!keysAllowedOn(workspace.plan) &&
              (canManage ? (
                <UpgradePlanButton slug={workspace.slug} />
              ) : (
                <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("plan.askOwner")}</p>
              ))}
          </div>
        </SettingsSection>
        {keysAllowedOn(workspace.plan) ? (
          keySettings
        ) : (
          // Key-only settings, greyed out with the reason: nothing here applies without keys.
          <div className="space-y-6">
            <p className="rounded-md border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
              {t("plan.keyOnlyNotice", { plan: plans("small") })}
            </p>
            <div inert className="space-y-6 opacity-60">
              {keySettings}
            </div>
          </div>
        )}
        {webhooks && <WebhooksSection slug={workspace.slug} initial={webhooks} />}
      </div>
    </>
  );
}
