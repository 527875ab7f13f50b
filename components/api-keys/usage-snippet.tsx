"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { CopyButton } from "@/components/ui/copy-button";

const subscribe = () => () => {};
export const OPENAPI_PATH = "/api/v1/openapi.json";

/**
 * How to call the Open API with a key: the headers it is accepted in, a curl example and the
 * OpenAPI document. The example names an environment variable, not the secret itself: the
 * secret belongs in a server's configuration, never in browser or app code.
 */
export function UsageSnippet({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const t = useTranslations("KeyDialogs.snippet");
  const tDialogs = useTranslations("KeyDialogs");
  // The server cannot know the address the browser uses; it renders the path alone.
  const origin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
  // i18n-ignore: code sample
  const command = `curl -H "X-Api-Key: $KEYWARD_API_KEY" ${origin}/api/v1/me`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="min-w-0 text-sm">
      <Heading className="font-medium text-zinc-900 dark:text-zinc-100">{t("heading")}</Heading>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">
        {t.rich("sendSecret", { code: (chunks) => <code className="font-mono text-xs">{chunks}</code> })}
      </p>
      <div className="mt-2 flex items-start gap-2">
        <pre className="min-w-0 flex-1 rounded-md bg-zinc-100 px-2.5 py-2 font-mono text-xs break-all whitespace-pre-wrap dark:bg-zinc-800">
          <code>{command}</code>
        </pre>
        <CopyButton label={t("copyCommand")} getText={() => command}>
          {tDialogs("copy")}
        </CopyButton>
      </div>
      <p className="mt-2">
        <a
          href={OPENAPI_PATH}
          className="font-medium text-indigo-700 underline hover:no-underline dark:text-indigo-300"
        >
          {t("openApiDocument")}
        </a>{" "}
        <span className="text-zinc-600 dark:text-zinc-400">{t("openApiDocumentRest")}</span>
      </p>
    </div>
  );
}
