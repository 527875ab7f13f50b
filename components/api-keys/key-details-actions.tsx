"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import type { ApiKeyView, CreateKeyOptions } from "@/lib/keys/types";
import { KeyDialogsProvider, useKeyDialogs } from "./key-dialogs";

/** The details page's dialogs: after a change the page reloads; after a deletion it goes back to the list. */
export function KeyDetailsDialogs({
  slug,
  options,
  children,
}: {
  slug: string;
  options: CreateKeyOptions;
  children: React.ReactNode;
}) {
  const router = useRouter();
  return (
    <KeyDialogsProvider
      slug={slug}
      options={options}
      onSaved={() => router.refresh()}
      onDeleted={() => router.replace(`/w/${slug}/api-keys`)}
    >
      {children}
    </KeyDialogsProvider>
  );
}

/** "Modify" and "Delete", when the viewer may. */
export function KeyDetailsActions({ apiKey }: { apiKey: ApiKeyView }) {
  const dialogs = useKeyDialogs();
  return (
    <>
      {apiKey.can.modify && (
        <Button variant="secondary" onClick={(e) => dialogs.openModify(apiKey, e.currentTarget)}>
          Modify
        </Button>
      )}
      {apiKey.can.delete && (
        <Button variant="destructive" onClick={(e) => dialogs.openDelete(apiKey, e.currentTarget)}>
          Delete
        </Button>
      )}
    </>
  );
}
