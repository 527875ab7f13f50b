"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { upgradePlanAction } from "@/lib/actions/settings";
import { Button } from "@/components/ui/button";

/** "Upgrade to Small": the Free plan's next step, for members with workspace:manage. */
export function UpgradePlanButton({ slug }: { slug: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState("");
  return (
    <div className="mt-3">
      <Button
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            setError("");
            const result = await upgradePlanAction(slug, { plan: "small" });
            if (!result.ok) return setError(result.error);
            toast.success("Plan changed to Small");
            router.push(`/w/${slug}/api-keys`);
          })
        }
      >
        Upgrade to Small
      </Button>
      <p className="mt-1.5 text-xs text-zinc-600 dark:text-zinc-400">API keys, the Open API and signed requests for this workspace. Recorded in the audit log.</p>
      {error && (
        <p role="alert" className="mt-1.5 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
