"use client";

import { useParams } from "next/navigation";
import { NotFoundCard } from "@/components/layout/not-found-card";

/** An unknown key, or one the viewer may not see (the owner key for everyone but the Owner). */
export default function KeyNotFound() {
  const { slug } = useParams<{ slug: string }>();
  return (
    <NotFoundCard
      title="API key not found"
      message="It may have been deleted, or the link is wrong."
      href={`/w/${slug}/api-keys`}
      linkLabel="Back to API keys"
    />
  );
}
