/**
 * Audit details as sentences in the reader's language ("Renamed from X to Y", "Roles: + Standard
 * − Read-only", "Expires: never → 2026-12-31 19:20:00"), one formatter for the audit log and a
 * key's trail. It takes the `AuditLog` translator (`useTranslations("AuditLog")`). A sentence is
 * a list of parts; a time, a role and a plan are left to the renderer, which shows the time in the
 * viewer's zone and a built-in role or a plan in the viewer's language. The server never records
 * a secret in details, so nothing here can show one.
 */
import type { Messages } from "next-intl";
import type { BuiltInRole, Plan } from "@/db/schema";
import { BUILT_IN_ROLE_DEFINITIONS } from "@/lib/auth/permissions";
import type { AuditLogTranslator } from "./action-labels";

export type DetailPart =
  | string
  | { time: string }
  /** A role as recorded (by name); `builtIn` when it is one of the built-in roles. */
  | { role: string; builtIn: BuiltInRole | null }
  /** A plan as recorded (its English name) and its id. */
  | { plan: Plan; name: string };
export type DetailSentence = DetailPart[];

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type FieldKey = keyof Messages["AuditLog"]["fields"];
const FIELDS: readonly FieldKey[] = [
  "name",
  "description",
  "roles",
  "expiresAt",
  "permissions",
  "permissionsAdded",
  "permissionsRemoved",
  "showSecretsOnce",
  "storedSecretsDeleted",
  "requireSignedRequests",
  "gracePeriod",
  "hint",
  "previousHint",
  "previousValidUntil",
  "previousSecretValidUntil",
  "inactiveKeys",
  "newUser",
  "reason",
  "previousOwner",
  "previousOwnerRoles",
  "newOwnerRoles",
  "plan",
  "ipAllowlist",
  "rateLimit",
  "leakPolicy",
  "userAgent",
  "ip",
  "url",
  "decoy",
  "failingSince",
  "events",
  "enabled",
  "action",
  "actor",
];
const isField = (field: string): field is FieldKey => (FIELDS as readonly string[]).includes(field);

/** Fields holding role names: built-in ones are shown in the reader's language. */
const ROLE_FIELDS = new Set(["roles", "previousOwnerRoles", "newOwnerRoles"]);
const BUILT_IN_BY_NAME = new Map(
  (Object.entries(BUILT_IN_ROLE_DEFINITIONS) as [BuiltInRole, { name: string }][]).map(([id, d]) => [d.name, id]),
);
/** Values recorded in English (lib/ writes them so): shown in the reader's language. */
const PLANS_BY_NAME: Record<string, Plan> = { Free: "free", Small: "small", Business: "business" };
const LEAK_POLICIES: Record<string, keyof Messages["AuditLog"]["details"]["leakPolicies"]> = {
  "Disable it": "disable",
  "Delete it": "delete",
  "Only notify": "notify",
};
const REASONS: Record<string, keyof Messages["AuditLog"]["details"]["reasons"]> = {
  "rolled again": "rolledAgain",
  "expired now": "expiredNow",
  "grace period ended": "gracePeriodEnded",
  "Deliveries failed for 5 days": "deliveriesFailed",
  "ownership transferred": "ownershipTransferred",
};
/** lib/keys/restrictions.ts describeRateLimit: "1,000 requests per minute", "No limit". */
const RATE_LIMIT = /^([\d,]+) requests? per (second|minute|hour)$/;

const own = <T>(map: Record<string, T>, key: string): T | undefined => (Object.hasOwn(map, key) ? map[key] : undefined);

const labelOf = (field: string, t: AuditLogTranslator) =>
  isField(field) ? t(`fields.${field}`) : field.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());

const rolePart = (name: unknown): DetailPart => ({ role: String(name), builtIn: BUILT_IN_BY_NAME.get(String(name)) ?? null });

