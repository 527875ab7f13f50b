"use client";

import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { NotFoundCard } from "@/components/layout/not-found-card";

/** A page of the workspace that does not exist, shown inside the workspace shell. */
export default function WorkspaceNotFound() {
  const { slug } = useParams<{ slug: string }>();
  const t = useTranslations("Shell.notFound");
  return (
    <NotFoundCard
      title={t("title")}
      message={t("message")}
      href={`/w/${slug}/api-keys`}
      linkLabel={t("backToApiKeys")}
    />
  );
}
