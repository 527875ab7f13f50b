/** The PostgreSQL error behind a driver or drizzle error (drizzle wraps it in `cause`). */
function pgErrorOf(err: unknown): { code?: string; constraint?: string; constraint_name?: string } | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return candidate as { code?: string; constraint?: string; constraint_name?: string };
    }
    current = candidate.cause;
  }
  return undefined;
}

/** True for a unique violation, optionally of one named constraint or index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(err);
  if (pg?.code !== "23505") return false;
  if (!constraint) return true;
  return (pg.constraint ?? pg.constraint_name) === constraint;
}
