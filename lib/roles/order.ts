import { asc, sql, type SQL } from "drizzle-orm";
import { roles, type BuiltInRole } from "@/db/schema";
import { BUILT_IN_ROLE_ORDER } from "@/lib/auth/permissions";

type Ordered = { name: string; builtIn: BuiltInRole | null };

/** The one role order: built-in roles first in their fixed order, then custom roles by name. */
export function compareRoles(a: Ordered, b: Ordered): number {
  const rank = (r: { builtIn: BuiltInRole | null }) => (r.builtIn ? BUILT_IN_ROLE_ORDER.indexOf(r.builtIn) : BUILT_IN_ROLE_ORDER.length);
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}

/** The same order in SQL, for an ORDER BY over `roles`. */
export function roleOrderBy(): SQL[] {
  const ranks = BUILT_IN_ROLE_ORDER.map((role, i) => sql`when ${role} then ${i}`);
  return [sql`case ${roles.builtIn} ${sql.join(ranks, sql` `)} else ${BUILT_IN_ROLE_ORDER.length} end`, asc(roles.name)];
}
