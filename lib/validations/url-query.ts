import type { z } from "zod";
import { firstValues } from "./audit-log";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A page's query from its URL: each parameter the schema refuses (a hand-edited cursor, a NUL in
 * a search) falls back to its default, so the page renders instead of failing. Every field of
 * `schema` must be optional.
 */
export function parseUrlQuery<S extends z.ZodType>(schema: S, searchParams: SearchParams): z.output<S> {
  const input = firstValues(searchParams);
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const faulty = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  return schema.parse(Object.fromEntries(Object.entries(input).filter(([name]) => !faulty.has(name))));
}
