import { z } from "zod";
import { formatDateTime } from "@/components/ui/local-time";
import type { ApiKeyView } from "@/lib/keys/types";
import { apiKeyDescriptionSchema, apiKeyNameSchema, apiKeyRoleIdsSchema } from "@/lib/validations/api-keys";

export const EXPIRY_PRESET_DAYS = [7, 30, 90] as const;

const pad = (n: number) => String(n).padStart(2, "0");

/** A `datetime-local` value (YYYY-MM-DDTHH:mm) in the viewer's time zone. */
export function toDateTimeLocal(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function dateTimeLocalInDays(days: number): string {
  return toDateTimeLocal(new Date(Date.now() + days * 86_400_000));
}

export function defaultKeyName(now = new Date()): string {
  return `API Key name ${formatDateTime(now).replace(/\D/g, "")}`;
}

/**
 * The key form: the shared name, description and roles schemas, and an expiry picked as
 * "Permanent" or a local date-time. `unchangedExpiry` is the stored expiry of a key being
 * modified: keeping it is allowed even when it lies in the past (an expired key can be renamed).
 */
export function keyFormSchema(unchangedExpiry?: string) {
  return z
    .object({
      name: apiKeyNameSchema,
      description: apiKeyDescriptionSchema,
      roleIds: apiKeyRoleIdsSchema,
      expiration: z.enum(["permanent", "custom"]),
      expiresAt: z.string(),
    })
    .superRefine((v, ctx) => {
      if (v.expiration !== "custom") return;
      const at = new Date(v.expiresAt).getTime();
      if (!v.expiresAt || Number.isNaN(at)) {
        ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "Choose when the key expires" });
      } else if (at <= Date.now() && v.expiresAt !== unchangedExpiry) {
        ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "Expiry must be in the future" });
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
  };
}

export function modifyFormDefaults(key: ApiKeyView): KeyFormValues {
  return {
    name: key.name,
    description: key.description,
    roleIds: key.roles.map((r) => r.id),
    expiration: key.expiresAt ? "custom" : "permanent",
    expiresAt: key.expiresAt ? toDateTimeLocal(new Date(key.expiresAt)) : "",
  };
}

export function expiresAtInput(data: Pick<KeyFormData, "expiration" | "expiresAt">): string | null {
  return data.expiration === "custom" ? new Date(data.expiresAt).toISOString() : null;
}

/** The form fields a server answer's field errors can be shown under. */
export const KEY_FORM_FIELDS = ["name", "description", "roleIds", "expiresAt"] as const satisfies readonly KeyFormField[];
