import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { forbidden, notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { AuditTrail } from "@/components/api-keys/audit-trail";
import { KeyCreator, KeyExpiry, KeyRoles } from "@/components/api-keys/columns";
import { CopyValueButton } from "@/components/api-keys/copy-value-button";
import { KeyDetailsActions, KeyDetailsDialogs } from "@/components/api-keys/key-details-actions";
import { UsageSnippet } from "@/components/api-keys/usage-snippet";
import { KeySecret } from "@/components/api-keys/key-secret";
import { KeyRestrictions } from "@/components/api-keys/key-restrictions";
import { PreviousSecret } from "@/components/api-keys/previous-secret";
import { LeakBadges, LeakedDetails } from "@/components/api-keys/leak-badges";
import { KeyUsageSection } from "@/components/usage/key-usage-section";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { Skeleton } from "@/components/ui/skeleton";
import { requireWorkspaceContext } from "@/lib/auth/context";
import { actorFromMembership } from "@/lib/auth/actor";
import { canUseKeys } from "@/lib/keys/policy";
import { getApiKey, getCreateKeyOptions, listApiKeyAuditTrail } from "@/lib/keys/rules";
import type { KeyActor } from "@/lib/keys/types";
import { isKeyId } from "@/lib/keys/format";
import { builtInRoleIds } from "@/lib/roles/queries";
import { getDb } from "@/db/client";
import { lastTurnedOnShowOnce } from "@/lib/workspaces/secret-storage";

type Params = Promise<{ slug: string; keyId: string }>;

/** The key as the signed-in member may see it, once per request: 403 or 404 when they may not. */
const loadKey = cache(async (slug: string, keyId: string) => {
  const { user, membership } = await requireWorkspaceContext(slug);
  const actor = actorFromMembership(membership, user);
  if (!canUseKeys(actor)) forbidden();
  if (!isKeyId(keyId)) notFound();
  const result = await getApiKey(actor, keyId);
  if (!result.ok) notFound();
  return { actor, key: result.data };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, keyId } = await params;
  const loaded = await loadKey(slug, keyId);
  return { title: loaded.key.name };
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 px-4 py-3 sm:grid-cols-[11rem_minmax(0,1fr)] sm:gap-4 sm:px-6">
      <dt className="text-sm font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

/** Loaded after the rest of the page is shown (the trail can be long). */
async function KeyAuditTrail({ actor, keyId }: { actor: KeyActor; keyId: string }) {
  const trail = await listApiKeyAuditTrail(actor, keyId);
  if (!trail.ok) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{trail.error}</p>;
  return <AuditTrail events={trail.data} />;
}

function AuditTrailSkeleton() {
  return (
    <div className="space-y-3 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      {Array.from({ length: 3 }, (_, i) => (
        <Skeleton key={i} className="h-5 w-full" />
      ))}
    </div>
  );
}

