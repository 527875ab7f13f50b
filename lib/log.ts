import { formatWithOptions } from "node:util";

type Level = "debug" | "info" | "warn" | "error";

// Field names whose values are never written, whatever a caller passes.
const REDACTED = /secret|password|token|authorization|api[-_]?key|signature|cookie/i;

const MESSAGE_MAX = 500;

/**
 * An error as a log field: its name, message, driver code and cause (what a failed query really
 * failed on). Drizzle's "Failed query: <statement>\nparams: <values>" keeps its statement,
 * shortened, but never the values: they are the row's data (hashes, ciphertexts, addresses).
 */
export function errorSummary(e: Error, depth = 0): Record<string, unknown> {
  const [message = ""] = e.message.split("\nparams:");
  const out: Record<string, unknown> = {
    name: e.name,
    message: message.length > MESSAGE_MAX ? `${message.slice(0, MESSAGE_MAX)}…` : message,
  };
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") out.code = code;
  if (e.cause instanceof Error && depth < 2) out.cause = errorSummary(e.cause, depth + 1);
  return out;
}

/** `errorSummary` and the stack's frames: the stack's first lines repeat the message, values and all. */
function errorFields(e: Error): Record<string, unknown> {
  const frames = e.stack?.indexOf("\n    at ") ?? -1;
  return { ...errorSummary(e), ...(frames >= 0 ? { stack: e.stack!.slice(frames + 1) } : {}) };
}

function clean(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (REDACTED.test(k)) out[k] = "[redacted]";
    else if (v instanceof Error) out[k] = errorSummary(v);
    else out[k] = v;
  }
  return out;
}

const stdout = process.stdout.write.bind(process.stdout);
const stderr = process.stderr.write.bind(process.stderr);

/** Structured JSON lines on stdout/stderr. */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (level === "debug" && !process.env.DEBUG) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...clean(fields) });
  if (level === "error" || level === "warn") stderr(line + "\n");
  else stdout(line + "\n");
}

// Colours and Next's "⚠"/"⨯" prefixes are for terminals, not for log lines.
const DECORATION = /\u001b\[[0-9;]*m|^\s*[⚠⨯▲✓○●ƒ]\s*/gu;

function consoleLine(level: Level, args: unknown[]): void {
  const error = args.find((a): a is Error => a instanceof Error);
  const text = formatWithOptions({ colors: false, breakLength: Infinity }, ...args.filter((a) => a !== error))
    .replace(DECORATION, "")
    .trim();
  const summary = error ? errorFields(error) : undefined;
  const msg = text || (summary?.message as string | undefined) || "";
  const fields: Record<string, unknown> = { source: "console" };
  if (summary) fields.error = summary;
  if (level === "error" || level === "warn" || msg) {
    const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
    (level === "error" || level === "warn" ? stderr : stdout)(line + "\n");
  }
}

/**
 * Next, React and Node write their own errors, warnings and banners with console.* and
 * process warnings, as multi-line text. From here on each of those is one JSON line too
 * (the message on one line, an error's stack as a field), like everything log() writes.
 */
export function routeConsoleToLog(): void {
  console.log = (...args: unknown[]) => consoleLine("info", args);
  console.info = console.log;
  console.debug = (...args: unknown[]) => {
    if (process.env.DEBUG) consoleLine("debug", args);
  };
  console.warn = (...args: unknown[]) => consoleLine("warn", args);
  console.error = (...args: unknown[]) => consoleLine("error", args);
  console.trace = console.error;
  process.removeAllListeners("warning");
  process.on("warning", (warning) => consoleLine("warn", [warning]));
}
