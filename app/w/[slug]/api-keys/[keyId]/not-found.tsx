"use client";

import { useTranslations } from "next-intl";
import { useParams } from "next/navigation";
import { NotFoundCard } from "@/components/layout/not-found-card";

/** An unknown key, or one the viewer may not see (the owner key for everyone but the Owner). */
export default function KeyNotFound() {
  const t = useTranslations("KeyDetails.notFound");
  const { slug } = useParams<{ slug: string }>();
  return (
    <NotFoundCard
      title={t("title")}
      message={t("message")}
      href={`/w/${slug}/api-keys`}
      linkLabel={t("back")}
    />
  );
}
