"use client";

import { createContext, use } from "react";
import type { SectionPath } from "@/lib/auth/sections";

const AllowedSectionsContext = createContext<readonly SectionPath[] | null>(null);

/** The sections the signed-in member may open, from the workspace layout (null: unknown, all shown). */
export function AllowedSectionsProvider({ allowed, children }: { allowed: readonly SectionPath[]; children: React.ReactNode }) {
  return <AllowedSectionsContext value={allowed}>{children}</AllowedSectionsContext>;
}

export function useAllowedSections(): readonly SectionPath[] | null {
  return use(AllowedSectionsContext);
}
