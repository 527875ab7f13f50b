"use client";

import { useParams } from "next/navigation";
import { NotFoundCard } from "@/components/layout/not-found-card";

/** A page of the workspace that does not exist, shown inside the workspace shell. */
export default function WorkspaceNotFound() {
  const { slug } = useParams<{ slug: string }>();
  return (
    <NotFoundCard
      title="Page not found"
      message="This page does not exist, or you do not have access to it."
      href={`/w/${slug}/api-keys`}
      linkLabel="Back to API keys"
    />
  );
}
