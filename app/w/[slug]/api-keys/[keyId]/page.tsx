import type { Metadata } from "next";
import Link from "next/link";
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
import { PERMISSION_DESCRIPTIONS } from "@/lib/auth/permissions";
import { actorFromMembership } from "@/lib/auth/actor";
import { canUseKeys } from "@/lib/keys/policy";
import { getApiKey, getCreateKeyOptions, listApiKeyAuditTrail } from "@/lib/keys/rules";
import type { KeyActor } from "@/lib/keys/types";
import { isKeyId } from "@/lib/keys/format";
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
  const options = await getCreateKeyOptions(actor);
  const shownOnceSince = key.secretStored ? null : await lastTurnedOnShowOnce(actor.workspace.id);
  const inactive = !key.createdBy.active;

  return (
    <KeyDetailsDialogs slug={slug} options={options}>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href={`/w/${slug}/api-keys`} className="text-zinc-600 hover:text-zinc-900 hover:underline dark:text-zinc-400 dark:hover:text-zinc-100">
          ← API Key Management
        </Link>
      </nav>
      <PageHeader
        title={key.name}
        description={
          <div className="flex flex-wrap items-center gap-2">
            {key.isOwnerKey && <Badge tone="indigo">Owner</Badge>}
            {!key.enabled && <Badge tone="red">Disabled</Badge>}
            <LeakBadges apiKey={key} />
            {key.status === "expired" && <Badge tone="red">Expired</Badge>}
            {inactive && <Badge tone="amber">Inactive — creator removed</Badge>}
            {key.status === "active" && <Badge>Active</Badge>}
            {key.description && <span className="break-words">{key.description}</span>}
          </div>
        }
        actions={<KeyDetailsActions apiKey={key} />}
      />

      <section aria-labelledby="key-settings" className="rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="key-settings" className="sr-only">
          Key settings
        </h2>
        <dl className="divide-y divide-zinc-200 dark:divide-zinc-800">
          <Field label="Key ID">
            <div className="flex items-center gap-2">
              <code className="font-mono text-sm break-all">{key.id}</code>
              <CopyValueButton label="Copy key ID" value={key.id} />
            </div>
          </Field>
          <Field label="Secret">
            <KeySecret slug={slug} apiKey={key} shownOnceSince={shownOnceSince} />
          </Field>
          {key.previousSecret && (
            <Field label="Previous secret">
              <PreviousSecret slug={slug} apiKey={key} previous={key.previousSecret} />
            </Field>
          )}
          {key.leaked && (
            <Field label="Leaked">
              <LeakedDetails leaked={key.leaked} />
            </Field>
          )}
          <Field label="Roles">
            <KeyRoles roles={key.roles} />
          </Field>
          <Field label="Effective permissions">
            {key.effectivePermissions.length === 0 ? (
              <p className="text-zinc-600 dark:text-zinc-400">
                None{inactive ? ": the key's creator is no longer a member of this workspace." : "."}
              </p>
            ) : (
              <>
                <ul className="grid gap-1.5 sm:grid-cols-2">
                  {key.effectivePermissions.map((permission) => (
                    <li key={permission}>
                      <code className="font-mono text-xs">{permission}</code>
                      <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                        {PERMISSION_DESCRIPTIONS[permission]}
                      </span>
                    </li>
                  ))}
                </ul>
                {!key.isOwnerKey && (
                  <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
                    What the key&apos;s roles allow, limited to what its creator may do now.
                  </p>
                )}
              </>
            )}
          </Field>
          <Field label="Created by">
            <KeyCreator createdBy={key.createdBy} />
          </Field>
          <Field label="Created">
            <LocalTime iso={key.createdAt} />
          </Field>
          <Field label="Expires">
            <KeyExpiry apiKey={key} />
          </Field>
          <KeyRestrictions apiKey={key} />
          <Field label="Last used">
            {key.lastUsedAt ? (
              <span>
                <LocalTime iso={key.lastUsedAt} />
                {key.lastUsedIp && (
                  <span className="text-zinc-600 dark:text-zinc-400">
                    {" "}
                    from <code className="font-mono text-xs">{key.lastUsedIp}</code>
                  </span>
                )}
              </span>
            ) : (
              <span className="text-zinc-600 dark:text-zinc-400">Never</span>
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
          Audit trail
        </h2>
        <Suspense fallback={<AuditTrailSkeleton />}>
          <KeyAuditTrail actor={actor} keyId={key.id} />
        </Suspense>
      </section>
    </KeyDetailsDialogs>
  );
}
