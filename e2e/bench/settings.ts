/**
 * The timed runs' settings, shared by every scenario. The machine's speed drifts by a quarter
 * over tens of seconds (other tenants of the host), so a ratio is taken between the best of
 * several short runs of each side, alternated: both then get their chance at a quiet window.
 * BENCH_DURATION: seconds per timed run (default 4); BENCH_ROUNDS: alternating runs of each side
 * (default 5); BENCH_CONNECTIONS: autocannon connections (default 50).
 */
export const DURATION = Number(process.env.BENCH_DURATION ?? 4);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