// No loading.tsx above this page: an unknown key must answer 404 before anything streams.
export default async function ApiKeyDetailsPage({ params }: { params: Params }) {
  const { slug, keyId } = await params;
  const loaded = await loadKey(slug, keyId);
  const { actor, key } = loaded;
  const [options, builtInRoles] = await Promise.all([getCreateKeyOptions(actor), builtInRoleIds(getDb(), actor.workspace.id)]);
  const shownOnceSince = key.secretStored ? null : await lastTurnedOnShowOnce(actor.workspace.id);
  const inactive = !key.createdBy.active;
  const t = await getTranslations("KeyDetails");
  const tPermission = await getTranslations("Common.permissionDescriptions");

  return (
    <KeyDetailsDialogs slug={slug} options={options}>
      <nav aria-label={t("breadcrumb")} className="mb-3 text-sm">
        <Link href={`/w/${slug}/api-keys`} className="text-zinc-600 hover:text-zinc-900 hover:underline dark:text-zinc-400 dark:hover:text-zinc-100">
          {t("backToList")}
        </Link>
      </nav>
      <PageHeader
        title={key.name}
        description={
          <div className="flex flex-wrap items-center gap-2">
            {key.isOwnerKey && <Badge tone="indigo">{t("badges.owner")}</Badge>}
            {!key.enabled && <Badge tone="red">{t("badges.disabled")}</Badge>}
            <LeakBadges apiKey={key} />
            {key.status === "expired" && <Badge tone="red">{t("badges.expired")}</Badge>}
            {inactive && <Badge tone="amber">{t("badges.inactive")}</Badge>}
            {key.status === "active" && <Badge>{t("badges.active")}</Badge>}
            {key.description && <span className="break-words">{key.description}</span>}
          </div>
        }
        actions={<KeyDetailsActions apiKey={key} />}
      />

      <section aria-labelledby="key-settings" className="rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="key-settings" className="sr-only">
          {t("keySettings")}
        </h2>
        <dl className="divide-y divide-zinc-200 dark:divide-zinc-800">
          <Field label={t("fields.keyId")}>
            <div className="flex items-center gap-2">
              <code className="font-mono text-sm break-all">{key.id}</code>
              <CopyValueButton label={t("copyKeyId")} value={key.id} />
            </div>
          </Field>
          <Field label={t("fields.secret")}>
            <KeySecret slug={slug} apiKey={key} shownOnceSince={shownOnceSince} />
          </Field>
          {key.previousSecret && (
            <Field label={t("fields.previousSecret")}>
              <PreviousSecret slug={slug} apiKey={key} previous={key.previousSecret} />
            </Field>
          )}
          {key.leaked && (
            <Field label={t("fields.leaked")}>
              <LeakedDetails leaked={key.leaked} />
            </Field>
          )}
          <Field label={t("fields.roles")}>
            <KeyRoles roles={key.roles} builtInRoles={builtInRoles} />
          </Field>
          <Field label={t("fields.effectivePermissions")}>
            {key.effectivePermissions.length === 0 ? (
              <p className="text-zinc-600 dark:text-zinc-400">
                {inactive ? t("noPermissionsInactive") : t("noPermissions")}
              </p>
            ) : (
              <>
                <ul className="grid gap-1.5 sm:grid-cols-2">
                  {key.effectivePermissions.map((permission) => (
                    <li key={permission}>
                      <code className="font-mono text-xs">{permission}</code>
                      <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                        {tPermission(permission)}
                      </span>
                    </li>
                  ))}
                </ul>
                {!key.isOwnerKey && (
                  <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
                    {t("permissionsHint")}
                  </p>
                )}
              </>
            )}
          </Field>
          <Field label={t("fields.createdBy")}>
            <KeyCreator createdBy={key.createdBy} />
          </Field>
          <Field label={t("fields.created")}>
            <LocalTime iso={key.createdAt} />
          </Field>
          <Field label={t("fields.expires")}>
            <KeyExpiry apiKey={key} />
          </Field>
          <KeyRestrictions apiKey={key} />
          <Field label={t("fields.lastUsed")}>
            {key.lastUsedAt ? (
              <span>
                <LocalTime iso={key.lastUsedAt} />
                {key.lastUsedIp && (
                  <span className="text-zinc-600 dark:text-zinc-400">
                    {" "}
                    {t.rich("fromIp", { ip: key.lastUsedIp, code: (chunks) => <code className="font-mono text-xs">{chunks}</code> })}
                  </span>
                )}
              </span>
            ) : (
              <span className="text-zinc-600 dark:text-zinc-400">{t("never")}</span>
            )}
          </Field>
        </dl>
      </section>

      <Suspense fallback={<AuditTrailSkeleton />}>
        <KeyUsageSection actor={actor} apiKey={key} slug={slug} />
      </Suspense>

      <div className="mt-6 rounded-xl border border-zinc-200 bg-white px-4 py-4 sm:px-6 dark:border-zinc-800 dark:bg-zinc-900">
        <UsageSnippet headingLevel={2} />
      </div>

      <section aria-labelledby="key-audit-trail" className="mt-8">
        <h2 id="key-audit-trail" className="mb-3 text-lg font-semibold">
          {t("auditTrail.heading")}
        </h2>
        <Suspense fallback={<AuditTrailSkeleton />}>
          <KeyAuditTrail actor={actor} keyId={key.id} />
        </Suspense>
      </section>
    </KeyDetailsDialogs>
  );
}
