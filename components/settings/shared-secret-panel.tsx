"use client";

import { useState } from "react";
import { toast } from "sonner";
import {
  createSharedSecretAction,
  revealSharedSecretAction,
  setRequireSignedRequestsAction,
} from "@/lib/actions/shared-secret";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { LocalTime } from "@/components/ui/local-time";
import { Switch } from "@/components/ui/switch";
import { useServerAction } from "@/lib/client/use-server-action";
import type { SharedSecretStatus } from "@/lib/signing/shared-secret";
import { RotateSharedSecretDialog } from "./rotate-shared-secret-dialog";
import { SettingsSection } from "./settings-section";

const muted = "text-sm text-zinc-600 dark:text-zinc-400";
const term = "font-medium text-zinc-800 dark:text-zinc-200";

export function SharedSecretPanel({ slug, initialStatus }: { slug: string; initialStatus: SharedSecretStatus }) {
  const [status, setStatus] = useState(initialStatus);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [rotateOpen, setRotateOpen] = useState(false);
  const creation = useServerAction(createSharedSecretAction);
  const reveal = useServerAction(revealSharedSecretAction);
  const copy = useServerAction(revealSharedSecretAction);
  const requirement = useServerAction(setRequireSignedRequestsAction);
  const { current, previous } = status;

  async function create() {
    const result = await creation.run(slug);
    if (!result.ok) return void toast.error(result.error);
    setStatus(result.data);
    requirement.clearError();
    toast.success("Shared secret created");
  }

  async function toggleReveal() {
    if (revealed) return setRevealed(null);
    const result = await reveal.run(slug, "reveal");
    if (!result.ok) return void toast.error(result.error);
    setRevealed(result.data.secret);
  }

  async function copySecret() {
    const result = await copy.run(slug, "copy");
    if (!result.ok) {
      toast.error(result.error);
      return null;
    }
    return result.data.secret;
  }

  async function setRequired(enabled: boolean) {
    const result = await requirement.run(slug, { enabled });
    // Shown beside the switch (an alert), not as a toast: it says what to do first.
    if (!result.ok) return;
    setStatus(result.data);
    toast.success(enabled ? "Signed requests are now required" : "Signed requests are no longer required");
  }

  return (
    <SettingsSection
      id="shared-secret"
      title="API shared secret"
      description="Integrations sign each Open API request with this secret (HMAC-SHA256 of the timestamp, method, path and body), so a stolen API key alone is not enough to call the API."
    >
      {current ? (
        <>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-y-3">
            <dt className={term}>Secret</dt>
            <dd className="mb-2 min-w-0 sm:mb-0">
              <code
                data-testid="shared-secret-value"
                className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-sm break-all dark:bg-zinc-800"
              >
                {revealed ?? current.hint}
              </code>
            </dd>
            <dt className={term}>Created</dt>
            <dd className="mb-2 sm:mb-0">
              <LocalTime iso={current.createdAt} />
            </dd>
            {previous && (
              <>
                <dt className={term}>Previous secret</dt>
                <dd data-testid="previous-shared-secret">
                  <code className="font-mono">{previous.hint}</code> still works until{" "}
                  <LocalTime iso={previous.validUntil} />
                </dd>
              </>
            )}
          </dl>
          <div className="mt-4 flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" pending={reveal.pending} onClick={toggleReveal}>
              {revealed ? "Hide" : "Reveal"}
            </Button>
            <CopyButton label="Copy" getText={copySecret} />
            <Button variant="secondary" size="sm" onClick={() => setRotateOpen(true)}>
              Rotate
            </Button>
          </div>
          <RotateSharedSecretDialog
            slug={slug}
            open={rotateOpen}
            onOpenChange={setRotateOpen}
            onRotated={(next) => {
              setStatus(next);
              setRevealed(null);
            }}
          />
        </>
      ) : (
        <div className="flex flex-col items-start gap-3">
          <p className={muted}>This workspace has no shared secret yet.</p>
          <Button pending={creation.pending} onClick={create}>
            Create shared secret
          </Button>
        </div>
      )}

      <div className="mt-5 flex items-start justify-between gap-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <div className="min-w-0">
          <p id="require-signed-label" className="text-sm font-medium">
            Require signed requests
          </p>
          <p id="require-signed-description" className={`mt-1 ${muted}`}>
            When on, every Open API request must carry <code className="font-mono">X-Timestamp</code> and{" "}
            <code className="font-mono whitespace-nowrap">X-Signature</code> headers; unsigned or stale ones are refused.
            {!current && " Create a shared secret first."}
          </p>
          {requirement.error && (
            <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
              {requirement.error}
            </p>
          )}
        </div>
        <Switch
          aria-labelledby="require-signed-label"
          aria-describedby="require-signed-description"
          checked={status.requireSignedRequests}
          pending={requirement.pending}
          onCheckedChange={setRequired}
        />
      </div>
    </SettingsSection>
  );
}
