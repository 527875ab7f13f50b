type Level = "debug" | "info" | "warn" | "error";

// Field names whose values are never written, whatever a caller passes.
const REDACTED = /secret|password|token|authorization|api[-_]?key|signature|cookie/i;

function clean(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (REDACTED.test(k)) out[k] = "[redacted]";
    else if (v instanceof Error) out[k] = { name: v.name, message: v.message };
    else out[k] = v;
  }
  return out;
}

/** Structured JSON lines on stdout/stderr. */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (level === "debug" && !process.env.DEBUG) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...clean(fields) });
  if (level === "error" || level === "warn") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}
