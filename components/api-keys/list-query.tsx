"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { createContext, use, useCallback, useMemo, useTransition } from "react";

type ListQuery = {
  /** True while the server resolves a new search, filter or page. */
  pending: boolean;
  /** Replaces the given URL parameters (null removes one); any change but `cursor` returns to page 1. */
  setParams: (changes: Record<string, string | null>) => void;
};

const ListQueryContext = createContext<ListQuery>({ pending: false, setParams: () => {} });

/** The list's search, filter and page live in the URL and are resolved by the server page. */
export function ListQueryProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();

  const setParams = useCallback(
    (changes: Record<string, string | null>) => {
      const params = new URLSearchParams(searchParams.toString());
      if (!("cursor" in changes)) params.delete("cursor");
      for (const [name, value] of Object.entries(changes)) {
        if (value === null || value === "") params.delete(name);
        else params.set(name, value);
      }
      const query = params.toString();
      startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [pathname, router, searchParams],
  );

  const value = useMemo(() => ({ pending, setParams }), [pending, setParams]);
  return <ListQueryContext value={value}>{children}</ListQueryContext>;
}

export function useListQuery(): ListQuery {
  return use(ListQueryContext);
}
