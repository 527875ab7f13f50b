import { z } from "zod";
import { LEAK_POLICIES } from "@/db/schema/workspaces";
import { displayName, requiredOr } from "./common";

export const LEAK_REPORT_KEYS_MAX = 100;
export const LEAK_SOURCE_MAX = 100;
export const LEAK_URL_MAX = 2048;

/** Only http(s): the address is shown as a link on the key's page, so `javascript:` must never get there. */
export function isWebAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === "https:" || protocol === "http:";
}

export const leakUrlSchema = z
  .string({ error: "URL must be text" })
  .trim()
  .max(LEAK_URL_MAX, `URL must be at most ${LEAK_URL_MAX} characters`)
  .refine((v) => v === "" || isWebAddress(v), "URL must be an http or https address")
  .transform((v) => v || null)
  .meta({ description: "Where the keys were found (an http or https address)", maxLength: LEAK_URL_MAX });

/** POST /api/v1/leaks (SPEC §13): unknown fields are ignored, so any reporter's extra data is harmless. */
export const leakReportSchema = z.object({
  keys: z
    .array(z.string({ error: "Each key must be a string" }), {
      error: requiredOr("keys is required: a list of 1 to 100 strings", "keys must be a list of strings"),
    })
    .min(1, "keys must hold at least one string")
    .max(LEAK_REPORT_KEYS_MAX, `keys must hold at most ${LEAK_REPORT_KEYS_MAX} strings`)
    .meta({ description: `The leaked secrets (1–${LEAK_REPORT_KEYS_MAX}); strings that are not Keyward keys are ignored` }),
  source: displayName({ label: "Source", max: LEAK_SOURCE_MAX, required: false })
    .transform((v) => v || null)
    .optional()
    .meta({ description: `Who or what found them, e.g. "pastebin scanner" (at most ${LEAK_SOURCE_MAX} characters)` }),
  url: leakUrlSchema.optional(),
});

export type LeakReport = z.output<typeof leakReportSchema>;

/** POST /api/v1/leaks/github: GitHub's secret scanning partner payload. */
export const githubLeakSchema = z
  .array(
    z.object({
      token: z.string({ error: "token must be a string" }),
      type: z.string({ error: "type must be a string" }).optional(),
      url: z.string({ error: "url must be a string" }).optional(),
      source: z.string({ error: "source must be a string" }).optional(),
    }),
    { error: "The body must be a list of matches" },
  )
  .max(1_000, "At most 1,000 matches per request")
  .meta({ description: "The matches GitHub found: each token, its type, where it was found and the kind of source" });

export const leakPolicySchema = z.strictObject({
  policy: z.enum(LEAK_POLICIES, { error: "Choose what happens to a leaked key" }),
});

export type LeakPolicyInput = z.input<typeof leakPolicySchema>;
