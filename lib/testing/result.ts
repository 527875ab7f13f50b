import type { Result } from "@/lib/result";

/** The data of a successful result; a failed one fails the test with its message. */
export function mustOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.error}`);
  return result.data;
}

let sequence = 0;
/** A name no other test uses. */
export const uniqueName = (prefix = "key") => `${prefix}-${Date.now().toString(36)}-${(sequence++).toString(36)}`;

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