function stringValue(field: string, value: string, t: AuditLogTranslator): DetailPart {
  if (field === "name" || field === "description") return `${t("details.openQuote")}${value}${t("details.closeQuote")}`;
  if (field === "plan" && own(PLANS_BY_NAME, value)) return { plan: PLANS_BY_NAME[value]!, name: value };
  const policy = field === "leakPolicy" ? own(LEAK_POLICIES, value) : undefined;
  if (policy) return t(`details.leakPolicies.${policy}`);
  const reason = field === "reason" ? own(REASONS, value) : undefined;
  if (reason) return t(`details.reasons.${reason}`);
  if (field === "rateLimit") {
    if (value === "No limit") return t("details.noLimit");
    const match = RATE_LIMIT.exec(value);
    if (match) {
      const window = match[2] as "second" | "minute" | "hour";
      return t("details.rateLimit", { limit: Number(match[1]!.replace(/,/g, "")), window: t(`details.windows.${window}`) });
    }
  }
  return value;
}

function valueParts(field: string, value: unknown, t: AuditLogTranslator): DetailPart[] {
  if (value === null || value === undefined) return [field === "expiresAt" ? t("details.never") : t("details.none")];
  if (typeof value === "string" && ISO_TIME.test(value)) return [{ time: value }];
  if (typeof value === "string") return [value === "" ? t("details.none") : stringValue(field, value, t)];
  if (typeof value === "boolean") return [value ? t("details.on") : t("details.off")];
  if (Array.isArray(value)) {
    if (value.length === 0) return [t("details.none")];
    if (!ROLE_FIELDS.has(field)) return [value.map(String).join(t("details.listSeparator"))];
    return value.flatMap((name, i) => (i === 0 ? [rolePart(name)] : [t("details.listSeparator"), rolePart(name)]));
  }
  if (typeof value === "object") return [JSON.stringify(value)];
  return [String(value)];
}

const isChange = (v: unknown): v is { from: unknown; to: unknown } =>
  typeof v === "object" && v !== null && !Array.isArray(v) && "from" in v && "to" in v;

/** "Roles: + Standard − Read-only": what a list change added and removed. */
function listChange(field: string, label: string, from: unknown[], to: unknown[], t: AuditLogTranslator): DetailSentence {
  const item = (x: unknown): DetailPart => (ROLE_FIELDS.has(field) ? rolePart(x) : String(x));
  const added = to.filter((x) => !from.includes(x)).map((x) => ["+ ", item(x)]);
  const removed = from.filter((x) => !to.includes(x)).map((x) => ["− ", item(x)]);
  const moves = [...added, ...removed];
  if (moves.length === 0) return [label, t("details.unchanged")];
  return [label, ...moves.flatMap((move, i) => (i === 0 ? move : [" ", ...move]))];
}

function sentenceOf(field: string, value: unknown, t: AuditLogTranslator): DetailSentence | null {
  if (value === "" || (Array.isArray(value) && value.length === 0 && field !== "roles")) return null;
  const label = `${labelOf(field, t)}${t("details.colon")}`;
  if (!isChange(value)) return [label, ...valueParts(field, value, t)];
  const { from, to } = value;
  if (field === "name") return [t("details.renamed", { from: String(from), to: String(to) })];
  if (Array.isArray(from) && Array.isArray(to)) return listChange(field, label, from, to, t);
  return [label, ...valueParts(field, from, t), " → ", ...valueParts(field, to, t)];
}

/** The sentences describing one event's details, in the order they were recorded. */
export function auditDetailSentences(action: string, details: Record<string, unknown>, t: AuditLogTranslator): DetailSentence[] {
  // Top-level from/to: a rename of the workspace or a member's role change.
  if (isChange(details)) {
    const field = action === "member.update_roles" ? "roles" : "name";
    return [sentenceOf(field, details, t)!];
  }
  const changes = details.changes;
  const fields = typeof changes === "object" && changes !== null && !Array.isArray(changes) ? (changes as Record<string, unknown>) : details;
  return Object.entries(fields)
    .map(([field, value]) => sentenceOf(field, value, t))
    .filter((s): s is DetailSentence => s !== null);
}

/** A part as plain text: a time in UTC ISO, a role or a plan as recorded. */
export function detailPartText(part: DetailPart): string {
  if (typeof part === "string") return part;
  if ("time" in part) return part.time;
  if ("role" in part) return part.role;
  return part.name;
}

/** The sentences as plain text (UTC times, roles as recorded), e.g. for a title or a test. */
export function auditDetailText(action: string, details: Record<string, unknown>, t: AuditLogTranslator): string {
  return auditDetailSentences(action, details, t)
    .map((s) => s.map(detailPartText).join(""))
    .join(" · ");
}
