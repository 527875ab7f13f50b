import type { useTranslations } from "next-intl";
import { z } from "zod";
import { formatDateTime } from "@/components/ui/local-time";
import type { ApiKeyView } from "@/lib/keys/types";
import { apiKeyDescriptionSchema, apiKeyNameSchema, apiKeyRoleIdsSchema } from "@/lib/validations/api-keys";
import { restrictionsDefaults, restrictionsFormShape } from "./restrictions-form";

export const EXPIRY_PRESET_DAYS = [7, 30, 90] as const;

/** The expiry field's format, the app's one date-time format: 24 h, to the second, local time. */
export const EXPIRES_AT_FORMAT = "YYYY-MM-DD HH:mm:ss";
const EXPIRES_AT_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** A field value (`YYYY-MM-DD HH:mm:ss`) in the viewer's time zone. */
export function toDateTimeLocal(date: Date): string {
  return formatDateTime(date);
}

export function dateTimeLocalInDays(days: number): string {
  return toDateTimeLocal(new Date(Date.now() + days * 86_400_000));
}

/**
 * The instant a field value names in the viewer's time zone, or null when it is not a real
 * `YYYY-MM-DD HH:mm:ss` (2026-02-30 or 24:00:00 are refused, not rolled over).
 */
export function parseDateTimeLocal(value: string): Date | null {
  const match = EXPIRES_AT_PATTERN.exec(value.trim());
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi, s);
  return formatDateTime(date) === value.trim() ? date : null;
}

export function defaultKeyName(now = new Date()): string {
  return `API Key name ${formatDateTime(now).replace(/\D/g, "")}`;
}

/** The form's own messages (`KeyDialogs.validation`); the shared schemas' messages come from lib (English, translated by FieldError). */
export type KeyFormT = ReturnType<typeof useTranslations<"KeyDialogs.validation">>;

/**
 * The key form: the shared name, description and roles schemas, and an expiry picked as
 * "Permanent" or a local date-time. `unchangedExpiry` is the stored expiry of a key being
 * modified: keeping it is allowed even when it lies in the past (an expired key can be renamed).
 */
export function keyFormSchema(t: KeyFormT, unchangedExpiry?: string) {
  return z
    .object({
      name: apiKeyNameSchema,
      description: apiKeyDescriptionSchema,
      roleIds: apiKeyRoleIdsSchema,
      expiration: z.enum(["permanent", "custom"]),
      expiresAt: z.string(),
      ...restrictionsFormShape(t),
    })
    .superRefine((v, ctx) => {
      if (v.expiration !== "custom") return;
      if (!v.expiresAt.trim()) {
        ctx.addIssue({ code: "custom", path: ["expiresAt"], message: t("expiryRequired") });
        return;
      }
      const at = parseDateTimeLocal(v.expiresAt)?.getTime();
      if (at === undefined) {
        ctx.addIssue({ code: "custom", path: ["expiresAt"], message: t("expiryFormat", { format: EXPIRES_AT_FORMAT, example: dateTimeLocalInDays(30) }) });
      } else if (at <= Date.now() && v.expiresAt !== unchangedExpiry) {
        ctx.addIssue({ code: "custom", path: ["expiresAt"], message: t("expiryPast") });
      }
    });
}

export type KeyFormSchema = ReturnType<typeof keyFormSchema>;
export type KeyFormValues = z.input<KeyFormSchema>;
export type KeyFormData = z.output<KeyFormSchema>;
export type KeyFormField = keyof KeyFormValues;

export function createFormDefaults(readOnlyRoleId: string | undefined): KeyFormValues {
  return {
    name: defaultKeyName(),
    description: "",
    roleIds: readOnlyRoleId ? [readOnlyRoleId] : [],
    expiration: "permanent",
    expiresAt: "",
    ...restrictionsDefaults(),
  };
}

export function modifyFormDefaults(key: ApiKeyView): KeyFormValues {
  return {
    name: key.name,
    description: key.description,
    roleIds: key.roles.map((r) => r.id),
    expiration: key.expiresAt ? "custom" : "permanent",
    expiresAt: key.expiresAt ? toDateTimeLocal(new Date(key.expiresAt)) : "",
    ...restrictionsDefaults(key),
  };
}

export function expiresAtInput(data: Pick<KeyFormData, "expiration" | "expiresAt">): string | null {
  // The schema has checked the format, so the value parses.
  return data.expiration === "custom" ? parseDateTimeLocal(data.expiresAt)!.toISOString() : null;
}

/** The form fields a server answer's field errors can be shown under. */
export const KEY_FORM_FIELDS = ["name", "description", "roleIds", "expiresAt", "ipAllowlist", "rateLimit"] as const satisfies readonly KeyFormField[];
