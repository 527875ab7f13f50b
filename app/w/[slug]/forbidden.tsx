"use client";

import { usePathname } from "next/navigation";
import { Forbidden, forbiddenCopyFor } from "@/components/layout/forbidden";

/**
 * What `forbidden()` renders (HTTP 403) inside the workspace shell. A forbidden page takes no
 * props, so the section comes from the path: /w/[slug]/<section>/….
 */
export default function WorkspaceForbidden() {
  const section = usePathname().split("/")[3];
  return <Forbidden {...forbiddenCopyFor(section)} />;
}
