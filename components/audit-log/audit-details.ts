/**
 * Audit details as sentences ("Renamed from X to Y", "Roles: + Standard − Read-only",
 * "Expires: never → 2026-12-31 19:20:00"), one formatter for the audit log and a key's trail.
 * A sentence is a list of parts; a time is left to the renderer, which shows it in the viewer's
 * zone. The server never records a secret in details, so nothing here can show one.
 */
export type DetailPart = string | { time: string };
export type DetailSentence = DetailPart[];

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  description: "Description",
  roles: "Roles",
  expiresAt: "Expires",
  permissions: "Permissions",
  permissionsAdded: "Permissions added",
  permissionsRemoved: "Permissions removed",
  showSecretsOnce: "Show secrets only once",
  storedSecretsDeleted: "Stored secrets deleted",
  requireSignedRequests: "Require signed requests",
  gracePeriod: "Grace period",
  hint: "Hint",
  previousHint: "Previous hint",
  previousValidUntil: "Previous secret valid until",
  inactiveKeys: "Keys made inactive",
  newUser: "New user",
  reason: "Reason",
  previousOwner: "Previous owner",
  previousOwnerRoles: "Previous owner's roles",
  newOwnerRoles: "New owner's roles",
  plan: "Plan",
  ipAllowlist: "Allowed IP addresses",
  rateLimit: "Rate limit",
  leakPolicy: "When a key is reported leaked",
  userAgent: "User agent",
  ip: "Address",
  url: "URL",
};

const labelOf = (field: string) =>
  FIELD_LABELS[field] ?? field.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());

function valueParts(field: string, value: unknown): DetailPart[] {
  if (value === null || value === undefined) return [field === "expiresAt" ? "never" : "none"];
  if (typeof value === "string" && ISO_TIME.test(value)) return [{ time: value }];
  if (typeof value === "string") return [value === "" ? "none" : field === "name" || field === "description" ? `“${value}”` : value];
  if (typeof value === "boolean") return [value ? "on" : "off"];
  if (Array.isArray(value)) return [value.length ? value.map(String).join(", ") : "none"];
  if (typeof value === "object") return [JSON.stringify(value)];
  return [String(value)];
}

const isChange = (v: unknown): v is { from: unknown; to: unknown } =>
  typeof v === "object" && v !== null && !Array.isArray(v) && "from" in v && "to" in v;

/** "Roles: + Standard − Read-only": what a list change added and removed. */
function listChange(label: string, from: unknown[], to: unknown[]): DetailSentence {
  const added = to.filter((x) => !from.includes(x)).map((x) => `+ ${String(x)}`);
  const removed = from.filter((x) => !to.includes(x)).map((x) => `− ${String(x)}`);
  const moves = [...added, ...removed];
  return [`${label}: ${moves.length ? moves.join(" ") : "unchanged"}`];
}

function sentenceOf(field: string, value: unknown): DetailSentence | null {
  if (value === "" || (Array.isArray(value) && value.length === 0 && field !== "roles")) return null;
  const label = labelOf(field);
  if (!isChange(value)) return [`${label}: `, ...valueParts(field, value)];
  const { from, to } = value;
  if (field === "name") return [`Renamed from “${String(from)}” to “${String(to)}”`];
  if (Array.isArray(from) && Array.isArray(to)) return listChange(label, from, to);
  return [`${label}: `, ...valueParts(field, from), " → ", ...valueParts(field, to)];
}

/** The sentences describing one event's details, in the order they were recorded. */
export function auditDetailSentences(action: string, details: Record<string, unknown>): DetailSentence[] {
  // Top-level from/to: a rename of the workspace or a member's role change.
  if (isChange(details)) {
    const field = action === "member.update_roles" ? "roles" : "name";
    return [sentenceOf(field, details)!];
  }
  const changes = details.changes;
  const fields = typeof changes === "object" && changes !== null && !Array.isArray(changes) ? (changes as Record<string, unknown>) : details;
  return Object.entries(fields)
    .map(([field, value]) => sentenceOf(field, value))
    .filter((s): s is DetailSentence => s !== null);
}

/** The sentences as plain text (UTC times), e.g. for a title or a test. */
export function auditDetailText(action: string, details: Record<string, unknown>): string {
  return auditDetailSentences(action, details)
    .map((s) => s.map((p) => (typeof p === "string" ? p : p.time)).join(""))
    .join(" · ");
}
