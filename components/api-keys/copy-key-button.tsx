"use client";

import { toast } from "sonner";
import { revealApiKeySecretAction } from "@/lib/actions/api-keys";
import { CopyButton } from "@/components/ui/copy-button";
import type { ApiKeyView } from "@/lib/keys/types";
import { ClipboardIcon } from "./icons";
import { useServerAction } from "@/lib/client/use-server-action";
import { SECRET_SHOWN_ONCE } from "./messages";

/**
 * "Copy key": fetches the full secret on click (the server checks the permission and audits
 * the copy), so no page ever carries a secret. Once-only workspaces copy nothing and say why.
 */
export function CopyKeyButton({ slug, apiKey }: { slug: string; apiKey: Pick<ApiKeyView, "id" | "secretStored"> }) {
  const copy = useServerAction(revealApiKeySecretAction);
  return (
    <CopyButton
      label="Copy key"
      variant="ghost"
      size="icon"
      title={apiKey.secretStored ? "Copy the full secret" : "Secret shown only once"}
      getText={async () => {
        if (!apiKey.secretStored) {
          toast.info(SECRET_SHOWN_ONCE);
          return null;
        }
        const result = await copy.run(slug, apiKey.id, "copy");
        if (!result.ok) {
          toast.error(result.error);
          return null;
        }
        if (result.data.secret === null) {
          toast.info(SECRET_SHOWN_ONCE);
          return null;
        }
        return result.data.secret;
      }}
    >
      <ClipboardIcon />
    </CopyButton>
  );
}
