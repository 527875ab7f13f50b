import { IpAllowlist } from "./ip-allowlist";
import type { RateLimit } from "./restrictions";

/** A cached key's restrictions as the verification path checks them (SPEC §10). */
export type KeyRestrictions = {
  /** Null: any address. */
  allowlist: IpAllowlist | null;
  /** Null: no limit. */
  rateLimit: RateLimit | null;
};

/** Built once when a key is cached; null for a key without restrictions, so it pays one null check. */
export function compileRestrictions(record: { ipAllowlist: readonly string[]; rateLimit: RateLimit | null }): KeyRestrictions | null {
  if (record.ipAllowlist.length === 0 && record.rateLimit === null) return null;
  return { allowlist: record.ipAllowlist.length ? new IpAllowlist(record.ipAllowlist) : null, rateLimit: record.rateLimit };
}
