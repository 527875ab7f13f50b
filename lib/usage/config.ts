import { ConfigError } from "@/lib/config";

/** USAGE_FLUSH_MS (default 10 000): how often counted requests are written. */
export function usageFlushMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const flush = Number(env.USAGE_FLUSH_MS ?? 10_000);
  if (!Number.isFinite(flush) || flush < 10) throw new ConfigError("USAGE_FLUSH_MS must be a number of milliseconds ≥ 10.");
  return flush;
}

/** USAGE_COUNTING=off turns counting off (benchmarks compare the two); on by default. */
export function usageCountingFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.USAGE_COUNTING?.trim().toLowerCase() !== "off";
}
