import { z } from "zod";
import type { ApiKeyView } from "@/lib/keys/types";
import type { KeyFormT } from "./key-form";
import { ipAllowlistTextSchema, RATE_LIMIT_WINDOWS, rateLimitSchema, type RateLimit } from "@/lib/keys/restrictions";

/**
 * The dialogs' "Restrictions" section as form values: the allowlist as the text area's text,
 * the rate limit as a choice plus a number field. Both are checked with the server's own schemas
 * (lib/keys/restrictions.ts), so the form refuses exactly what the server would.
 */
export const rateLimitFormSchema = (t: KeyFormT) =>
  z
    .object({
      mode: z.enum(["none", "limit"]),
      limit: z.string(),
      window: z.enum(RATE_LIMIT_WINDOWS),
    })
    .transform((v, ctx): RateLimit | null => {
      if (v.mode === "none") return null;
      const text = v.limit.trim();
      if (!text) {
        ctx.addIssue({ code: "custom", path: ["limit"], message: t("rateLimitRequired") });
        return z.NEVER;
      }
      // Digits only: "1e3" or "10.5" are not a number of requests.
      const parsed = rateLimitSchema.safeParse({ limit: /^\d+$/.test(text) ? Number(text) : Number.NaN, window: v.window });
      if (!parsed.success) {
        const message = /^\d+$/.test(text) ? parsed.error.issues[0]!.message : t("rateLimitWhole");
        ctx.addIssue({ code: "custom", path: ["limit"], message });
        return z.NEVER;
      }
      return parsed.data;
    });

export const restrictionsFormShape = (t: KeyFormT) => ({ ipAllowlist: ipAllowlistTextSchema, rateLimit: rateLimitFormSchema(t) });

export type RateLimitFormValues = z.input<ReturnType<typeof rateLimitFormSchema>>;

export function restrictionsDefaults(key?: Pick<ApiKeyView, "ipAllowlist" | "rateLimit">): {
  ipAllowlist: string;
  rateLimit: RateLimitFormValues;
} {
  return {
    ipAllowlist: key?.ipAllowlist.join("\n") ?? "",
    rateLimit: key?.rateLimit
      ? { mode: "limit", limit: String(key.rateLimit.limit), window: key.rateLimit.window }
      : { mode: "none", limit: "", window: "minute" },
  };
}
